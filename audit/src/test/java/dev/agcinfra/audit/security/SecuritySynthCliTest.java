package dev.agcinfra.audit.security;

import static dev.agcinfra.audit.security.SynthFixture.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agc-audit security --synth}: the synthesized stacks checked offline, as a user runs it. */
class SecuritySynthCliTest {

    @TempDir
    Path dir;

    @Test
    void theExampleSettingsSynthHasNoFindingAboveLowAndExitsZero() {
        CliRun run = CliRun.run("security", "--synth", SynthFixture.example().toString());

        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("5 stacks (agc-data-us-east-1, agc-core-us-east-1, agc-data-eu-west-1, "
                + "agc-core-eu-west-1, agc-core-us-west-2)");
        assertThat(run.out().lines().filter(line -> line.matches("^(HIGH|MEDIUM|LOW|INFO) .*")).toList())
                .containsExactly(
                        "LOW     agc-vpc-flow-logs       agc-core-eu-west-1  aws_vpc  aws_vpc.vpc",
                        "LOW     agc-vpc-flow-logs       agc-core-us-east-1  aws_vpc  aws_vpc.vpc",
                        "INFO    agc-subnet-public-mode  agc-core-eu-west-1  aws_vpc  aws_vpc.vpc");
        assertThat(run.out()).contains("Summary: 0 high, 0 medium, 2 low, 1 info (3 findings); --fail-on high: passes");
    }

