package dev.agcinfra.audit.retained;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.provenance.Owner;
import dev.agcinfra.audit.provenance.Protection;
import dev.agcinfra.audit.testing.CliRun;
import dev.agcinfra.settings.AgcNames;
import dev.agcinfra.testing.TerraformStateFile;
import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** {@code retained} in-process against moto, after a simulated deactivation. */
class RetainedMotoTest {

    static final String REGION = "eu-west-1";
    static final ObjectMapper JSON = new ObjectMapper();

    MotoServer moto;

    @TempDir
    Path temp;

    @BeforeEach
    void cleanAccount() {
        moto = MotoServer.get();
        moto.reset();
    }

    CliRun retained(String... more) {
        List<String> args = new ArrayList<>(List.of("retained", "--endpoint-url", moto.endpoint().toString()));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(new String[0]));
    }

    static Map<String, JsonNode> byId(JsonNode report) {
        Map<String, JsonNode> findings = new HashMap<>();
        report.get("findings").forEach(f -> findings.put(f.get("id").asText(), f));
        return findings;
    }

    @Test
    @DisplayName("after a deactivation, JSON reports exactly the results bucket with its exact size, the state bucket and the log groups")
    void reportsTheKeptDataAndNothingElse() throws IOException {
        // Given
        AgcRegion region = new AgcRegion(moto.endpoint(), REGION).activate().deactivate();

        // When
        CliRun run = retained("--regions", REGION, "--format", "json");

        // Then
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(ExitCode.FINDINGS);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("regions").toString()).isEqualTo("[{\"region\":\"eu-west-1\",\"active\":false,"
                + "\"account\":\"" + AgcRegion.ACCOUNT + "\"}]");
        Map<String, JsonNode> findings = byId(report);
        assertThat(findings).containsOnlyKeys(region.bucket, region.stateBucket, region.taggedLogGroup,
                region.lambdaLogGroup);

        JsonNode bucket = findings.get(region.bucket);
        assertThat(bucket.get("kind").asText()).isEqualTo("bucket");
        assertThat(bucket.get("type").asText()).isEqualTo("s3-bucket");
        assertThat(bucket.get("owner").asText()).isEqualTo("agc");
        assertThat(bucket.get("provenance").get("source").asText()).isEqualTo("state");
        assertThat(bucket.get("provenance").get("stateFile").asText()).isEqualTo(region.dataStateKey());
        assertThat(bucket.get("provenance").get("address").asText()).isEqualTo("aws_s3_bucket.results_bucket");
        assertThat(bucket.get("provenance").get("versionId").asText()).isEqualTo(
                currentVersion(region, region.dataStateKey()));
        assertThat(bucket.get("objects").asLong()).isEqualTo(2);
        assertThat(bucket.get("sizeBytes").asLong()).isEqualTo(AgcRegion.OBJECT_1_BYTES + AgcRegion.OBJECT_2_BYTES);
        assertThat(bucket.get("sizeSource").asText()).isEqualTo("listing");
        assertThat(bucket.get("monthlyUsd").decimalValue()).as("3,000 bytes at $0.023/GB-month").isEqualByComparingTo("0");
        assertThat(bucket.get("cleanup").asText()).isEqualTo("aws s3 rb s3://" + region.bucket + " --force --region " + REGION);

        JsonNode state = findings.get(region.stateBucket);
        assertThat(state.get("kind").asText()).isEqualTo("state-bucket");
        assertThat(state.get("objects").asLong()).as("the data state, and the core's at activation and destroy")
                .isEqualTo(3);
        assertThat(state.get("owner").asText()).isEqualTo("agc");
        assertThat(state.get("provenance").get("source").asText()).isEqualTo("state-bucket");
        assertThat(state.get("cleanup").isNull()).as("the data stack's state is still there").isTrue();
        assertThat(state.get("reason").asText()).contains("still holds state (" + region.dataStateKey() + ")")
                .doesNotContain(region.coreStateKey());

        JsonNode tagged = findings.get(region.taggedLogGroup);
        assertThat(tagged.get("kind").asText()).isEqualTo("log-group");
        assertThat(tagged.get("owner").asText()).isEqualTo("agc");
        assertThat(tagged.get("provenance").get("source").asText()).as("AGC's contexts made it: no state lists it")
                .isEqualTo("agc-name-rule");
        assertThat(tagged.get("retentionDays").asInt()).isEqualTo(30);
        assertThat(tagged.get("sizeBytes").asLong()).isPositive();
        assertThat(tagged.get("cleanup").asText())
                .isEqualTo("aws logs delete-log-group --region eu-west-1 --log-group-name " + region.taggedLogGroup);
        JsonNode lambda = findings.get(region.lambdaLogGroup);
        assertThat(lambda.get("owner").asText()).as("untagged").isEqualTo("user");
        assertThat(lambda.get("provenance").get("source").asText()).isEqualTo("untagged");
        assertThat(lambda.get("retentionDays").isNull()).as("never expires").isTrue();
        assertThat(lambda.get("cleanup").isNull()).isTrue();

        assertThat(report.get("totalMonthlyUsd").decimalValue()).isEqualByComparingTo(
                sum(report, "monthlyUsd"));
        assertThat(report.get("errors")).isEmpty();
    }

    @Test
    @DisplayName("a flow log's log group that deactivation kept (skip_destroy) is agc-infra's by its state, with its delete command")
    void keptFlowLogGroupIsProvenByTheState() throws IOException {
        // Given a region activated with flowLogs: true: the log group as Terraform creates it (tagged by the provider's
        // default tags) and a state version listing the flow log's resources at their agc-infra addresses and ids
        AgcRegion region = new AgcRegion(moto.endpoint(), REGION).activate();
        String group = "/agc-infra/vpc-flow-logs/" + region.vpc;
        try (var logs = region.logs()) {
            logs.createLogGroup(r -> r.logGroupName(group).tags(Map.of("application-name", "agc")));
            logs.putRetentionPolicy(r -> r.logGroupName(group).retentionInDays(30));
        }
        region.writeState(region.coreStateKey(), new TerraformStateFile()
                .managed("aws_vpc", "vpc", region.vpc)
                .managed("aws_cloudwatch_log_group", "vpc_flow_log_log_group", group)
                .managed("aws_iam_role", "vpc_flow_log_role", "agc-vpc-flow-logs-" + REGION)
                .managed("aws_iam_role_policy", "vpc_flow_log_role_policy",
                        "agc-vpc-flow-logs-" + REGION + ":write-vpc-flow-log-group")
                .managed("aws_flow_log", "vpc_flow_log", "fl-0123456789abcdef0"));
        region.deactivate();

        // When
        CliRun run = retained("--regions", REGION, "--format", "json");

        // Then
        JsonNode flowLogs = byId(JSON.readTree(run.out())).get(group);
        assertThat(flowLogs).as(run.out()).isNotNull();
        assertThat(flowLogs.get("kind").asText()).isEqualTo("log-group");
        assertThat(flowLogs.get("owner").asText()).isEqualTo("agc");
        assertThat(flowLogs.get("provenance").get("source").asText()).isEqualTo("state");
        assertThat(flowLogs.get("provenance").get("stateFile").asText()).isEqualTo(region.coreStateKey());
        assertThat(flowLogs.get("provenance").get("address").asText())
                .isEqualTo("aws_cloudwatch_log_group.vpc_flow_log_log_group");
        assertThat(flowLogs.get("retentionDays").asInt()).isEqualTo(30);
        assertThat(flowLogs.get("cleanup").asText())
                .isEqualTo("aws logs delete-log-group --region eu-west-1 --log-group-name " + group);
    }

    @Test
    @DisplayName("after a failed destroy, the NAT gateway, its Elastic IP, the interface endpoint and the VPC are orphans with their monthly cost")
    void reportsOrphansOfAFailedDestroy() throws IOException {
        // Given
        AgcRegion region = new AgcRegion(moto.endpoint(), REGION).activate().failedDestroy();

        // When
        CliRun run = retained("--regions", REGION, "--format", "json");

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.FINDINGS);
        JsonNode report = JSON.readTree(run.out());
        List<String> orphans = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("kind").asText().equals("orphan")) {
                orphans.add(f.get("id").asText());
            }
        });
        assertThat(orphans).containsExactlyInAnyOrder(region.natGateways.get(0), region.elasticIps.get(0),
                region.interfaceEndpoint, region.vpc);
        Map<String, JsonNode> findings = byId(report);
        // eu-west-1: NAT $0.048/h, public IPv4 $0.005/h, interface endpoint $0.011 per AZ-hour, 730 h
        assertThat(findings.get(region.natGateways.get(0)).get("monthlyUsd").decimalValue()).isEqualByComparingTo("35.04");
        assertThat(findings.get(region.elasticIps.get(0)).get("monthlyUsd").decimalValue()).isEqualByComparingTo("3.65");
        assertThat(findings.get(region.interfaceEndpoint).get("monthlyUsd").decimalValue()).isEqualByComparingTo("16.06");
        assertThat(findings.get(region.vpc).get("monthlyUsd").decimalValue()).isEqualByComparingTo("0");
        JsonNode nat = findings.get(region.natGateways.get(0)).get("provenance");
        assertThat(nat.get("source").asText()).isEqualTo("state");
        assertThat(nat.get("stateFile").asText()).isEqualTo(region.coreStateKey());
        assertThat(nat.get("address").asText()).isEqualTo("aws_nat_gateway.vpc_public_subnet1_nat_gateway");
        assertThat(nat.get("versionId").asText()).as("the newest version listing it: the failed destroy's")
                .isEqualTo(currentVersion(region, region.coreStateKey()));
        assertThat(findings.get(region.natGateways.get(0)).get("cleanup").asText())
                .isEqualTo("aws ec2 delete-nat-gateway --region eu-west-1 --nat-gateway-id " + region.natGateways.get(0));
        assertThat(findings.get(region.elasticIps.get(0)).get("cleanup").asText())
                .isEqualTo("aws ec2 release-address --region eu-west-1 --allocation-id " + region.elasticIps.get(0));
        assertThat(findings.get(region.interfaceEndpoint).get("cleanup").asText())
                .isEqualTo("aws ec2 delete-vpc-endpoints --region eu-west-1 --vpc-endpoint-ids " + region.interfaceEndpoint);
        assertThat(report.get("findings").get(0).get("kind").asText()).as("orphans come first").isEqualTo("orphan");
        assertThat(report.get("totalMonthlyUsd").decimalValue()).isEqualByComparingTo(sum(report, "monthlyUsd"));
        assertThat(report.get("totalMonthlyUsd").decimalValue()).as("35.04 + 3.65 + 16.06, the data under a cent")
                .isEqualByComparingTo("54.75");
    }

    @Test
    @DisplayName("the library API (what 'account deactivate' calls) collects the same findings without picocli")
    void libraryApi() throws IOException {
        // Given
        AgcRegion region = new AgcRegion(moto.endpoint(), REGION).activate().failedDestroy();
        dev.agcinfra.audit.testing.TestCredentials.install();
        Protection protection = new Protection(Map.of(REGION, Map.of(region.vpc, "regions.eu-west-1.vpc")),
                AgcNames.DEFAULT_STATE_BUCKET);

        // When
        RetainedResult result;
        try (dev.agcinfra.aws.AwsClientFactory clients = new dev.agcinfra.aws.AwsClientFactory(
                dev.agcinfra.aws.AwsSettings.defaults().withEndpoint(moto.endpoint()), Map.of())) {
            result = new RetainedAudit(clients, AgcRegion.ACCOUNT, RetainedOptions.defaults().withProtection(protection))
                    .parallelism(1).scan(List.of(REGION));
        }

        // Then
        assertThat(result.regions()).containsExactly(new RegionStatus(REGION, false, null, AgcRegion.ACCOUNT));
        assertThat(result.findings()).hasSize(8);
        assertThat(result.findingCount()).isEqualTo(8);
        assertThat(result.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(result.findings()).filteredOn(f -> f.id().equals(region.vpc)).singleElement()
                .satisfies(vpc -> {
                    assertThat(vpc.owner()).as("named in the settings").isEqualTo(Owner.USER);
                    assertThat(vpc.provenance().detail()).contains("regions.eu-west-1.vpc");
                    assertThat(vpc.cleanup()).isNull();
                });
        assertThat(result.totalMonthlyUsd()).isEqualByComparingTo("54.75");
        java.io.StringWriter table = new java.io.StringWriter();
        RetainedReports.write(RetainedReports.table(table), result);
        assertThat(table.toString()).contains("Total: $54.75/month for 8 findings");
    }

    @Test
    @DisplayName("read as an account (--accounts), each finding names it, every cleanup command first checks it, and the table groups by it with its total")
    void byAccountEachCleanupCommandChecksTheAccount() throws IOException {
        // Given
        AgcRegion region = new AgcRegion(moto.endpoint(), REGION).activate().failedDestroy();

        // When
        CliRun json = retained("--accounts", AgcRegion.ACCOUNT, "--regions", REGION, "--format", "json");
        CliRun table = retained("--accounts", AgcRegion.ACCOUNT, "--regions", REGION);

        // Then
        assertThat(json.status()).isEqualTo(ExitCode.FINDINGS);
        JsonNode report = JSON.readTree(json.out());
        report.get("findings").forEach(f -> assertThat(f.get("account").asText()).isEqualTo(AgcRegion.ACCOUNT));
        assertThat(byId(report).get(region.natGateways.get(0)).get("cleanup").asText()).isEqualTo(
                "[ \"$(aws sts get-caller-identity --query Account --output text)\" = " + AgcRegion.ACCOUNT + " ] && "
                        + "aws ec2 delete-nat-gateway --region eu-west-1 --nat-gateway-id " + region.natGateways.get(0));
        report.get("findings").forEach(f -> {
            if (!f.get("cleanup").isNull()) {
                assertThat(f.get("cleanup").asText()).startsWith("[ \"$(aws sts get-caller-identity");
            }
        });
        JsonNode account = report.get("accounts").get(0);
        assertThat(account.get("account").asText()).isEqualTo(AgcRegion.ACCOUNT);
        assertThat(account.get("findings").asInt()).isEqualTo(8);
        assertThat(account.get("totalMonthlyUsd").decimalValue()).isEqualByComparingTo(report.get("totalMonthlyUsd")
                .decimalValue());
        assertThat(table.out()).startsWith("Account " + AgcRegion.ACCOUNT + "\nRegions: eu-west-1 (not active)\n")
                .containsPattern("Account total: \\$54\\.7[5-9]/month for 8 findings")
                .containsPattern("Total: \\$54\\.7[5-9]/month for 8 findings; .* in 1 account\n");
    }

    @Test
    @DisplayName("the table lists orphans first, then data, each with its monthly cost and the total")
    void tableListsOrphansFirst() {
        // Given
        new AgcRegion(moto.endpoint(), REGION).activate().failedDestroy();

        // When
        CliRun run = retained("--regions", REGION);

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.FINDINGS);
        String table = run.out();
        assertThat(table).contains("Regions: eu-west-1 (not active)");
        assertThat(table.indexOf("Orphans, billing by the hour")).isPositive()
                .isLessThan(table.indexOf("Data kept by deactivation"));
        assertThat(table).contains("$35.04/mo", "$3.65/mo", "$16.06/mo", "$ aws ec2 delete-nat-gateway");
        assertThat(table).containsPattern("Total: \\$54\\.7[5-9]/month for 8 findings");
    }

    @Test
    @DisplayName("-v prints a line per region on stderr as each finishes, with its time; stdout stays the JSON report alone")
    void verboseProgressGoesToStderrOnly() throws IOException {
        // Given: two regions where AGC is not active (an active one is not read: it has nothing retained), nothing
        // retained in them: exit 0

        // When
        CliRun run = retained("-v", "--regions", REGION + ",us-east-1", "--format", "json");

        // Then
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.errLines()).hasSize(2).allMatch(line -> line.matches("agc-audit: retained: \\S+ done in \\d+ ms"))
                .anyMatch(line -> line.contains(" " + REGION + " done in "))
                .anyMatch(line -> line.contains(" us-east-1 done in "));
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("regions")).extracting(r -> r.get("region").asText()).containsExactly(REGION, "us-east-1");
        assertThat(run.out()).doesNotContain("agc-audit:");
    }

    @Test
    @DisplayName("an active region reports nothing retained, and exits 0")
    void activeRegionReportsNothing() throws IOException {
        // Given
        new AgcRegion(moto.endpoint(), "us-east-1").activate();

        // When
        CliRun run = retained("--regions", "us-east-1", "--format", "json");

        // Then
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(ExitCode.OK);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("regions").get(0).get("active").asBoolean()).isTrue();
        assertThat(report.get("findings")).isEmpty();
        assertThat(report.get("totalMonthlyUsd").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    @DisplayName("a bucket agc-infra created that holds someone's Terraform state is never proposed for deletion")
    void bucketHoldingStateIsKept() throws IOException {
        // Given: another project keeps its state in the results bucket
        AgcRegion region = new AgcRegion(moto.endpoint(), REGION).activate().deactivate();
        try (software.amazon.awssdk.services.s3.S3Client s3 = region.s3()) {
            s3.putObject(r -> r.bucket(region.bucket).key("team/network.tfstate"),
                    software.amazon.awssdk.core.sync.RequestBody.fromString(new TerraformStateFile()
                            .managed("aws_vpc", "network", "vpc-0123456789abcdef0").json()));
        }

        // When
        CliRun run = retained("--regions", REGION, "--format", "json");

        // Then
        JsonNode bucket = byId(JSON.readTree(run.out())).get(region.bucket);
        assertThat(bucket.get("owner").asText()).isEqualTo("agc");
        assertThat(bucket.get("cleanup").isNull()).as(bucket.toString()).isTrue();
        assertThat(bucket.get("reason").asText()).contains("still holds state (team/network.tfstate)");
    }

    @Test
    @DisplayName("a tagged bucket that no version of agc-infra's state lists is the user's, whatever its name or tags")
    void taggedBucketInNoStateIsTheUsers() throws IOException {
        // Given: a tagged bucket named like agc-infra's, but never created by it
        AgcRegion region = new AgcRegion(moto.endpoint(), REGION).activate().deactivate();
        try (software.amazon.awssdk.services.s3.S3Client s3 = region.s3()) {
            s3.createBucket(r -> r.bucket("acme-tfstate-" + REGION).createBucketConfiguration(c -> c.locationConstraint(REGION)));
            s3.putBucketTagging(r -> r.bucket("acme-tfstate-" + REGION).tagging(t -> t.tagSet(
                    software.amazon.awssdk.services.s3.model.Tag.builder().key("application-name").value("agc").build())));
        }

        // When
        CliRun run = retained("--regions", REGION, "--format", "json");

        // Then
        JsonNode bucket = byId(JSON.readTree(run.out())).get("acme-tfstate-" + REGION);
        assertThat(bucket.get("owner").asText()).isEqualTo("user");
        assertThat(bucket.get("provenance").get("source").asText()).isEqualTo("not-in-state");
        assertThat(bucket.get("cleanup").isNull()).isTrue();
    }

    @Test
    @DisplayName("a bucket named in the settings file, untagged, is the user's: reported without a cleanup command")
    void userBroughtBucketIsTheUsers() throws IOException {
        // Given
        AgcRegion region = new AgcRegion(moto.endpoint(), REGION).activate().deactivate();
        region.untaggedBucket("lab-results");
        Path settings = temp.resolve("agc.yaml");
        Files.writeString(settings, "regions:\n  eu-west-1:\n    bucket: lab-results\n");

        // When
        CliRun run = retained("--regions", REGION, "--format", "json", "--settings", settings.toString());

        // Then
        JsonNode bucket = byId(JSON.readTree(run.out())).get("lab-results");
        assertThat(bucket.get("owner").asText()).isEqualTo("user");
        assertThat(bucket.get("objects").asLong()).isEqualTo(1);
        assertThat(bucket.get("cleanup").isNull()).isTrue();
        assertThat(bucket.get("reason").asText()).contains("named in the settings file as regions.eu-west-1.bucket");
    }

    @Test
    @DisplayName("with versioning on, every version is counted and sized, delete markers apart, and the command deletes versions")
    void countsEveryVersion() throws IOException {
        // Given: the first object overwritten (two versions), the second deleted (a delete marker over its version)
        AgcRegion region = new AgcRegion(moto.endpoint(), REGION).activate().deactivate();
        try (software.amazon.awssdk.services.s3.S3Client s3 = region.s3()) {
            s3.putBucketVersioning(r -> r.bucket(region.bucket).versioningConfiguration(v -> v.status("Enabled")));
            s3.putObject(r -> r.bucket(region.bucket).key("project/run-1/out.txt"),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(new byte[500]));
            s3.deleteObject(r -> r.bucket(region.bucket).key("project/run-2/out.txt"));
        }

        // When
        CliRun run = retained("--regions", REGION, "--format", "json");

        // Then
        JsonNode bucket = byId(JSON.readTree(run.out())).get(region.bucket);
        assertThat(bucket.get("objects").asLong()).isEqualTo(3);
        assertThat(bucket.get("sizeBytes").asLong())
                .isEqualTo(AgcRegion.OBJECT_1_BYTES + AgcRegion.OBJECT_2_BYTES + 500);
        assertThat(bucket.get("reason").asText()).contains("3 versions counted by listing", "(and 1 delete marker)");
        assertThat(bucket.get("cleanup").asText()).contains("list-object-versions", "aws s3 rb s3://" + region.bucket);
    }

    @Test
    @DisplayName("beyond --max-objects the bucket's size comes from CloudWatch's daily metrics, and the report says so")
    void beyondMaxObjectsUsesCloudWatch() throws IOException {
        // Given
        AgcRegion region = new AgcRegion(moto.endpoint(), REGION).activate().deactivate();

        // When
        CliRun run = retained("--regions", REGION, "--format", "json", "--max-objects", "1");

        // Then
        JsonNode bucket = byId(JSON.readTree(run.out())).get(region.bucket);
        assertThat(bucket.get("sizeSource").asText()).isEqualTo("cloudwatch");
        assertThat(bucket.get("reason").asText()).contains("more than 1 objects", "CloudWatch");
        // moto's BucketSizeBytes is not the objects' size (it measures Python objects), so compare with the metric
        assertThat(bucket.get("sizeBytes").asLong()).isEqualTo(metric(region, "BucketSizeBytes", "StandardStorage"));
        assertThat(bucket.get("objects").asLong()).isEqualTo(metric(region, "NumberOfObjects", "AllStorageTypes"))
                .isEqualTo(2);
    }

    @Test
    @DisplayName("a state bucket whose listing stops at --max-objects is never proposed for deletion: its state was not all read")
    void stateBucketBeyondMaxObjectsIsKept() throws IOException {
        // Given: the data stack's state sorts after the (empty) core stack's, beyond a one-object listing
        AgcRegion region = new AgcRegion(moto.endpoint(), REGION).activate().deactivate();

        // When
        CliRun run = retained("--regions", REGION, "--format", "json", "--max-objects", "1");

        // Then
        JsonNode state = byId(JSON.readTree(run.out())).get(region.stateBucket);
        assertThat(state.get("cleanup").isNull()).as(state.toString()).isTrue();
        assertThat(state.get("reason").asText()).contains("still holds state", "not read");
    }

    static String currentVersion(AgcRegion region, String key) {
        try (software.amazon.awssdk.services.s3.S3Client s3 = region.s3()) {
            return s3.headObject(r -> r.bucket(region.stateBucket).key(key)).versionId();
        }
    }

    private long metric(AgcRegion region, String metric, String storageType) {
        try (CloudWatchClient cloudWatch = AwsTestClients.build(CloudWatchClient.builder(), moto.endpoint(), REGION)) {
            java.time.Instant now = java.time.Instant.now();
            return Math.round(cloudWatch.getMetricStatistics(r -> r.namespace("AWS/S3").metricName(metric)
                    .dimensions(d -> d.name("BucketName").value(region.bucket), d -> d.name("StorageType").value(storageType))
                    .startTime(now.minus(java.time.Duration.ofDays(3))).endTime(now).period(86400)
                    .statistics(Statistic.AVERAGE)).datapoints().get(0).average());
        }
    }

    private static java.math.BigDecimal sum(JsonNode report, String field) {
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (JsonNode finding : report.get("findings")) {
            if (!finding.get(field).isNull()) {
                total = total.add(finding.get(field).decimalValue());
            }
        }
        return total;
    }
}
