package dev.agcinfra.audit.retained;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.testing.CliRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Invalid input to {@code retained} and {@code cleanup}: exit 2 and one line, before any AWS call. */
class RetainedCliTest {

    @ParameterizedTest(name = "''{0}'' gives exit 2 and one line containing ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "retained --regions eu-west-1 --max-objects -1      | --max-objects must be 0 or more",
        "retained --regions eu-west-1 --settings /nope.yaml | --settings /nope.yaml: no such file; fix the path",
        "retained --regions eu-west-1 --tag agc             | invalid --tag 'agc'",
        "retained --regions eu-west-1 --format yaml         | expected table, json or csv",
        "cleanup --region us-east-1,eu-west-1               | --region takes one region",
        "cleanup --region nope                              | invalid region 'nope'",
        "cleanup --region eu-west-1 --format csv            | expected table or json",
        "cleanup                                            | --region is required (or --apply with a saved plan)",
        "cleanup --region eu-west-1 --yes                   | --yes needs --account ACCOUNT_ID",
        "cleanup --region eu-west-1 --account 1234          | --account '1234' is not an account id (12 digits)",
        "cleanup --apply plan.json --region eu-west-1       | --apply runs the saved plan as it was made",
        "cleanup --apply /nope/plan.json                    | --apply /nope/plan.json: no such file",
        "cleanup --region eu-west-1 --plan-file p.json --account 123456789012 --yes | --plan-file writes a plan and deletes nothing",
        "cleanup --region eu-west-1 --tag env=prod          | Unknown options: '--tag'",
    })
    void invalidInput(String args, String message) {
        // When
        CliRun run = CliRun.run(args.trim().split("\\s+"));

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.errLines()).singleElement().asString().contains(message);
        assertThat(run.out()).isEmpty();
    }
}
