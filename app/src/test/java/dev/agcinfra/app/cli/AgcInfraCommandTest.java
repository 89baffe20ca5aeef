package dev.agcinfra.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.app.ExitCode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
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
        assertThat(r.out().replaceAll("\\s+", " ")).contains("account", "Without arguments: synthesize", "Exit codes:",
                " 0 done", " 2 invalid input", " 3 an AWS call failed", " 4 internal error",
                " other Terraform's own exit status");
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
        assertThat(r.err()).startsWith("usage: agc-infra account activate|deactivate|status");
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
}
