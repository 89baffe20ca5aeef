package dev.agcinfra.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.app.uptodate.SynthStamp;
import dev.agcinfra.cli.ExitCode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line itself: help, usage errors in one line, and AWS failures as exit 3. */
class AgcInfraCommandTest {

    @TempDir
    Path dir;

    @Test
    void theRootHelpNamesTheAccountCommandsTheSynthWithoutArgumentsAndTheExitCodes() {
        // When
        CliRun.Result r = new CliRun(dir).run("--help");

        // Then
        assertThat(r.status()).isZero();
        assertThat(r.out().replaceAll("\\s+", " ")).contains("synth", "account", "Without arguments: synth", "Exit codes:",
                " 0 done", " 2 invalid input", " 3 an AWS call failed", " 4 internal error",
                " other Terraform's own exit status");
    }

    @Test
    void synthIsAVerbThatWritesWhatTheJarWritesWithoutArguments() throws Exception {
        // Given: the same settings in two working directories, without an AGC installation
        String settings = "account: \"123456789012\"\nagcHome: " + dir.resolve("no-agc") + "\nregions:\n"
                + "  eu-west-1: { usePublicSubnets: true }\n";
        Files.writeString(dir.resolve("agc.yaml"), settings);
        Path bare = Files.createDirectory(dir.resolve("no-arguments"));
        Files.writeString(bare.resolve("agc.yaml"), settings);

        // When: `agc-infra synth` here, and the jar's main class without arguments (the path cdktf.json takes, whose
        // working directory and environment are the process's own) in a JVM of its own
        CliRun.Result r = new CliRun(dir).run("synth", "--no-endpoint");
        ProcessBuilder main = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), dev.agcinfra.app.Main.class.getName())
                .directory(bare.toFile());
        main.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("AGC_") || k.startsWith("TF_")
                || k.startsWith("CDKTF_"));
        main.redirectOutput(dir.resolve("main-out.txt").toFile()).redirectError(dir.resolve("main-err.txt").toFile());
        Process process = main.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        // Then: the same summary, and the same bytes in every file written but the up-to-date stamp (which records
        // where and from what it was made)
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("main-err.txt"))).isZero();
        assertThat(r.out()).contains("agc-data-eu-west-1", "agc-core-eu-west-1");
        assertThat(Files.readString(dir.resolve("main-out.txt"))).isEqualTo(r.out());
        Map<String, byte[]> viaSynth = written(dir.resolve("cdktf.out"));
        assertThat(viaSynth).containsKeys("manifest.json", "stacks/agc-core-eu-west-1/cdk.tf.json",
                "stacks/agc-data-eu-west-1/cdk.tf.json");
        Map<String, byte[]> withoutArguments = written(bare.resolve("cdktf.out"));
        assertThat(withoutArguments.keySet()).isEqualTo(viaSynth.keySet());
        viaSynth.forEach((file, bytes) -> assertThat(withoutArguments.get(file)).as(file).isEqualTo(bytes));
    }

    /** Every file under {@code folder} but the up-to-date stamp, by relative path. */
    private static Map<String, byte[]> written(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().equals(SynthStamp.FILE_NAME)) {
                    files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    @Test
    void theAccountOptionsAreInheritedAndMayComeBeforeTheCommandsName() {
        // When
        CliRun.Result before = new CliRun(dir).run("account", "--region", "us-west-2", "status");
        CliRun.Result after = new CliRun(dir).run("account", "status", "--region", "us-west-2");

        // Then
        assertThat(before.status()).as(before.all()).isZero();
        assertThat(before.out()).contains("region:   us-west-2").isEqualTo(after.out());
    }

    @Test
    void theAccountHelpSaysTheSettingsFileLosesItsComments() {
        // When
        CliRun.Result r = new CliRun(dir).run("account", "--help");

        // Then
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("activate", "deactivate", "status", "comments are lost");
    }

    @Test
    void anUnknownOptionIsOneLineNamingTheCommandAndExitTwo() {
        // When
        CliRun.Result r = new CliRun(dir).run("account", "activate", "--vcp", "vpc-12345678");

        // Then
        assertThat(r.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().lines().toList()).singleElement().asString()
                .startsWith("agc-infra account activate: Unknown options: '--vcp', 'vpc-12345678'")
                .endsWith("see agc-infra account activate --help");
    }

    @Test
    void anUnknownCommandStartsWithTheUsage() {
        // When
        CliRun.Result r = new CliRun(dir).run("deploy", "--no-endpoint");

        // Then
        assertThat(r.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).startsWith("usage: agc-infra [synth] | agc-infra account activate|deactivate|status");
    }

    @Test
    void anUnreachableEndpointIsAnAwsFailureInOneLine() throws IOException {
        // Given an endpoint on 127.0.0.1 with nothing listening
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }

        // When
        CliRun.Result r = new CliRun(dir).run("account", "status", "--region", "us-east-1", "--no-endpoint",
                "--endpoint-url", "http://127.0.0.1:" + port);

        // Then
        assertThat(r.status()).as(r.all()).isEqualTo(ExitCode.AWS_FAILURE);
        assertThat(r.err().lines().toList()).singleElement().asString().startsWith("agc-infra: AWS call failed: ");
    }

    @Test
    void anEndpointThatIsNotAUrlIsInvalidInput() {
        // When
        CliRun.Result r = new CliRun(dir).run("account", "status", "--region", "us-east-1", "--no-endpoint",
                "--endpoint-url", "127.0.0.1:5000");

        // Then
        assertThat(r.status()).as(r.all()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("not an endpoint URL");
    }

    @Test
    void anUnknownRegionIsInvalidInputWithASuggestion() {
        // When
        CliRun.Result r = new CliRun(dir).run("account", "status", "--region", "us-east1");

        // Then
        assertThat(r.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("--region: \"us-east1\" is not an AWS region; did you mean us-east-1?");
    }

    @Test
    void anErrorFromCdktfIsOneLineWithoutItsNodeJsStackTraceAndExitFour() {
        // Given a real jsii error: CDKTF's Manifest cannot create its folder there
        RuntimeException fromJsii = org.assertj.core.api.Assertions.catchRuntimeException(
                () -> new com.hashicorp.cdktf.Manifest("0.19.2", "/proc/agc-infra-no-such-place/out"));
        assertThat(fromJsii).isInstanceOf(software.amazon.jsii.JsiiException.class);
        assertThat(fromJsii.getMessage().lines().count()).as("jsii's message holds the Node.js stack").isGreaterThan(1);
        java.io.StringWriter err = new java.io.StringWriter();

        // When
        int status = AgcInfraCommand.report(fromJsii, new java.io.PrintWriter(err, true));

        // Then
        assertThat(status).isEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("agc-infra: internal error: CDKTF failed: ").endsWith("(please report it)")
                .contains("/proc/agc-infra-no-such-place");
    }
}
