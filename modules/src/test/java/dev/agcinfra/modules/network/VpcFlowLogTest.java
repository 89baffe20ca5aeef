package dev.agcinfra.modules.network;

import static dev.agcinfra.modules.testing.ConstructTest.addresses;
import static dev.agcinfra.modules.testing.ConstructTest.assertHasResource;
import static dev.agcinfra.modules.testing.ConstructTest.resources;
import static dev.agcinfra.modules.testing.ConstructTest.stack;
import static dev.agcinfra.modules.testing.ConstructTest.synth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.TerraformStack;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link VpcFlowLog} on its own: what it records, where to, with which role, and the retention. */
class VpcFlowLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VPC = "vpc-0123456789abcdef0";
    private static final String LOG_GROUP_ARN = "${aws_cloudwatch_log_group.flow_log_log_group.arn}";

    private static String synthesized(Integer retentionDays) {
        TerraformStack stack = stack();
        new VpcFlowLog(stack, "FlowLog", new VpcFlowLogProps(VPC, "eu-west-1", "123456789012", retentionDays));
        return synth(stack);
    }

    private static JsonNode policy(String synthesized, String type, String name, String field) throws IOException {
        return JSON.readTree(resources(synthesized, type).get(name).path(field).asText());
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }

    @Test
    void itRecordsAllTrafficOfTheVpcToItsOwnLogGroupThroughItsOwnRole() {
        // When
        String synthesized = synthesized(null);

        // Then
        assertThat(addresses(synthesized)).containsExactlyInAnyOrder("aws_cloudwatch_log_group.flow_log_log_group",
                "aws_iam_role.flow_log_role", "aws_iam_role_policy.flow_log_role_policy", "aws_flow_log.flow_log");
        assertHasResource(synthesized, "aws_flow_log", Map.of("vpc_id", VPC, "traffic_type", "ALL",
                "log_destination_type", "cloud-watch-logs", "log_destination", LOG_GROUP_ARN,
                "iam_role_arn", "${aws_iam_role.flow_log_role.arn}"));
        assertThat(resources(synthesized, "aws_flow_log").get("flow_log").path("depends_on").get(0).asText())
                .as("the role may write before the flow log delivers").isEqualTo("aws_iam_role_policy.flow_log_role_policy");
        assertHasResource(synthesized, "aws_cloudwatch_log_group", Map.of("name", VpcFlowLog.LOG_GROUP_PREFIX + VPC,
                "retention_in_days", VpcFlowLog.DEFAULT_RETENTION_DAYS, "skip_destroy", true));
        assertHasResource(synthesized, "aws_iam_role", Map.of("name", "agc-vpc-flow-logs-eu-west-1"));
    }

    @Test
    void theRoleCanBeAssumedOnlyByTheFlowLogsServiceForThisAccountsFlowLogsInThisRegion() throws IOException {
        // When
        JsonNode trust = policy(synthesized(null), "aws_iam_role", "flow_log_role", "assume_role_policy");

        // Then
        assertThat(trust.path("Statement")).hasSize(1);
        JsonNode statement = trust.path("Statement").get(0);
        assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.path("Action").asText()).isEqualTo("sts:AssumeRole");
        assertThat(statement.path("Principal").toString()).isEqualTo("{\"Service\":\"vpc-flow-logs.amazonaws.com\"}");
        assertThat(statement.path("Condition").path("StringEquals").path("aws:SourceAccount").asText())
                .isEqualTo("123456789012");
        assertThat(statement.path("Condition").path("ArnLike").path("aws:SourceArn").asText())
                .isEqualTo("arn:aws:ec2:eu-west-1:123456789012:vpc-flow-log/*");
    }

    @Test
    void theRolesPolicyNamesOnlyItsLogGroupAndOnlyWhatDeliveringNeeds() throws IOException {
        // When
        String synthesized = synthesized(null);
        JsonNode policy = policy(synthesized, "aws_iam_role_policy", "flow_log_role_policy", "policy");

        // Then
        assertThat(resources(synthesized, "aws_iam_role_policy").get("flow_log_role_policy").path("role").asText())
                .isEqualTo("${aws_iam_role.flow_log_role.id}");
        assertThat(policy.path("Statement")).hasSize(1);
        JsonNode statement = policy.path("Statement").get(0);
        assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
        assertThat(texts(statement.path("Action"))).containsExactlyInAnyOrder("logs:CreateLogStream",
                "logs:PutLogEvents", "logs:DescribeLogStreams");
        assertThat(texts(statement.path("Resource"))).containsExactlyInAnyOrder(LOG_GROUP_ARN, LOG_GROUP_ARN + ":*");
        assertThat(statement.has("Condition")).isFalse();
        assertThat(statement.has("NotResource")).isFalse();
    }

    @Test
    void itKeepsTheEventsAsLongAsTold() {
        assertHasResource(synthesized(365), "aws_cloudwatch_log_group", Map.of("retention_in_days", 365));
    }

    @Test
    void aRetentionCloudWatchLogsDoesNotAcceptIsRefused() {
        TerraformStack stack = stack();

        assertThatThrownBy(() -> new VpcFlowLog(stack, "FlowLog",
                new VpcFlowLogProps(VPC, "eu-west-1", "123456789012", 31)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("VpcFlowLogProps.retentionDays must be one of the periods CloudWatch Logs accepts")
                .hasMessageEndingWith("got 31");
    }
}
