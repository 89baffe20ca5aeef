package dev.agcinfra.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hashicorp.cdktf.Manifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synth owns its output folder: a complete new output replaces the old one, or nothing changes. */
class OutputFolderTest {

    @TempDir
    Path dir;

    /** Writes what a synth writes: {@code manifest.json} listing {@code stacks}, and each stack's cdk.tf.json. */
    private static OutputFolder.Writer<Void> synthOf(String... stacks) {
        return fresh -> {
            write(fresh, stacks);
            return null;
        };
    }

    private static void write(Path folder, String... stacks) {
        try {
            StringBuilder manifest = new StringBuilder("{\"version\": \"0.19.2\", \"stacks\": {");
            for (int i = 0; i < stacks.length; i++) {
                Files.createDirectories(folder.resolve("stacks").resolve(stacks[i]));
                Files.writeString(folder.resolve("stacks").resolve(stacks[i]).resolve("cdk.tf.json"),
                        "{\"stack\": \"" + stacks[i] + "\", \"synth\": \"" + folder.getFileName() + "\"}");
                manifest.append(i == 0 ? "" : ", ").append('"').append(stacks[i]).append("\": {}");
            }
            Files.writeString(folder.resolve("manifest.json"), manifest.append("}}").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file below {@code folder} with its content, to compare before and after. */
    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.toList()) {
                all.put(folder.relativize(f).toString(), Files.isRegularFile(f) ? Files.readString(f) : "<folder>");
            }
        }
        return all;
    }

    private List<String> besideTheFolder() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSynthReplacesTheWholeOutputAndTheManifestListsItsStacks() {
        OutputFolder out = OutputFolder.at(dir.resolve("cdktf.out"));
        out.replace(synthOf("agc-data-us-east-1", "agc-core-us-east-1"));

        out.replace(synthOf("agc-core-us-east-1"));

        assertThat(out.stacks()).containsExactly("agc-core-us-east-1");
        assertThat(dir.resolve("cdktf.out/stacks/agc-data-us-east-1")).as("a removed stack leaves no folder").doesNotExist();
        assertThat(dir.resolve("cdktf.out/stacks/agc-core-us-east-1/cdk.tf.json")).exists();
    }

