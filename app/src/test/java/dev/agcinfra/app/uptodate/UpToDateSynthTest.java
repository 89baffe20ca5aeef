package dev.agcinfra.app.uptodate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.app.Main;
import dev.agcinfra.app.OutputFolder;
import dev.agcinfra.app.SynthRun;
import dev.agcinfra.app.lookup.AwsEnvironment;
import dev.agcinfra.settings.SettingsLoader;
import dev.agcinfra.testing.FakeAgcInstallation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A synth whose inputs and output are unchanged since the last one does no work, and any change, or any doubt, makes
 * it synthesize: never stale output.
 */
class UpToDateSynthTest {

    private static final String CODE = "agc-infra code under test";
    private static final String SETTINGS = """
            account: "123456789012"
            agcHome: agc-home
            regions:
              eu-west-1: { usePublicSubnets: true }
            """;

    @TempDir
    Path dir;
    Path out;
    Path core;

    @BeforeEach
    void firstSynth() throws IOException {
        FakeAgcInstallation.create(dir.resolve("agc-home"));
        Files.writeString(dir.resolve("agc.yaml"), SETTINGS);
        out = dir.resolve("cdktf.out");
        core = out.resolve("stacks/agc-core-eu-west-1/cdk.tf.json");
        SynthRun first = SynthRun.in(dir, CODE, Map.of(), false);
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.skipped()).isFalse();
        assertThat(out.resolve(SynthStamp.FILE_NAME)).isRegularFile();
        markWritten();
    }

    /** Backdates every written file, so a synth that writes again is seen by the files' times. */
    private void markWritten() throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
            }
        }
    }

    private boolean rewritten() throws IOException {
        return Files.getLastModifiedTime(core).toInstant().isAfter(Instant.parse("2020-01-02T00:00:00Z"));
    }

    private SynthRun again(Map<String, String> env) {
        SynthRun run = SynthRun.in(dir, CODE, env, false);
        assertThat(run.status()).as(run.err()).isZero();
        return run;
    }

    @Test
    void anUnchangedSynthPrintsTheSameSummaryAndSaysItIsUpToDateWithoutWritingAnything() throws IOException {
        String before = Files.readString(core);
        SynthRun forced = SynthRun.in(dir, CODE, Map.of(), true);
        markWritten();

        SynthRun run = again(Map.of());

        assertThat(run.skipped()).isTrue();
        assertThat(run.err()).contains("cdktf.out is up to date", "--force");
        assertThat(run.out()).isEqualTo(forced.out()).contains("agc-core-eu-west-1", "resources=");
        assertThat(rewritten()).isFalse();
        assertThat(Files.readString(core)).isEqualTo(before);
    }

    @Test
    void forceSynthesizesAnywayAndStampsWhatItWrote() throws IOException {
        SynthRun forced = SynthRun.in(dir, CODE, Map.of(), true);

        assertThat(forced.skipped()).isFalse();
        assertThat(rewritten()).isTrue();
        assertThat(again(Map.of()).skipped()).isTrue();
    }

    @Test
    void aChangedSettingsFileIsSynthesized() throws IOException {
        Files.writeString(dir.resolve("agc.yaml"), SETTINGS.replace("eu-west-1: { usePublicSubnets: true }",
                "eu-west-1: { usePublicSubnets: true, tags: { team: genomics } }"));

        assertThat(again(Map.of()).skipped()).isFalse();
        assertThat(Files.readString(core)).contains("genomics");
    }

    @Test
    void theSameSettingsBytesWrittenAgainAreStillUpToDate() throws IOException {
        Files.writeString(dir.resolve("agc.yaml"), SETTINGS); // a new modification time, the same bytes

        assertThat(again(Map.of()).skipped()).isTrue();
    }

    @Test
    void anEditedRemovedOrAddedStackFileMakesTheSynthWriteItsOutputAgain() throws IOException {
        String written = Files.readString(core);
        Files.writeString(core, written.replace("eu-west-1", "eu-west-2"));
        assertThat(again(Map.of()).skipped()).isFalse();
        assertThat(Files.readString(core)).isEqualTo(written);

        Files.delete(out.resolve("stacks/agc-data-eu-west-1/cdk.tf.json"));
        assertThat(again(Map.of()).skipped()).isFalse();
        assertThat(out.resolve("stacks/agc-data-eu-west-1/cdk.tf.json")).isRegularFile();

        Path stale = out.resolve("stacks/agc-core-us-east-1");
        Files.createDirectories(stale);
        Files.writeString(stale.resolve("cdk.tf.json"), "{}");
        assertThat(again(Map.of()).skipped()).isFalse();
        assertThat(stale).doesNotExist();

        Files.writeString(out.resolve("manifest.json"), "{}");
        assertThat(again(Map.of()).skipped()).isFalse();
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("agc-core-eu-west-1");
    }

    @Test
    void terraformsOwnFilesInAStacksFolderDoNotMakeItStale() throws IOException {
        Path stackDir = core.getParent();
        Files.createDirectories(stackDir.resolve(".terraform"));
        Files.writeString(stackDir.resolve(".terraform.lock.hcl"), "# lock");
        Files.writeString(stackDir.resolve("plan"), "a plan");

        assertThat(again(Map.of()).skipped()).isTrue();
    }

    @Test
    void aStampThatCannotBeReadOrIsMissingMeansSynthesize() throws IOException {
        Files.writeString(out.resolve(SynthStamp.FILE_NAME), "{ not json");
        assertThat(again(Map.of()).skipped()).isFalse();
        assertThat(again(Map.of()).skipped()).isTrue();

        Files.delete(out.resolve(SynthStamp.FILE_NAME));
        assertThat(again(Map.of()).skipped()).isFalse();
    }

    @Test
    void aChangedLookupCacheEnvironmentOrCodeIsSynthesized() throws IOException {
        Files.writeString(dir.resolve("agc.context.json"), "{}");
        assertThat(again(Map.of()).skipped()).isFalse();
        assertThat(again(Map.of()).skipped()).isTrue();

        assertThat(again(Map.of("AWS_PROFILE", "other")).skipped()).isFalse();
        assertThat(again(Map.of("AWS_PROFILE", "other")).skipped()).isTrue();
        assertThat(again(Map.of("AWS_PROFILE", "other", "AGC_INFRA_TIMINGS", "1")).skipped())
                .as("a switch that changes no output").isTrue();

        SynthRun newCode = SynthRun.in(dir, CODE + " rebuilt", Map.of("AWS_PROFILE", "other"), false);
        assertThat(newCode.skipped()).isFalse();
    }

    @Test
    void aChangedFileOfTheAgcInstallationIsSynthesized() throws IOException {
        Path adapter = dir.resolve("agc-home/wes/wes_adapter.zip");
        Files.write(adapter, new byte[] {1, 2, 3});

        assertThat(again(Map.of()).skipped()).isFalse();
        assertThat(again(Map.of()).skipped()).isTrue();
    }

    @Test
    void invalidSettingsAreReportedWhateverTheStampSays() throws IOException {
        Files.writeString(dir.resolve("agc.yaml"), SETTINGS + "bogus: 1\n");

        SynthRun run = SynthRun.in(dir, CODE, Map.of(), false);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("bogus").doesNotContain("up to date");
        assertThat(out.resolve(SynthStamp.FILE_NAME)).as("the previous output and its stamp are kept").isRegularFile();
    }

    @Test
    void aSettingsFileEditedWhileTheSynthRunsLeavesNoStampSoTheNextSynthRunsAgain() throws IOException {
        // no regions: the loader asks for the default region while it reads the file; the user saves an edit then
        Path settings = dir.resolve("agc.yaml");
        Files.writeString(settings, "account: \"123456789012\"\nagcHome: agc-home\n");
        AwsEnvironment editedMeanwhile = new AwsEnvironment(Map.of(), Optional.empty(),
                AnonymousCredentialsProvider.create(), () -> {
                    try {
                        Files.writeString(settings, "account: \"123456789012\"\nagcHome: agc-home\n# edited\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return Region.EU_WEST_1;
                });
        int status = Main.synth(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new SettingsLoader(dir, Map.of()), editedMeanwhile, OutputFolder.at(out),
                UpToDateCheck.withCode(CODE, Map.of(), false));

        assertThat(status).isZero();
        assertThat(out.resolve(SynthStamp.FILE_NAME)).as("made from bytes that are gone").doesNotExist();
    }

    @Test
    void agcInfraForceInTheEnvironmentSynthesizesAsForceDoes() throws IOException {
        Map<String, String> env = Map.of(UpToDateCheck.FORCE_ENV, "1");
        SynthRun forced = SynthRun.in(dir, CODE, env, false);

        assertThat(forced.skipped()).isFalse();
        assertThat(rewritten()).isTrue();
        assertThat(again(Map.of()).skipped()).as("AGC_INFRA_FORCE is not an input").isTrue();
    }

    @Test
    void aPlainFileWhereAStacksFolderGoesIsRefusedAsAFullSynthWouldRefuseIt() throws IOException {
        Files.writeString(out.resolve("stacks/not-a-stack"), "x");

        SynthRun run = SynthRun.in(dir, CODE, Map.of(), false);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("not-a-stack").doesNotContain("up to date");
    }

    @Test
    void aSynthWithoutTheCheckLeavesNoStampBehindSoTheNextOneSynthesizes() throws IOException {
        String before = Files.readString(dir.resolve("agc.yaml"));
        Files.writeString(dir.resolve("agc.yaml"), SETTINGS.replace("usePublicSubnets: true", "usePublicSubnets: false"));
        // as account activate synthesizes: no check, no stamp
        AwsEnvironment offline = new AwsEnvironment(Map.of(), Optional.empty(), AnonymousCredentialsProvider.create(),
                () -> Region.EU_WEST_1);
        assertThat(Main.synth(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new SettingsLoader(dir, Map.of()), offline, OutputFolder.at(out))).isZero();
        assertThat(out.resolve(SynthStamp.FILE_NAME)).doesNotExist();

        Files.writeString(dir.resolve("agc.yaml"), before);
        assertThat(again(Map.of()).skipped()).isFalse();
        assertThat(Files.readString(core)).doesNotContain("aws_nat_gateway");
    }

    @Test
    void anUpToDateSynthDoesNotStartNodeJs() throws Exception {
        // a JVM of its own, whose jsii runtime cannot start: only a synth that never starts jsii can succeed
        SubprocessResult upToDate = runInOwnJvm(List.of());
        assertThat(upToDate.status()).as(upToDate.err()).isZero();
        assertThat(upToDate.err()).contains("is up to date");
        assertThat(upToDate.out()).contains("agc-core-eu-west-1");

        SubprocessResult forced = runInOwnJvm(List.of("--force"));
        assertThat(forced.status()).as("the same JVM cannot synthesize: the check above did not fake it").isNotZero();
    }

    record SubprocessResult(int status, String out, String err) {
    }

    private SubprocessResult runInOwnJvm(List<String> extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SynthRun.class.getName(), dir.toString(), CODE));
        command.addAll(extra);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JSII_RUNTIME", dir.resolve("no-such-jsii-runtime").toString());
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the synth did not finish in 60 s");
        }
        return new SubprocessResult(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }
}
