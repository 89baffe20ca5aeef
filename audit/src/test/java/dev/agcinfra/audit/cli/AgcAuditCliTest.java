package dev.agcinfra.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.audit.AuditException;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.settings.AwsNames;
import dev.agcinfra.audit.security.SynthFixture;
import dev.agcinfra.audit.testing.CliRun;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AgcAuditCliTest {

    @Nested
    @DisplayName("help and version")
    class Help {

        @Test
        @DisplayName("--help lists the commands and the exit codes, and exits 0")
        void rootHelp() {
            CliRun run = CliRun.run("--help");

            assertThat(run.status()).isEqualTo(ExitCode.OK);
            assertThat(run.out()).contains("resources", "generate-completion", "Exit codes:",
                    "0   nothing to report", "1   findings", "2   invalid input", "3   AWS failure", "4   internal error");
            assertThat(run.err()).isEmpty();
        }

        @Test
        @DisplayName("resources --help lists the common options and the exit codes, not the hidden tuning options")
        void resourcesHelp() {
            CliRun run = CliRun.run("resources", "--help");

            assertThat(run.status()).isEqualTo(ExitCode.OK);
            assertThat(run.out()).contains("--regions", "--all-regions", "--tag", "--format", "--output", "--profile",
                    "--endpoint-url", "--parallelism", "--verbose", "Exit codes:", "3   AWS failure");
            assertThat(run.out()).doesNotContain("--call-timeout", "--max-attempts");
        }

        @Test
        @DisplayName("--help of each read-only job lists --accounts, --org, --role-name with its default, and --external-id; cleanup's does not")
        void accountOptionsHelp() {
            for (String job : new String[] {"resources", "costs", "retained", "security"}) {
                CliRun run = CliRun.run(job, "--help");

                assertThat(run.status()).isEqualTo(ExitCode.OK);
                assertThat(run.out()).as(job).contains("--accounts=ID[,ID...]", "--org", "--role-name=NAME",
                        "(default: OrganizationAccountAccessRole", "--external-id=ID");
            }
            assertThat(CliRun.run("cleanup", "--help").out()).doesNotContain("--org", "--accounts", "--role-name");
        }

        @Test
        @DisplayName("--version names agc-audit, the AWS SDK and Java")
        void version() {
            CliRun run = CliRun.run("--version");

            assertThat(run.status()).isEqualTo(ExitCode.OK);
            assertThat(run.out()).containsPattern("agc-audit \\d+\\.\\d+\\.\\d+").contains("AWS SDK for Java 2.", "Java ");
        }

        @Test
        @DisplayName("generate-completion prints a bash/zsh completion script that knows the options")
        void completion() {
            CliRun run = CliRun.run("generate-completion");

            assertThat(run.status()).isEqualTo(ExitCode.OK);
            assertThat(run.out()).contains("complete -F", "agc-audit", "--all-regions", "(\"table\" \"json\" \"csv\")");
        }
    }

    static Stream<Arguments> invalidInputs() {
        String synth = SynthFixture.example().toString();
        return Stream.of(
                Arguments.of("an unknown format", new String[] {"resources", "--regions", "us-east-1", "--format", "xml"},
                        "agc-audit resources: Invalid value for option '--format': expected table, json or csv but was 'xml'"),
                Arguments.of("a malformed region", new String[] {"resources", "--regions", "us-east-1,EU"},
                        "agc-audit resources: --regions: \"EU\" is not an AWS region; use a region name such as "
                                + "us-east-1 or eu-west-1"),
                Arguments.of("an empty region in the list", new String[] {"resources", "--regions", "us-east-1,,eu-west-1"},
                        "agc-audit resources: --regions: \"\" is not an AWS region"),
                Arguments.of("a misspelt region", new String[] {"resources", "--regions", "us-east-1,us-esat-1"},
                        "agc-audit resources: --regions: \"us-esat-1\" is not an AWS region; did you mean us-east-1?"),
                Arguments.of("a malformed tag", new String[] {"resources", "--regions", "us-east-1", "--tag", "agc"},
                        "agc-audit resources: invalid --tag 'agc': expected key=value"),
                Arguments.of("--regions with --all-regions", new String[] {"resources", "--regions", "us-east-1", "--all-regions"},
                        "agc-audit resources: --regions=REGION,..., --all-regions are mutually exclusive"),
                Arguments.of("no parallelism", new String[] {"resources", "--regions", "us-east-1", "--parallelism", "0"},
                        "agc-audit resources: --parallelism must be at least 1, was 0"),
                Arguments.of("a malformed endpoint", new String[] {"resources", "--regions", "us-east-1", "--endpoint-url", "localhost"},
                        "agc-audit resources: --endpoint-url localhost: not an endpoint URL (expected http(s)://host[:port])"),
                Arguments.of("a malformed duration", new String[] {"resources", "--regions", "us-east-1", "--call-timeout", "soon"},
                        "agc-audit resources: Invalid value for option '--call-timeout'"),
                Arguments.of("an unknown option", new String[] {"resources", "--region", "us-east-1"},
                        "agc-audit resources: Unknown options: '--region'"),
                Arguments.of("an unknown command", new String[] {"bogus"},
                        "agc-audit: Unmatched argument at index 0: 'bogus'"),
                Arguments.of("no command", new String[] {},
                        "agc-audit: missing command: give one of resources, "),
                Arguments.of("an account id that is not 12 digits",
                        new String[] {"resources", "--regions", "us-east-1", "--accounts", "111111111111,12345"},
                        "agc-audit resources: --accounts: '12345' is not an account id (12 digits); write e.g. "
                                + "--accounts 111111111111,222222222222"),
                Arguments.of("--accounts with --org",
                        new String[] {"costs", "--regions", "us-east-1", "--accounts", "111111111111", "--org"},
                        "agc-audit costs: --accounts=ID[,ID...], --org are mutually exclusive"),
                Arguments.of("--role-name without --accounts or --org",
                        new String[] {"retained", "--regions", "us-east-1", "--role-name", "AgcAudit"},
                        "agc-audit retained: --role-name is for reading other accounts: add --accounts ID[,ID...] or "
                                + "--org"),
                Arguments.of("--external-id without --accounts or --org",
                        new String[] {"resources", "--regions", "us-east-1", "--external-id", "lab-42"},
                        "agc-audit resources: --external-id is for reading other accounts"),
                Arguments.of("a role name IAM would refuse",
                        new String[] {"resources", "--regions", "us-east-1", "--org", "--role-name", "Agc Audit"},
                        "agc-audit resources: --role-name 'Agc Audit' is not an IAM role name"),
                Arguments.of("an external id of one character",
                        new String[] {"resources", "--regions", "us-east-1", "--org", "--external-id", "x"},
                        "agc-audit resources: --external-id must be 2 to 1,224 of"),
                Arguments.of("--org on the offline security check",
                        new String[] {"security", "--synth", synth, "--org"},
                        "agc-audit security: --org is for the live check"),
                Arguments.of("--synth (drift) over several accounts",
                        new String[] {"security", "--regions", "us-east-1", "--synth", synth, "--accounts", "111111111111"},
                        "agc-audit security: --synth with --accounts or --org: the synthesized stacks are one "
                                + "account's"),
                Arguments.of("estimate with live prices and a malformed endpoint",
                        new String[] {"estimate", SynthFixture.example().toString(), "--pricing", "live",
                                "--endpoint-url", "foo"},
                        "agc-audit estimate: --endpoint-url foo: not an endpoint URL (expected http(s)://host[:port])"),
                Arguments.of("cleanup --org",
                        new String[] {"cleanup", "--region", "eu-west-1", "--org"},
                        "agc-audit cleanup: --org is not an option of cleanup: cleanup deletes in one account at a "
                                + "time, the account of the credentials, confirmed with --account ID"),
                Arguments.of("cleanup --accounts",
                        new String[] {"cleanup", "--region", "eu-west-1", "--accounts", "111111111111", "--yes"},
                        "agc-audit cleanup: --accounts is not an option of cleanup"));
    }

    @ParameterizedTest(name = "{0} exits 2 with one line on stderr and nothing on stdout")
    @MethodSource("invalidInputs")
    void invalidInputExits2WithOneLine(String what, String[] args, String message) {
        // When
        CliRun run = CliRun.run(args);

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith(message).endsWith("--help')");
    }

    @Test
    @DisplayName("an --output file that cannot be written exits 2 with one line, before any AWS call")
    void unwritableOutput(@TempDir Path dir) throws IOException {
        Path blocked = Files.createFile(dir.resolve("file"));

        CliRun run = CliRun.run("resources", "--regions", "us-east-1", "--endpoint-url", "http://127.0.0.1:" + closedPort(),
                "--output", blocked.resolve("report.json").toString(), "--call-timeout", "1s", "--max-attempts", "1");

        assertThat(run.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("agc-audit resources: cannot write --output ");
    }

    @Test
    @DisplayName("a misspelt region gets the line agc-infra gives for it, naming --regions")
    void regionsAreCheckedAsAgcInfraChecksThem() {
        CliRun run = CliRun.run("costs", "--regions", "us-esat-1");

        assertThat(run.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("agc-audit costs: --regions: " + AwsNames.regionProblem("us-esat-1").orElseThrow());
    }

    @Test
    @DisplayName("estimate --pricing live with an --output file that cannot be written exits 2 with one line, before "
            + "the Price List API is asked")
    void estimateChecksOutputBeforeLivePrices(@TempDir Path dir) throws IOException {
        Path blocked = Files.createFile(dir.resolve("file"));

        // A call to the closed port would fail with exit 3: exit 2 says --output was checked first.
        CliRun run = CliRun.run("estimate", SynthFixture.example().toString(), "--pricing", "live",
                "--endpoint-url", "http://127.0.0.1:" + closedPort(), "--output",
                blocked.resolve("estimate.json").toString(), "--call-timeout", "1s", "--max-attempts", "1");

        assertThat(run.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("agc-audit estimate: cannot write --output " + blocked.resolve("estimate.json"));
    }

    @Test
    @DisplayName("agc-infra's settings problems print one per line, newlines and bidirectional controls in values escaped")
    void settingsProblemsStayOneLineEach(@TempDir Path dir) throws IOException {
        Path settings = Files.writeString(dir.resolve("agc.yaml"), "account: \"123456789012\"\nregions:\n  us-east-1:\n"
                + "    bucket: \"my-bucket\\n\"\n    tags: { \"new\\nline\": x, \"r\\u202etl\": v }\n");

        CliRun run = CliRun.run("retained", "--regions", "us-east-1", "--settings", settings.toString(),
                "--endpoint-url", "http://127.0.0.1:" + closedPort(), "--call-timeout", "1s", "--max-attempts", "1");

        assertThat(run.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.errLines()).hasSize(3).allMatch(l -> l.startsWith("agc-audit: " + settings + ":"));
        assertThat(run.err()).doesNotContain("\u202e").contains("regions.us-east-1.tags.new\\nline: custom tag \"new\\nline\"",
                "regions.us-east-1.tags.r\\u202etl: custom tag", "\"my-bucket\\n\" is not a valid S3 bucket name: it "
                        + "contains '\\n'");
    }

    @Test
    @DisplayName("an endpoint that refuses connections: one line naming STS, exit 3, no stack trace")
    void unreachableEndpoint() throws IOException {
        CliRun run = CliRun.run("resources", "--regions", "us-east-1", "--endpoint-url", "http://127.0.0.1:" + closedPort(),
                "--call-timeout", "2s", "--max-attempts", "1");

        assertThat(run.status()).isEqualTo(ExitCode.AWS_FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0))
                .startsWith("agc-audit: cannot reach AWS to check the credentials (us-east-1 sts GetCallerIdentity ClientError)");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    @DisplayName("-v adds the stack trace to the same error")
    void verboseShowsStackTraces() throws IOException {
        CliRun run = CliRun.run("resources", "-v", "--regions", "us-east-1", "--endpoint-url",
                "http://127.0.0.1:" + closedPort(), "--call-timeout", "2s", "--max-attempts", "1");

        assertThat(run.status()).isEqualTo(ExitCode.AWS_FAILURE);
        assertThat(run.errLines().get(0)).startsWith("agc-audit: cannot reach AWS");
        assertThat(run.err()).contains("\tat ", "AuditException");
    }

    @Test
    @DisplayName("an error's causes are joined on one line when they say something new")
    void causesOnOneLine() {
        AuditException e = new AuditException(ExitCode.AWS_FAILURE, "cannot list regions");
        RuntimeException bug = new IllegalStateException("outer", new IllegalArgumentException("inner\ndetail"));

        assertThat(AgcAudit.withCauses(e)).isEqualTo("cannot list regions");
        assertThat(AgcAudit.withCauses(bug)).isEqualTo("IllegalStateException: outer: inner detail");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
