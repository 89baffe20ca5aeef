package dev.agcinfra.audit.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.testing.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SARIF that {@code security --sarif} writes, validated against the OASIS SARIF 2.1.0 schema (a test resource). */
class SecuritySarifTest {

    static JsonSchema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadTheSchema() throws IOException {
        try (InputStream in = SecuritySarifTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    static Set<ValidationMessage> problems(JsonNode sarif) {
        return schema.validate(sarif);
    }

    @Test
    void theExampleSynthsSarifIsValidAndPointsEachResultAtItsResourcesLine() throws IOException {
        Path sarif = dir.resolve("agc.sarif");
        CliRun run = CliRun.run("security", "--synth", SynthFixture.example().toString(), "--sarif", sarif.toString());

        assertThat(run.status()).isEqualTo(ExitCode.OK);
        JsonNode log = SynthFixture.read(Files.readString(sarif));
        assertThat(problems(log)).isEmpty();
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        JsonNode results = log.get("runs").get(0).get("results");
        assertThat(results).hasSize(3);
        JsonNode location = results.get(0).get("locations").get(0).get("physicalLocation");
        String uri = location.get("artifactLocation").get("uri").asText();
        assertThat(uri).endsWith("stacks/agc-core-eu-west-1/cdk.tf.json");
        List<String> lines = Files.readAllLines(SynthFixture.example().resolve("stacks/agc-core-eu-west-1/cdk.tf.json"));
        assertThat(lines.get(location.get("region").get("startLine").asInt() - 1).trim()).isEqualTo("\"vpc\": {");
    }

    @Test
    void aSynthWithHighFindingsGivesValidSarifWithGithubsSecuritySeverity() throws IOException {
        Path synth = SynthFixture.tampered(dir, "agc-data-us-east-1", stack -> {
            SynthFixture.resources(stack, "aws_s3_bucket_policy").removeAll();
            SynthFixture.resource(stack, "aws_s3_bucket_public_access_block", "results_bucket_public_access_block")
                    .put("restrict_public_buckets", false);
        });
        Path sarif = dir.resolve("agc.sarif");

        CliRun run = CliRun.run("security", "--synth", synth.toString(), "--sarif", sarif.toString());

        assertThat(run.status()).isEqualTo(ExitCode.FINDINGS);
        JsonNode log = SynthFixture.read(Files.readString(sarif));
        assertThat(problems(log)).isEmpty();
        JsonNode runNode = log.get("runs").get(0);
        assertThat(runNode.get("results")).extracting(r -> r.get("ruleId").asText() + " " + r.get("level").asText())
                .contains("agc-s3-tls-only error", "agc-s3-public-access-block error");
        JsonNode tlsRule = runNode.get("tool").get("driver").get("rules").get(Rule.S3_TLS_ONLY.ordinal());
        assertThat(tlsRule.get("id").asText()).isEqualTo("agc-s3-tls-only");
        assertThat(tlsRule.get("properties").get("security-severity").asText()).isEqualTo("8.0");
    }

    @Test
    void liveFindingsAndFailedCallsGiveValidSarifWithLogicalLocations() throws IOException {
        Target target = Target.live("eu-west-1");
        Finding finding = SecurityRules.table(new TableItem("Agc", false, "PAY_PER_REQUEST", "PK", "SK", java.util.Map.of()),
                target).get(0);
        SecurityResult result = new SecurityResult(null, List.of("eu-west-1", "ap-east-1"), "application-name=agc", 1,
                List.of(finding), List.of(new AuditError("123456789012", "ap-east-1", "ec2", "DescribeVpcs", "AccessDenied", "no")),
                Severity.HIGH);
        StringWriter out = new StringWriter();

        SecurityReports.sarif(result, out, "0.1.0");

        JsonNode log = SynthFixture.read(out.toString());
        assertThat(problems(log)).isEmpty();
        JsonNode location = log.get("runs").get(0).get("results").get(0).get("locations").get(0);
        assertThat(location.has("physicalLocation")).isFalse();
        assertThat(location.get("logicalLocations").get(0).get("fullyQualifiedName").asText())
                .isEqualTo("eu-west-1/aws_dynamodb_table/Agc");
        JsonNode invocation = log.get("runs").get(0).get("invocations").get(0);
        assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
        assertThat(invocation.get("toolExecutionNotifications").get(0).get("message").get("text").asText())
                .isEqualTo("ap-east-1 ec2 DescribeVpcs AccessDenied: no");
    }

    @Test
    void theSchemaRejectsALogWithoutItsVersionSoTheValidationAboveMeansSomething() throws IOException {
        Path sarif = dir.resolve("agc.sarif");
        CliRun.run("security", "--synth", SynthFixture.example().toString(), "--sarif", sarif.toString());
        ObjectNode log = (ObjectNode) SynthFixture.read(Files.readString(sarif));
        log.remove("version");
        ((ObjectNode) log.get("runs").get(0).get("results").get(0)).put("level", "severe");

        assertThat(problems(log)).extracting(ValidationMessage::getMessage).hasSize(2)
                .anyMatch(m -> m.contains("version")).anyMatch(m -> m.contains("level"));
    }
}
