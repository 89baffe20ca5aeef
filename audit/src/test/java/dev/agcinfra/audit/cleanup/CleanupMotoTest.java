package dev.agcinfra.audit.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.retained.AgcRegion;
import dev.agcinfra.audit.testing.CliRun;
import dev.agcinfra.testing.MotoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** {@code cleanup} in-process against moto: dry run, confirmed run, data, refusals. */
class CleanupMotoTest {

    static final String REGION = "eu-west-1";
    static final ObjectMapper JSON = new ObjectMapper();

    MotoServer moto;
    Function<String, String> originalPrompt;

    @TempDir
    Path temp;

    @BeforeEach
    void cleanAccount() {
        moto = MotoServer.get();
        moto.reset();
        originalPrompt = dev.agcinfra.audit.cli.AuditCleanup.prompt;
        dev.agcinfra.audit.cli.AuditCleanup.prompt = question -> null;
    }

    @AfterEach
    void restorePrompt() {
        dev.agcinfra.audit.cli.AuditCleanup.prompt = originalPrompt;
    }

    CliRun cleanup(String... more) {
        List<String> args = new ArrayList<>(List.of("cleanup", "--endpoint-url", moto.endpoint().toString(),
                "--wait-interval", "10ms", "--wait-timeout", "5s"));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(new String[0]));
    }

    @Test
    @DisplayName("a dry run lists the orphans in dependency order with their saving, and deletes nothing")
    void dryRunDeletesNothing() {
        // Given
        AgcRegion region = new AgcRegion(moto.endpoint(), REGION).activate().failedDestroy();

        // When
        CliRun run = cleanup("--region", REGION);

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.OK);
        String plan = run.out();
        assertThat(plan).contains("Dry run: nothing was deleted", "Monthly saving: $54.75");
        assertThat(plan).contains("Cleanup of eu-west-1 in account " + AgcRegion.ACCOUNT);
        assertThat(plan.indexOf(region.natGateways.get(0))).isLessThan(plan.indexOf(region.elasticIps.get(0)));
        assertThat(plan.indexOf(region.elasticIps.get(0))).isLessThan(plan.indexOf(region.interfaceEndpoint));
        assertThat(plan.indexOf(region.interfaceEndpoint)).isLessThan(plan.indexOf(region.privateSubnets.get(0)));
        assertThat(plan.indexOf(region.privateSubnets.get(0))).isLessThan(plan.indexOf("delete-vpc "));
        assertThat(plan).contains("created by agc-infra: " + region.coreStateKey() + " (version ",
                "lists it as aws_nat_gateway.vpc_public_subnet1_nat_gateway");
        assertThat(plan).contains("s3-bucket " + region.bucket + " (owner: agc): data: deleted only with --include-data");
        try (Ec2Client ec2 = region.ec2()) {
            assertThat(ec2.describeNatGateways(r -> r.natGatewayIds(region.natGateways.get(0))).natGateways().get(0)
                    .stateAsString()).isEqualTo("available");
            assertThat(ec2.describeAddresses(r -> r.allocationIds(region.elasticIps.get(0))).addresses()).hasSize(1);
            assertThat(ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(region.interfaceEndpoint)).vpcEndpoints())
                    .hasSize(1);
            assertThat(ec2.describeVpcs(r -> r.vpcIds(region.vpc)).vpcs()).hasSize(1);
        }
    }

    @Test
    @DisplayName("a confirmed run deletes exactly what it listed, as the SDK and the AWS CLI then see, and keeps the data")
    void confirmedRunDeletesExactlyThePlan() throws Exception {
        // Given
        AgcRegion region = new AgcRegion(moto.endpoint(), REGION).activate().failedDestroy();

        // When
        CliRun run = cleanup("--region", REGION, "--account", AgcRegion.ACCOUNT, "--yes", "--format", "json");

        // Then
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("dryRun").asBoolean()).isFalse();
        assertThat(report.get("result").get("complete").asBoolean()).isTrue();
        List<String> planned = ids(report.get("plan").get("actions"));
        assertThat(ids(report.get("result").get("deleted"))).isEqualTo(planned);
        List<String> expected = new ArrayList<>(List.of(region.interfaceEndpoint, region.natGateways.get(0),
                region.elasticIps.get(0), region.vpc, region.igw, region.endpointSecurityGroup));
        expected.addAll(region.publicSubnets);
        expected.addAll(region.privateSubnets);
        expected.addAll(region.routeTables);
        assertThat(planned).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.get("plan").get("monthlySavingUsd").decimalValue()).isEqualByComparingTo("54.75");

        try (Ec2Client ec2 = region.ec2(); S3Client s3 = region.s3(); CloudWatchLogsClient logs = region.logs()) {
            assertThat(ec2.describeNatGateways(r -> r.natGatewayIds(region.natGateways.get(0))).natGateways())
                    .allSatisfy(nat -> assertThat(nat.stateAsString()).isEqualTo("deleted"));
            Filter agc = Filter.builder().name("tag:application-name").values("agc").build();
            assertThat(ec2.describeAddresses(r -> r.filters(agc)).addresses()).isEmpty();
            assertThat(ec2.describeVpcs(r -> r.filters(agc)).vpcs()).isEmpty();
            assertThat(ec2.describeSubnets(r -> r.filters(agc)).subnets()).isEmpty();
            assertThat(ec2.describeVpcEndpoints(r -> r.filters(agc)).vpcEndpoints())
                    .allSatisfy(e -> assertThat(e.stateAsString()).isEqualToIgnoringCase("deleted"));
            // the data stays
            assertThat(s3.listObjectsV2(r -> r.bucket(region.bucket)).keyCount()).isEqualTo(2);
            assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("Agc-")).logGroups()).hasSize(1);
        }
        // the operator's view, through the AWS CLI
        assertThat(awsCli("ec2", "describe-vpcs", "--filters", "Name=tag:application-name,Values=agc",
                "--query", "length(Vpcs)")).isEqualTo("0");
        assertThat(awsCli("ec2", "describe-addresses", "--filters", "Name=tag:application-name,Values=agc",
                "--query", "length(Addresses)")).isEqualTo("0");
        assertThat(awsCli("s3api", "list-objects-v2", "--bucket", region.bucket, "--query", "length(Contents)"))
                .isEqualTo("2");
    }

    @Test
    @DisplayName("typing the account id at the prompt, which names the account, proceeds; typing anything else cancels")
    void promptConfirms() {
        // Given
        AgcRegion region = new AgcRegion(moto.endpoint(), REGION).activate().failedDestroy();
        List<String> questions = new ArrayList<>();
        dev.agcinfra.audit.cli.AuditCleanup.prompt = question -> {
            questions.add(question);
            return REGION;
        };

        // When
        CliRun cancelled = cleanup("--region", REGION);

        // Then
        assertThat(cancelled.status()).isEqualTo(ExitCode.OK);
        assertThat(cancelled.err()).contains("cancelled: nothing was deleted");
        assertThat(questions).singleElement().asString().startsWith("Account " + AgcRegion.ACCOUNT + ", region "
                + REGION + ": type the account id to delete these ");
        try (Ec2Client ec2 = region.ec2()) {
            assertThat(ec2.describeVpcs(r -> r.vpcIds(region.vpc)).vpcs()).hasSize(1);
        }

        // When
        dev.agcinfra.audit.cli.AuditCleanup.prompt = question -> AgcRegion.ACCOUNT;
        CliRun confirmed = cleanup("--region", REGION);

        // Then
        assertThat(confirmed.status()).as(confirmed.err()).isEqualTo(ExitCode.OK);
        assertThat(confirmed.out()).contains("Every deletion completed.");
        try (Ec2Client ec2 = region.ec2()) {
            assertThat(ec2.describeVpcs(r -> r.filters(f -> f.name("tag:application-name").values("agc"))).vpcs())
                    .isEmpty();
        }
    }

    @Test
    @DisplayName("--include-data deletes agc's log group and bucket with every version, keeps the state bucket holding state and what the user owns")
    void includeDataDeletesOnlyAgcData() throws IOException {
        // Given
        AgcRegion region = new AgcRegion(moto.endpoint(), REGION).activate().deactivate();
        region.untaggedBucket("lab-results");
        try (S3Client s3 = region.s3()) {
            s3.putBucketVersioning(r -> r.bucket(region.bucket).versioningConfiguration(v -> v.status("Enabled")));
            s3.putObject(r -> r.bucket(region.bucket).key("project/run-1/out.txt"), RequestBody.fromString("v2"));
            s3.deleteObject(r -> r.bucket(region.bucket).key("project/run-2/out.txt"));
        }
        Path settings = temp.resolve("agc.yaml");
        Files.writeString(settings, "regions:\n  eu-west-1:\n    bucket: lab-results\n");

        // When
        CliRun run = cleanup("--region", REGION, "--include-data", "--account", AgcRegion.ACCOUNT, "--yes",
                "--settings", settings.toString());

        // Then
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("Kept (3):", "lab-results (owner: user): user-owned (the user's: named in the "
                        + "settings file as regions.eu-west-1.bucket): never deleted",
                region.lambdaLogGroup + " (owner: user): user-owned (not tagged application-name=agc",
                region.stateBucket + " (owner: agc): the state bucket, the record of what agc-infra created: deleted "
                        + "only with --include-state");
        try (S3Client s3 = region.s3(); CloudWatchLogsClient logs = region.logs()) {
            assertThat(bucketExists(s3, region.bucket)).isFalse();
            assertThat(bucketExists(s3, region.stateBucket)).isTrue();
            assertThat(bucketExists(s3, "lab-results")).isTrue();
            assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix(region.taggedLogGroup)).logGroups()).isEmpty();
            assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix(region.lambdaLogGroup)).logGroups()).hasSize(1);
        }
    }

    @Test
    @DisplayName("asking by --id for a user-owned bucket is refused with exit 2, and the bucket stays")
    void refusesUserOwnedBucket() throws IOException {
        // Given
        AgcRegion region = new AgcRegion(moto.endpoint(), REGION).activate().deactivate();
        region.untaggedBucket("lab-results");
        Path settings = temp.resolve("agc.yaml");
        Files.writeString(settings, "regions:\n  eu-west-1:\n    bucket: lab-results\n");

        // When
        CliRun run = cleanup("--region", REGION, "--include-data", "--account", AgcRegion.ACCOUNT, "--yes",
                "--settings", settings.toString(), "--id", "lab-results");

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.errLines()).singleElement().asString()
                .contains("refusing to delete s3-bucket lab-results: user-owned (the user's: named in the settings file "
                        + "as regions.eu-west-1.bucket)");
        try (S3Client s3 = region.s3()) {
            assertThat(bucketExists(s3, "lab-results")).isTrue();
        }
    }

    @Test
    @DisplayName("the tagged results bucket a settings file adopts with createBucket: false alone is the user's, and stays")
    void keepsTheBucketAdoptedWithCreateBucketFalse() throws IOException {
        // Given
        AgcRegion region = new AgcRegion(moto.endpoint(), REGION).activate().deactivate();
        Path settings = temp.resolve("agc.yaml");
        Files.writeString(settings, "regions:\n  eu-west-1: { createBucket: false }\n");

        // When
        CliRun run = cleanup("--region", REGION, "--include-data", "--account", AgcRegion.ACCOUNT, "--yes",
                "--settings", settings.toString());

        // Then
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains(region.bucket + " (owner: user): user-owned (the user's: named in the "
                + "settings file as regions.eu-west-1.bucket)");
        try (S3Client s3 = region.s3()) {
            assertThat(bucketExists(s3, region.bucket)).isTrue();
        }
    }

    @Test
    @DisplayName("an active region is refused with exit 2 before anything is deleted")
    void refusesActiveRegion() {
        // Given
        AgcRegion region = new AgcRegion(moto.endpoint(), "us-east-1").activate();

        // When
        CliRun run = cleanup("--region", "us-east-1", "--account", AgcRegion.ACCOUNT, "--yes", "--include-data");

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("refusing to clean up us-east-1: agc-infra is active there");
        try (Ec2Client ec2 = region.ec2()) {
            assertThat(ec2.describeNatGateways(r -> r.natGatewayIds(region.natGateways)).natGateways())
                    .allSatisfy(nat -> assertThat(nat.stateAsString()).isEqualTo("available"));
        }
    }

    private static boolean bucketExists(S3Client s3, String bucket) {
        try {
            s3.headBucket(r -> r.bucket(bucket));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        }
    }

    private static List<String> ids(JsonNode actions) {
        List<String> ids = new ArrayList<>();
        actions.forEach(a -> ids.add(a.get("id").asText()));
        return ids;
    }

    private String awsCli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", moto.endpoint().toString(),
                "--region", REGION, "--output", "text"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.remove("AWS_PROFILE");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
