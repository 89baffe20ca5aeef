package dev.agcinfra.audit.retained;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.testing.CliRun;
import dev.agcinfra.cli.ProblemLine;
import dev.agcinfra.settings.AwsDefaults;
import dev.agcinfra.settings.SettingsException;
import dev.agcinfra.settings.SettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        "cleanup --region nope                              | --region: \"nope\" is not an AWS region",
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

    @TempDir
    Path temp;

    @Test
    @DisplayName("a malformed settings file gives agc-infra's own problem lines, every one, exit 2, before any AWS call")
    void malformedSettingsGiveAgcInfrasLines() throws IOException {
        // Given a file with three problems (a key in the wrong case, a bad VPC id, a duplicate region)
        Path file = temp.resolve("agc.yaml");
        Files.writeString(file, "regions:\n  eu-west-1:\n    VPC: vpc-1\n  us-east-1:\n    vpc: vpc-nope\n"
                + "  eu-west-1: {}\n");
        List<String> agcInfra;
        try {
            new SettingsLoader(temp, Map.of()).load(new AwsDefaults() {
                @Override
                public String defaultRegion() {
                    return "eu-west-1";
                }

                @Override
                public String account(String region) {
                    return "123456789012";
                }
            });
            throw new AssertionError("agc-infra accepts the file");
        } catch (SettingsException e) {
            agcInfra = e.problems();
        }

        // When: no endpoint, no credentials: any AWS call would fail with exit 3
        CliRun run = CliRun.run("retained", "--regions", "eu-west-1", "--settings", file.toString());

        // Then
        assertThat(agcInfra).hasSizeGreaterThanOrEqualTo(3);
        assertThat(run.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.errLines()).isEqualTo(agcInfra.stream().map(line -> "agc-audit: "
                + ProblemLine.escape(line.replace("agc.yaml", file.toString()))).toList());
    }
}
