package dev.agcinfra.audit.retained;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.audit.ExitCode;
import dev.agcinfra.audit.testing.CliRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Invalid input to {@code retained} and {@code cleanup}: exit 2 and one line, before any AWS call. */
class RetainedCliTest {

    @ParameterizedTest(name = "''{0}'' gives exit 2 and one line containing ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "retained --regions eu-west-1 --max-objects -1      | --max-objects must be 0 or more",
        "retained --regions eu-west-1 --settings /nope.json | settings file /nope.json does not exist",
        "retained --regions eu-west-1 --tag agc             | invalid --tag 'agc'",
        "retained --regions eu-west-1 --format yaml         | expected table, json or csv",
        "cleanup --region us-east-1,eu-west-1               | --region takes one region",
        "cleanup --region nope                              | invalid region 'nope'",
        "cleanup --region eu-west-1 --format csv            | expected table or json",
        "cleanup                                            | Missing required option: '--region=REGION'",
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
