package dev.agcinfra.audit.retained;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.audit.testing.AgcScenario;
import dev.agcinfra.audit.testing.AwsCli;
import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.MotoServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * In a report of several accounts, a cleanup command copied and run with another account's credentials must not act
 * there: run with the AWS CLI against moto (whose test credentials are account 123456789012), as an operator pastes
 * it.
 */
class CleanupCommandsAccountGuardTest {

    static final String REGION = "us-east-1";

    @Test
    @DisplayName("a guarded command deletes nothing with another account's credentials, and runs with its own account's")
    void guardChecksTheAccount() throws Exception {
        AwsCli.require();
        MotoServer moto = MotoServer.get();
        String group = "/aws/lambda/Agc-guard-" + System.nanoTime();
        try (CloudWatchLogsClient logs = AwsTestClients.build(CloudWatchLogsClient.builder(), moto.endpoint(), REGION)) {
            logs.createLogGroup(r -> r.logGroupName(group));
            String delete = CleanupCommands.logGroup(REGION, group);

            int elsewhere = AwsCli.shell(moto.endpoint().toString(), REGION,
                    CleanupCommands.inAccount("210987654321", delete));
            boolean keptElsewhere = exists(logs, group);
            int here = AwsCli.shell(moto.endpoint().toString(), REGION,
                    CleanupCommands.inAccount(AgcScenario.ACCOUNT, delete));

            assertThat(elsewhere).isNotZero();
            assertThat(keptElsewhere).isTrue();
            assertThat(here).isZero();
            assertThat(exists(logs, group)).isFalse();
        }
    }

    static boolean exists(CloudWatchLogsClient logs, String group) {
        return logs.describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups().stream()
                .anyMatch(g -> g.logGroupName().equals(group));
    }
}
