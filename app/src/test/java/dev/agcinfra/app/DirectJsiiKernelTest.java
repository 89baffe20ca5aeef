package dev.agcinfra.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.app.uptodate.SynthStamp;
import dev.agcinfra.testing.FakeAgcInstallation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/agc-infra runs jsii's kernel directly (bin/jsii-kernel.js, with the command bin/jsii-kernel-command prints)
 * instead of through jsii's relay: a synth that way writes the same bytes as a synth through the relay, which is how
 * every other test runs.
 */
class DirectJsiiKernelTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void aSynthThroughTheDirectKernelWritesTheSameFilesAsThroughJsiisRelay(@TempDir Path dir) throws Exception {
        FakeAgcInstallation.create(dir.resolve("agc-home"));
        String settings = """
                account: "123456789012"
                agcHome: agc-home
                regions:
                  us-east-1: {}
                  eu-west-1: { usePublicSubnets: true }
                """;
        Path relay = Files.createDirectories(dir.resolve("relay"));
        Path direct = Files.createDirectories(dir.resolve("direct"));
        for (Path d : List.of(relay, direct)) {
            Files.writeString(d.resolve("agc.yaml"), settings.replace("agcHome: agc-home", "agcHome: ../agc-home"));
        }
        SynthRun inProcess = SynthRun.in(relay, "code", Map.of(), true);
        assertThat(inProcess.status()).as(inProcess.err()).isZero();

        Path program = ROOT.resolve("app/target/jsii-runtime/software/amazon/jsii/lib/program.js");
        assertThat(program).as("unpacked by the build (process-resources)").isRegularFile();
        // the launcher's scripts and the kernel, copied to a path that needs quoting in the shell jsii starts it with
        Path copy = dir.resolve("agc infra's $(copy)");
        Files.createDirectories(copy.resolve("bin"));
        for (String script : List.of("bin/jsii-kernel-command", "bin/jsii-kernel.js")) {
            Files.copy(ROOT.resolve(script), copy.resolve(script), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path copiedProgram = copy.resolve(ROOT.relativize(program));
        Files.createDirectories(copiedProgram.getParent());
        Files.copy(program, copiedProgram);
        String runtime = run(List.of(copy.resolve("bin/jsii-kernel-command").toString())).strip();
        assertThat(runtime).contains("jsii-kernel.js", "program.js");

        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SynthRun.class.getName(), direct.toString(), "code",
                "--force");
        pb.environment().put("JSII_RUNTIME", runtime);
        pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();

        assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo(inProcess.out());
        Map<String, String> viaRelay = written(relay.resolve("cdktf.out"));
        assertThat(viaRelay).containsKeys("manifest.json", "stacks/agc-core-us-east-1/cdk.tf.json");
        assertThat(written(direct.resolve("cdktf.out"))).isEqualTo(viaRelay);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    /** Every file below {@code folder} but the stamp (whose digests name the folder), by relative path. */
    private static Map<String, String> written(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().equals(SynthStamp.FILE_NAME)) {
                    files.put(folder.relativize(f).toString(), Files.readString(f));
                }
            }
        }
        return files;
    }
}