    @Test
    void jsonListsEachFindingWithItsRuleSeverityRegionResourceMessageFixAndReferences() {
        CliRun run = CliRun.run("security", "--synth", SynthFixture.example().toString(), "--format", "json");

        assertThat(run.status()).isEqualTo(ExitCode.OK);
        JsonNode report = SynthFixture.read(run.out());
        JsonNode flowLogs = report.get("findings").get(0);
        assertThat(flowLogs.get("rule").asText()).isEqualTo("agc-vpc-flow-logs");
        assertThat(flowLogs.get("severity").asText()).isEqualTo("low");
        assertThat(flowLogs.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(flowLogs.get("resourceType").asText()).isEqualTo("aws_vpc");
        assertThat(flowLogs.get("id").asText()).isEqualTo("aws_vpc.vpc");
        assertThat(flowLogs.get("message").asText()).isEqualTo("VPC aws_vpc.vpc has no flow logs (agc-infra creates "
                + "them only with flowLogs: true: they bill per GB)");
        assertThat(flowLogs.get("fix").asText()).startsWith("nothing, if that is your choice")
                .contains("set flowLogs: true for the stack's region in agc.yaml");
        assertThat(flowLogs.get("references")).extracting(JsonNode::asText)
                .containsExactly("CKV2_AWS_11", "vpc-flow-logs-enabled");
        assertThat(flowLogs.get("stack").asText()).isEqualTo("agc-core-eu-west-1");
        assertThat(flowLogs.get("location").get("file").asText()).endsWith("stacks/agc-core-eu-west-1/cdk.tf.json");
        assertThat(flowLogs.get("location").get("line").asInt()).isPositive();
        assertThat(report.get("summary").toString()).isEqualTo("{\"resources\":" + report.get("summary")
                .get("resources").asInt() + ",\"findings\":3,\"bySeverity\":{\"high\":0,\"medium\":0,\"low\":2,"
                + "\"info\":1},\"failOn\":\"high\",\"fails\":false}");
        assertThat(report.get("errors")).isEmpty();
    }

    @Test
    void failOnLowFailsOnTheFlowLogFindingsAndNoneNeverFails() {
        assertThat(CliRun.run("security", "--synth", SynthFixture.example().toString(), "--fail-on", "low").status())
                .isEqualTo(ExitCode.FINDINGS);
        assertThat(CliRun.run("security", "--synth", SynthFixture.example().toString(), "--fail-on", "medium")
                .status()).isEqualTo(ExitCode.OK);
        assertThat(CliRun.run("security", "--synth", SynthFixture.example().toString(), "--fail-on", "info").status())
                .isEqualTo(ExitCode.FINDINGS);
        assertThat(CliRun.run("security", "--synth", SynthFixture.example().toString(), "--fail-on", "none").status())
                .isEqualTo(ExitCode.OK);
    }

    @Test
    void anEndpointSecurityGroupOpenedToTheInternetIsAHighFindingAtItsRuleAndExitsOne() throws Exception {
        Path synth = SynthFixture.tampered(dir, "agc-core-us-east-1", stack ->
                SynthFixture.resources(stack, "aws_vpc_security_group_ingress_rule").putObject("ssh_from_anywhere")
                        .put("cidr_ipv4", "0.0.0.0/0").put("from_port", 22).put("to_port", 22)
                        .put("ip_protocol", "tcp")
                        .put("security_group_id", "${aws_security_group.endpoints_security_group.id}"));

        CliRun run = CliRun.run("security", "--synth", synth.toString(), "--format", "json");

        assertThat(run.status()).isEqualTo(ExitCode.FINDINGS);
        List<String> findings = new ArrayList<>();
        SynthFixture.read(run.out()).get("findings").forEach(f -> findings.add(f.get("severity").asText() + " "
                + f.get("rule").asText() + " " + f.get("id").asText() + ": " + f.get("message").asText()));
        assertThat(findings).first().isEqualTo("high agc-sg-open-ingress aws_security_group.endpoints_security_group: "
                + "endpoint security group aws_security_group.endpoints_security_group in aws_vpc.vpc admits the "
                + "internet: tcp/22 from 0.0.0.0/0");
        assertThat(findings).filteredOn(f -> f.startsWith("high") || f.startsWith("medium")).hasSize(1);
    }

    @Test
    void theDefaultSynthDirectoryIsCdktfOutAndItsAbsenceIsInvalidInput() {
        CliRun run = CliRun.run("security", "--synth");

        assertThat(run.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("agc-audit: no such file or directory: cdktf.out");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void liveOnlyOptionsWithSynthAloneAreInvalidInputNamingTheOption() {
        CliRun run = CliRun.run("security", "--synth", SynthFixture.example().toString(), "--profile", "prod");

        assertThat(run.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.errLines()).containsExactly("agc-audit security: --profile is for the live check: --synth alone "
                + "checks the synthesized stacks offline; add --regions (or --all-regions) to check the account "
                + "(see 'agc-audit security --help')");
    }

    @Test
    void anUnknownFailOnSeverityIsInvalidInput() {
        CliRun run = CliRun.run("security", "--synth", SynthFixture.example().toString(), "--fail-on", "critical");

        assertThat(run.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.errLines()).containsExactly("agc-audit security: --fail-on must be info, low, medium, high or "
                + "none, was 'critical' (see 'agc-audit security --help')");
    }

    @Test
    void aSarifFileInAMissingDirectoryIsInvalidInputBeforeAnythingIsRead() {
        CliRun run = CliRun.run("security", "--synth", SynthFixture.example().toString(), "--sarif",
                dir.resolve("missing/agc.sarif").toString());

        assertThat(run.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.errLines()).singleElement().asString().startsWith("agc-audit security: cannot write --sarif ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void csvHasAHeaderAndOneRowPerFinding() {
        CliRun run = CliRun.run("security", "--synth", SynthFixture.example().toString(), "--format", "csv");

        assertThat(run.status()).isEqualTo(ExitCode.OK);
        assertThat(run.out().lines().toList()).hasSize(4).first().isEqualTo(
                "region,severity,rule,resourceType,id,message,fix,references,stack,file,line,account");
    }

    @Test
    void theReportGoesToOutputAndNothingToStdout() throws Exception {
        Path out = dir.resolve("report.json");
        CliRun run = CliRun.run("security", "--synth", SynthFixture.example().toString(), "--format", "json",
                "--output", out.toString());

        assertThat(run.status()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEmpty();
        assertThat(SynthFixture.read(Files.readString(out)).get("findings")).hasSize(3);
    }
}