    @Test
    void aSynthThatFailsLeavesThePreviousOutputWholeAndNoFreshFolderBehind() throws IOException {
        OutputFolder out = OutputFolder.at(dir.resolve("cdktf.out"));
        out.replace(synthOf("agc-data-us-east-1", "agc-core-us-east-1"));
        Map<String, String> before = contents(dir.resolve("cdktf.out"));

        RuntimeException failure = new IllegalStateException("the synth broke half way");
        Throwable thrown = catchThrowableOfType(IllegalStateException.class, () -> out.replace(fresh -> {
            write(fresh, "agc-core-eu-west-1");
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(contents(dir.resolve("cdktf.out"))).isEqualTo(before);
        assertThat(besideTheFolder()).containsExactly("cdktf.out");
    }

    @Test
    void terraformsFilesInTheFolderOfAStackStillProducedAreKeptAndSoIsAnythingElseTheUserPutThere() throws IOException {
        OutputFolder out = OutputFolder.at(dir.resolve("cdktf.out"));
        out.replace(synthOf("agc-core-us-east-1"));
        Path core = dir.resolve("cdktf.out/stacks/agc-core-us-east-1");
        Files.createDirectories(core.resolve(".terraform/providers"));
        Files.writeString(core.resolve(".terraform/providers/marker"), "provider");
        Files.writeString(core.resolve(".terraform.lock.hcl"), "lock");
        Files.writeString(dir.resolve("cdktf.out/NOTES.md"), "mine");

        out.replace(synthOf("agc-core-us-east-1"));

        assertThat(core.resolve(".terraform/providers/marker")).hasContent("provider");
        assertThat(core.resolve(".terraform.lock.hcl")).hasContent("lock");
        assertThat(dir.resolve("cdktf.out/NOTES.md")).hasContent("mine");
        assertThat(Files.readString(core.resolve("cdk.tf.json"))).as("the stack file is the new synth's")
                .contains(".cdktf.out.new-");
        assertThat(besideTheFolder()).containsExactly("cdktf.out");
    }

    @Test
    void whenTheCdktfCliRunsTheAppTheFoldersOfRemovedStacksAreLeftForTheCliToRemove() throws IOException {
        OutputFolder out = OutputFolder.of(dir, Map.of(OutputFolder.CDKTF_OUTDIR_ENV, "cdktf.out"));
        out.replace(synthOf("agc-data-us-east-1", "agc-core-us-east-1"));

        out.replace(synthOf("agc-core-us-east-1"));

        // cdktf synth removes the folders of stacks its manifest no longer lists, and fails when one is gone already
        assertThat(dir.resolve("cdktf.out/stacks/agc-data-us-east-1/cdk.tf.json")).exists();
        assertThat(out.stacks()).containsExactly("agc-core-us-east-1");
    }

    @Test
    void theFolderOfARemovedStackThatHoldsTerraformStateKeptOnThisMachineIsNotDeleted() throws IOException {
        OutputFolder out = OutputFolder.at(dir.resolve("cdktf.out"));
        out.replace(synthOf("agc-data-us-east-1", "agc-core-us-east-1"));
        Files.writeString(dir.resolve("cdktf.out/stacks/agc-data-us-east-1/terraform.tfstate"), "{\"resources\": []}");
        Map<String, String> before = contents(dir.resolve("cdktf.out"));

        OutputFolder.Unusable e = catchThrowableOfType(OutputFolder.Unusable.class,
                () -> out.replace(synthOf("agc-core-us-east-1")));

        assertThat(e.getMessage()).contains("stacks/agc-data-us-east-1/terraform.tfstate: the settings no longer produce "
                + "the stack agc-data-us-east-1", "this file is Terraform state kept on this machine; move it out of")
                .doesNotContain("\n");
        assertThat(contents(dir.resolve("cdktf.out"))).isEqualTo(before);
        assertThat(besideTheFolder()).containsExactly("cdktf.out");
    }

    @Test
    void aFileWhereTheOutputFolderGoesIsOneLineAndIsLeftAlone() throws IOException {
        Files.writeString(dir.resolve("cdktf.out"), "my notes");
        OutputFolder out = OutputFolder.at(dir.resolve("cdktf.out"));

        OutputFolder.Unusable e = catchThrowableOfType(OutputFolder.Unusable.class, () -> out.replace(synthOf("agc-core-us-east-1")));

        assertThat(e.getMessage()).endsWith("cdktf.out: is a file, not a folder; the synth writes its output there: move it "
                + "away, then synthesize again");
        assertThat(dir.resolve("cdktf.out")).hasContent("my notes");
        assertThat(besideTheFolder()).containsExactly("cdktf.out");
    }

    @Test
    void aFileWhereAStacksFolderGoesIsOneLineAndNothingIsChanged() throws IOException {
        OutputFolder out = OutputFolder.at(dir.resolve("cdktf.out"));
        out.replace(synthOf("agc-data-us-east-1"));
        Files.writeString(dir.resolve("cdktf.out/stacks/agc-core-us-east-1"), "not a folder");
        Map<String, String> before = contents(dir.resolve("cdktf.out"));

        OutputFolder.Unusable e = catchThrowableOfType(OutputFolder.Unusable.class,
                () -> out.replace(synthOf("agc-data-us-east-1", "agc-core-us-east-1")));

        assertThat(e.getMessage()).endsWith("cdktf.out/stacks/agc-core-us-east-1: is a file, not a stack's folder; move it "
                + "out of " + dir.resolve("cdktf.out") + ", then synthesize again");
        assertThat(contents(dir.resolve("cdktf.out"))).isEqualTo(before);
    }

    @Test
    void aSymbolicLinkToTheOutputFolderStaysALinkToTheNewOutput() throws IOException {
        Path real = Files.createDirectories(dir.resolve("elsewhere/out"));
        Files.createSymbolicLink(dir.resolve("cdktf.out"), real);
        OutputFolder out = OutputFolder.at(dir.resolve("cdktf.out"));

        out.replace(synthOf("agc-core-us-east-1"));

        assertThat(Files.isSymbolicLink(dir.resolve("cdktf.out"))).isTrue();
        assertThat(real.resolve("stacks/agc-core-us-east-1/cdk.tf.json")).exists();
    }

    @Test
    void aPlaceWhereNothingCanBeWrittenIsOneLineWithTheSystemsReason() {
        Path unwritable = Path.of("/sys/agc-infra-output-test");
        assumeTrue(Files.isDirectory(Path.of("/sys")) && !Files.exists(unwritable), "needs Linux's read-only /sys");
        OutputFolder out = OutputFolder.at(unwritable.resolve("cdktf.out"));

        OutputFolder.Unusable e = catchThrowableOfType(OutputFolder.Unusable.class, () -> out.replace(synthOf("agc-core-us-east-1")));

        assertThat(e.getMessage()).startsWith("/sys/agc-infra-output-test/cdktf.out: the synth cannot create its new output "
                + "beside it in /sys/agc-infra-output-test (").contains("then synthesize again").doesNotContain("\n");
    }

    @Test
    void whenCdktfCannotWriteItsNodeJsErrorBecomesOneLineInTheSystemsWords() {
        // A real jsii error: CDKTF's Manifest creates <outdir>/stacks, which Linux refuses under /sys
        Path unwritable = Path.of("/sys/agc-infra-output-test");
        assumeTrue(Files.isDirectory(Path.of("/sys")) && !Files.exists(unwritable), "needs Linux's read-only /sys");
        OutputFolder out = OutputFolder.at(dir.resolve("cdktf.out"));

        OutputFolder.Unusable e = catchThrowableOfType(OutputFolder.Unusable.class, () -> out.replace(fresh -> {
            new Manifest("0.19.2", unwritable.toString());
            return null;
        }));

        assertThat(e.getMessage()).startsWith(dir.resolve("cdktf.out") + ": the synth could not write its output beside it (")
                .containsPattern("\\((operation not permitted \\(EPERM\\)|no such file or directory \\(ENOENT\\)|"
                        + "permission denied \\(EACCES\\)|read-only file system \\(EROFS\\))\\)")
                .doesNotContain("\n", "at ");
        assertThat(dir.resolve("cdktf.out")).doesNotExist();
    }
}
