package dev.agcinfra.audit.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.audit.security.SynthFixture;
import dev.agcinfra.audit.testing.CliRun;
import dev.agcinfra.cli.ExitCode;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** --accounts, --org, --role-name and --external-id are checked before any AWS call; cleanup never takes them. */
class AccountOptionsCliTest {

    static Stream<Arguments> invalidInputs() {
        String synth = SynthFixture.example().toString();
        return Stream.of(
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
                Arguments.of("cleanup --org",
                        new String[] {"cleanup", "--region", "eu-west-1", "--org"},
                        "agc-audit cleanup: --org is not an option of cleanup: cleanup deletes in one account at a "
                                + "time, the account of the credentials, confirmed with --account ID"),
                Arguments.of("cleanup --accounts",
                        new String[] {"cleanup", "--region", "eu-west-1", "--accounts", "111111111111", "--yes"},
                        "agc-audit cleanup: --accounts is not an option of cleanup"));
    }

    @ParameterizedTest(name = "{0} exits 2 with one line on stderr and nothing on stdout, before any AWS call")
    @MethodSource("invalidInputs")
    void invalidInputExits2WithOneLine(String what, String[] args, String message) {
        // When: no endpoint at all: any AWS call would fail with exit 3, not 2
        CliRun run = CliRun.run(args);

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith(message).endsWith("--help')");
    }

    @Test
    @DisplayName("--help of each read-only job lists --accounts, --org, --role-name with its default, and --external-id; cleanup's does not")
    void help() {
        for (String job : new String[] {"resources", "costs", "retained", "security"}) {
            CliRun run = CliRun.run(job, "--help");

            assertThat(run.status()).isEqualTo(ExitCode.OK);
            assertThat(run.out()).as(job).contains("--accounts=ID[,ID...]", "--org", "--role-name=NAME",
                    "(default: OrganizationAccountAccessRole", "--external-id=ID");
        }
        assertThat(CliRun.run("cleanup", "--help").out()).doesNotContain("--org", "--accounts", "--role-name");
    }
}
