package dev.agcinfra.audit.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.testing.AgcScenario;
import dev.agcinfra.audit.testing.AwsCli;
import dev.agcinfra.audit.testing.AgcScenario.Expected;
import dev.agcinfra.audit.testing.CliRun;
import dev.agcinfra.testing.MotoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code resources} in-process against a moto account with two regions of AGC infrastructure and another team's. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourcesMotoTest {

    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");

    AgcScenario scenario;
    List<String> args;

    @BeforeAll
    void buildAccount() {
        MotoServer moto = MotoServer.get();
        moto.reset();
        scenario = new AgcScenario(moto.endpoint()).region("us-east-1").region("eu-west-1");
        args = List.of("resources", "--regions", String.join(",", REGIONS),
                "--endpoint-url", moto.endpoint().toString());
    }

    @Test
    @DisplayName("JSON lists every tagged resource of both regions exactly once, with its fields, and nothing else")
    void listsEveryTaggedResourceOnce() throws Exception {
        // When
        CliRun run = CliRun.run(args, "--format", "json");

        // Then
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(ExitCode.OK);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("tag").asText()).isEqualTo("application-name=agc");
        assertThat(report.get("errors")).isEmpty();
        List<String> arns = new ArrayList<>();
        report.get("resources").forEach(resource -> arns.add(resource.get("arn").asText()));
        assertThat(arns).doesNotHaveDuplicates();
        assertThat(arns).containsExactlyInAnyOrderElementsOf(
                scenario.expected().stream().map(Expected::arn).toList());
        assertThat(arns).doesNotContainAnyElementsOf(scenario.othersArns());

        Map<String, JsonNode> byArn = new java.util.HashMap<>();
        report.get("resources").forEach(resource -> byArn.put(resource.get("arn").asText(), resource));
        for (Expected expected : scenario.expected()) {
            JsonNode resource = byArn.get(expected.arn());
            assertThat(resource.get("region").asText()).as(expected.arn()).isEqualTo(expected.region());
            assertThat(resource.get("service").asText() + "/" + resource.get("type").asText()).as(expected.arn())
                    .isEqualTo(expected.type());
            assertThat(resource.get("name").isNull() ? null : resource.get("name").asText()).as(expected.arn())
                    .isEqualTo(expected.name());
            assertThat(resource.get("state").isNull() ? null : resource.get("state").asText()).as(expected.arn())
                    .isEqualTo(expected.state());
            assertThat(expected.arn()).endsWith(resource.get("id").asText());
        }
    }

    @Test
    @DisplayName("tagged resources carry their tags; the untagged Lambda log group is listed with none")
    void reportsTags() throws Exception {
        JsonNode report = new ObjectMapper().readTree(CliRun.run(args, "--format", "json").out());

        for (JsonNode resource : report.get("resources")) {
            String id = resource.get("id").asText();
            if (id.startsWith("/aws/lambda/Agc-")) {
                assertThat(resource.get("tags")).as(id).isEmpty();
            } else {
                assertThat(resource.get("tags").get("application-name").asText()).as(id).isEqualTo("agc");
            }
        }
    }

    @Test
    @DisplayName("CSV has the header and one row per resource, region by region")
    void csvRows() {
        CliRun run = CliRun.run(args, "--format", "csv");

        List<String> lines = run.out().lines().toList();
        assertThat(run.status()).isEqualTo(ExitCode.OK);
        assertThat(lines.get(0)).isEqualTo("region,service,type,id,arn,name,state,tags,account");
        assertThat(lines.subList(1, lines.size())).allMatch(line -> line.endsWith("," + AgcScenario.ACCOUNT));
        assertThat(lines).hasSize(scenario.expected().size() + 1);
    }

    @Test
    @DisplayName("the table counts each region's resources by type")
    void tableCounts() {
        CliRun run = CliRun.run(args);

        Map<String, Long> perRegion = scenario.expected().stream()
                .collect(Collectors.groupingBy(Expected::region, Collectors.counting()));
        assertThat(run.status()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("us-east-1: " + perRegion.get("us-east-1") + " resources");
        assertThat(run.out()).contains("eu-west-1: " + perRegion.get("eu-west-1") + " resources");
        assertThat(run.out()).contains("  ec2/natgateway (2)", "  ec2/elastic-ip (3)", "  s3/bucket (1)");
        assertThat(run.out()).contains("Total: " + scenario.expected().size() + " resources");
    }

    @Test
    @DisplayName("another tag selects the other team's VPCs, besides the log groups under AGC's prefixes")
    void anotherTag() throws Exception {
        JsonNode report = new ObjectMapper().readTree(
                CliRun.run(args, "--format", "json", "--tag", "application-name=other").out());

        List<String> ids = new ArrayList<>();
        report.get("resources").forEach(r -> ids.add(r.get("type").asText() + " " + r.get("name").asText()));
        assertThat(ids).containsExactly(
                "vpc other", "log-group null", "log-group null", "vpc other", "log-group null", "log-group null");
    }

    @Test
    @DisplayName("the AWS CLI's Tagging API view is contained in the listing; what it misses is what the EC2 and Logs reads add")
    void comparesWithTheAwsCli() throws Exception {
        // Given: the AWS CLI is installed (it is on the build machines and CI, where its absence fails; skipped elsewhere)
        if (System.getenv("CI") != null) {
            assertThat(AwsCli.available()).as("the AWS CLI ('aws') on the PATH (CI must have it)").isTrue();
        }
        Assumptions.assumeTrue(AwsCli.available(), "the AWS CLI ('aws') is not on the PATH");
        Set<String> cli = new TreeSet<>();
        for (String region : REGIONS) {
            JsonNode arns = new ObjectMapper().readTree(AwsCli.run(MotoServer.get().endpoint().toString(), region,
                    "resourcegroupstaggingapi", "get-resources", "--tag-filters", "Key=application-name,Values=agc",
                    "--query", "ResourceTagMappingList[].ResourceARN", "--output", "json"));
            arns.forEach(arn -> cli.add(arn.asText()));
        }

        // When
        JsonNode report = new ObjectMapper().readTree(CliRun.run(args, "--format", "json").out());

        // Then
        Map<String, JsonNode> ours = new java.util.TreeMap<>();
        report.get("resources").forEach(r -> ours.put(r.get("arn").asText(), r));
        assertThat(ours.keySet()).containsAll(cli);
        Set<String> added = new TreeSet<>(ours.keySet());
        added.removeAll(cli);
        assertThat(added).isNotEmpty().allSatisfy(arn -> {
            JsonNode resource = ours.get(arn);
            String type = resource.get("service").asText() + "/" + resource.get("type").asText();
            assertThat(type).as(arn).isIn("ec2/vpc-endpoint", "ec2/elastic-ip", "ec2/natgateway", "logs/log-group");
            if (type.equals("logs/log-group")) {
                assertThat(resource.get("id").asText()).as(arn).startsWith("/aws/lambda/Agc-");
                assertThat(resource.get("tags")).as(arn).isEmpty();
            }
        });
    }
}
