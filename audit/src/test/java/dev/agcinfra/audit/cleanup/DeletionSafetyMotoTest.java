package dev.agcinfra.audit.cleanup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.agcinfra.audit.cleanup.ActivationHistory.REGION;
import static dev.agcinfra.audit.cleanup.ActivationHistory.REGIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.retained.AgcRegion;
import dev.agcinfra.audit.retained.RetainedOptions;
import dev.agcinfra.audit.testing.AwsStubs;
import dev.agcinfra.audit.testing.CliRun;
import dev.agcinfra.audit.testing.TestCredentials;
import dev.agcinfra.aws.AwsClientFactory;
import dev.agcinfra.aws.AwsSettings;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.settings.AwsDefaults;
import dev.agcinfra.settings.SettingsException;
import dev.agcinfra.settings.SettingsLoader;
import dev.agcinfra.testing.AccountSnapshot;
import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.MotoServer;
import dev.agcinfra.testing.TerraformStateFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code cleanup} tried as a careful ops engineer would, against moto: a region where agc-infra ran twice (first on the
 * user's own VPC and bucket, then with its own, then a destroy that failed midway), beside the user's resources
 * carrying the agc tag, another team's, and another project's state in the same state bucket ({@link ActivationHistory}).
 * Every test lists the whole account (both regions, every bucket and object version) before and after, and proves that
 * only what agc-infra provably created in the named region changed.
 */
class DeletionSafetyMotoTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = AgcRegion.ACCOUNT;

    /** WireMock in front of moto: answers what a test fakes (an AWS error), and passes everything else to moto. */
    @RegisterExtension
    static WireMockExtension proxy = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    MotoServer moto;
    ActivationHistory history;
    Function<String, String> originalPrompt;

    @TempDir
    Path temp;

    @BeforeEach
    void account() {
        moto = MotoServer.get();
        moto.reset();
        history = new ActivationHistory(moto.endpoint()).build();
        originalPrompt = dev.agcinfra.audit.cli.AuditCleanup.prompt;
        dev.agcinfra.audit.cli.AuditCleanup.prompt = question -> null;
        proxy.resetAll();
        proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint().toString())));
    }

    @AfterEach
    void restorePrompt() {
        dev.agcinfra.audit.cli.AuditCleanup.prompt = originalPrompt;
    }

    SortedSet<String> snapshot() {
        return AccountSnapshot.of(moto.endpoint(), REGIONS);
    }

    CliRun cleanup(String... more) {
        List<String> args = new ArrayList<>(List.of("cleanup", "--endpoint-url", moto.endpoint().toString(),
                "--wait-interval", "10ms", "--wait-timeout", "5s"));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(new String[0]));
    }

    /** {@code agc-audit JOB} through the proxy, so that a test's faked AWS errors answer, and moto the rest. */
    CliRun viaProxy(String job, String... more) {
        List<String> args = new ArrayList<>(List.of(job, "--endpoint-url", proxy.baseUrl(), "--max-attempts", "1"));
        if (job.equals("cleanup")) {
            args.addAll(List.of("--wait-interval", "10ms", "--wait-timeout", "5s"));
        }
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(new String[0]));
    }

    /** ListObjectVersions on the state bucket answers 403 AccessDenied, as S3 does without s3:ListBucketVersions. */
    void stateBucketListingDenied() {
        proxy.stubFor(get(urlPathEqualTo("/" + history.agc.stateBucket)).withQueryParam("versions", matching(".*"))
                .atPriority(1).willReturn(accessDenied()));
    }

    /** Every call on the state bucket answers 403 AccessDenied, as under a bucket policy that denies s3:*. */
    void stateBucketDenied() {
        proxy.stubFor(any(urlPathMatching("/" + history.agc.stateBucket + "(/.*)?")).atPriority(1)
                .willReturn(accessDenied()));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder accessDenied() {
        return aResponse().withStatus(403).withHeader("Content-Type", "application/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code>"
                        + "<Message>Access Denied</Message><RequestId>0A1B2C3D4E5F6789</RequestId></Error>");
    }

    /** Every line that changed names one of {@code allowed}; nothing the user, the team or the other project owns changed. */
    void onlyChanged(SortedSet<String> before, SortedSet<String> after, Set<String> allowed) {
        List<String> changed = new ArrayList<>(AccountSnapshot.removed(before, after));
        changed.addAll(AccountSnapshot.added(before, after));
        assertThat(changed).as("every change is one of agc-infra's leftovers in " + REGION)
                .allSatisfy(line -> assertThat(allowed.stream().anyMatch(line::contains)).as(line).isTrue());
        for (String id : history.notOurs()) {
            assertThat(before.stream().filter(line -> line.contains(id)).toList()).as(id)
                    .isNotEmpty()
                    .isEqualTo(after.stream().filter(line -> line.contains(id)).toList());
        }
        for (String line : before) {
            if (!line.startsWith(REGION) && !line.startsWith("s3 ")) {
                assertThat(after).as("other regions stay as they were").contains(line);
            }
        }
    }

    /** agc-infra's leftovers in the region, and its bucket there, are gone. */
    void leftoversGone(SortedSet<String> after) {
        assertThat(after).contains(REGION + " ec2 nat-gateway " + history.agc.natGateways.get(0) + " deleted")
                .noneMatch(line -> line.contains(history.agc.vpc) || line.contains(history.agc.elasticIps.get(0))
                        || line.contains(history.agc.privateSubnets.get(0)));
    }

    @Test
    @DisplayName("1. with no settings file, --include-data deletes what agc-infra created, never the user's tagged bucket or VPC")
    void noSettingsFileKeepsTheUsersBucketAndVpc() throws Exception {
        // Given
        Set<String> allowed = history.agcLeftovers();
        allowed.addAll(List.of(history.agc.bucket, history.agc.taggedLogGroup));
        SortedSet<String> before = snapshot();

        // When
        CliRun run = cleanup("--region", REGION, "--include-data", "--account", ACCOUNT, "--yes", "--format", "json");

        // Then
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        SortedSet<String> after = snapshot();
        onlyChanged(before, after, allowed);
        leftoversGone(after);
        assertThat(after).noneMatch(line -> line.contains(history.agc.bucket)).anyMatch(line -> line.contains(
                "s3 object " + ActivationHistory.USER_BUCKET + "/runs/1/reads.bam"));
        JsonNode kept = JSON.readTree(run.out()).get("plan").get("kept");
        assertThat(kept.findValuesAsText("id")).contains(history.userVpc, ActivationHistory.USER_BUCKET,
                history.agc.stateBucket);
        assertThat(reasonOf(kept, ActivationHistory.USER_BUCKET)).contains("agc-infra only reads it, as "
                + "data.aws_s3_bucket.results_bucket in " + history.agc.coreStateKey());
        assertThat(reasonOf(kept, history.userVpc)).contains("data.aws_vpc.vpc");
    }

    @Test
    @DisplayName("2. after deactivate forgot vpc: in the settings, the user's VPC and subnets still stay: the state only ever read them")
    void settingsWithoutTheVpcKeepTheUsersVpc() throws Exception {
        // Given: the settings as account deactivate leaves them, vpc: removed
        Path settings = temp.resolve("agc.yaml");
        Files.writeString(settings, "account: \"" + ACCOUNT + "\"\nregions:\n  " + REGION + ": {}\n");
        Set<String> allowed = history.agcLeftovers();
        SortedSet<String> before = snapshot();

        // When
        CliRun run = cleanup("--region", REGION, "--settings", settings.toString(), "--account", ACCOUNT, "--yes");

        // Then
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        SortedSet<String> after = snapshot();
        onlyChanged(before, after, allowed);
        leftoversGone(after);
        assertThat(run.out()).contains("vpc " + history.userVpc + " (owner: user): user-owned (the user's: agc-infra "
                + "only reads it, as data.aws_vpc.vpc");
    }

    @ParameterizedTest(name = "3. a settings file with {0} stops cleanup with agc-infra's own problem lines, exit 2, and nothing changes")
    @ValueSource(strings = {
        "a duplicate region|regions:\n  eu-west-1:\n    vpc: VPC\n    bucket: my-data\n  eu-west-1: {}\n",
        "keys in the wrong case|regions:\n  eu-west-1:\n    VPC: VPC\n    Bucket: my-data\n"})
    void malformedSettingsStopCleanup(String testCase) throws Exception {
        // Given
        String yaml = testCase.substring(testCase.indexOf('|') + 1).replace("VPC\n", history.userVpc + "\n")
                .replace("VPC: ", "VPC: ");
        Path settings = temp.resolve("agc.yaml");
        Files.writeString(settings, yaml);
        List<String> agcInfraLines;
        try {
            new SettingsLoader(temp, Map.of()).load(new NoAws());
            throw new AssertionError("agc-infra accepts the file");
        } catch (SettingsException e) {
            agcInfraLines = e.problems();
        }
        SortedSet<String> before = snapshot();

        // When
        CliRun run = cleanup("--region", REGION, "--include-data", "--settings", settings.toString(),
                "--account", ACCOUNT, "--yes");

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.errLines()).isEqualTo(agcInfraLines.stream().map(line -> "agc-audit: " + line.replace(
                "agc.yaml", settings.toString())).toList());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @DisplayName("4. a state bucket shared with another project stays, every version, with --include-data and with --include-state")
    void sharedStateBucketStays() throws Exception {
        // Given
        Set<String> allowed = history.agcLeftovers();
        allowed.addAll(List.of(history.agc.bucket, history.agc.taggedLogGroup));
        SortedSet<String> before = snapshot();

        // When
        CliRun run = cleanup("--region", REGION, "--include-data", "--include-state", "--account", ACCOUNT, "--yes");

        // Then
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        SortedSet<String> after = snapshot();
        onlyChanged(before, after, allowed);
        assertThat(after.stream().filter(line -> line.contains(history.agc.stateBucket + "/")).count())
                .as("every version of every state file, and the other project's").isEqualTo(
                        before.stream().filter(line -> line.contains(history.agc.stateBucket + "/")).count())
                .isGreaterThan(4);
        assertThat(run.out()).contains(history.agc.stateBucket + " (owner: agc): the state bucket holds objects that "
                + "are not agc-infra's state of " + REGION + " (" + ActivationHistory.TEAM_STATE_KEY + "): never deleted, "
                + "it may be another project's state; still holds state (" + history.agc.coreStateKey() + ", "
                + history.agc.dataStateKey() + ")");
    }

    /**
     * Path 4 on its own: the leftovers are gone (the second destroy completed) and both of agc-infra's state files end
     * with a version recording no managed resource, so only {@code team/network}, another project's state with a
     * resource, makes the state bucket more than agc-infra's empty state.
     */
    void destroyCompleted() {
        history.agc.completeDestroy();
        history.agc.writeState(history.agc.dataStateKey(), new TerraformStateFile());
    }

    /** Every version and delete marker of {@code key} in the state bucket, removed as its owner would. */
    void removeFromStateBucket(String key) {
        try (S3Client s3 = history.s3()) {
            var versions = s3.listObjectVersions(r -> r.bucket(history.agc.stateBucket).prefix(key));
            versions.versions().forEach(v -> s3.deleteObject(r -> r.bucket(history.agc.stateBucket).key(key)
                    .versionId(v.versionId())));
            versions.deleteMarkers().forEach(m -> s3.deleteObject(r -> r.bucket(history.agc.stateBucket).key(key)
                    .versionId(m.versionId())));
        }
    }

    List<String> stateBucketLines(SortedSet<String> snapshot) {
        return snapshot.stream().filter(line -> line.contains(history.agc.stateBucket)).toList();
    }

    @Test
    @DisplayName("4a. with agc-infra's state files empty and another project's team/network beside them, --include-data keeps every version of the state bucket")
    void emptyAgcStateWithAnotherProjectsStateKeepsTheBucketWithIncludeData() throws Exception {
        // Given
        destroyCompleted();
        SortedSet<String> before = snapshot();

        // When
        CliRun run = cleanup("--region", REGION, "--include-data", "--account", ACCOUNT, "--yes");

        // Then
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        SortedSet<String> after = snapshot();
        onlyChanged(before, after, Set.of(history.agc.bucket, history.agc.taggedLogGroup));
        assertThat(stateBucketLines(after)).isEqualTo(stateBucketLines(before)).anyMatch(line -> line.contains(
                history.agc.stateBucket + "/" + ActivationHistory.TEAM_STATE_KEY));
        assertThat(run.out()).contains(history.agc.stateBucket + " (owner: agc): the state bucket, the record of what "
                + "agc-infra created: deleted only with --include-state");
    }

    @Test
    @DisplayName("4b. with agc-infra's state files empty, --include-state keeps a state bucket holding team/network, and the kept line names team/network")
    void emptyAgcStateWithAnotherProjectsStateKeepsTheBucketWithIncludeState() throws Exception {
        // Given
        destroyCompleted();
        SortedSet<String> before = snapshot();

        // When
        CliRun run = cleanup("--region", REGION, "--include-state", "--account", ACCOUNT, "--yes");

        // Then
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(run.out()).contains("Nothing to delete.", history.agc.stateBucket + " (owner: agc): the state bucket "
                + "holds objects that are not agc-infra's state of " + REGION + " (" + ActivationHistory.TEAM_STATE_KEY
                + "): never deleted, it may be another project's state");
    }

    @Test
    @DisplayName("4c. once team/network is gone and agc-infra's state files are empty, --include-state deletes the state bucket and nothing else")
    void emptyAgcStateAloneLetsIncludeStateDeleteOnlyTheStateBucket() throws Exception {
        // Given
        destroyCompleted();
        removeFromStateBucket(ActivationHistory.TEAM_STATE_KEY);
        SortedSet<String> before = snapshot();
        assertThat(stateBucketLines(before)).hasSizeGreaterThan(4);

        // When
        CliRun run = cleanup("--region", REGION, "--include-state", "--account", ACCOUNT, "--yes", "--format", "json");

        // Then
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode result = JSON.readTree(run.out()).get("result");
        assertThat(result.get("deleted").findValuesAsText("id")).containsExactly(history.agc.stateBucket);
        SortedSet<String> after = snapshot();
        assertThat(stateBucketLines(after)).isEmpty();
        assertThat(after.stream().filter(line -> !line.contains(history.agc.stateBucket)).toList())
                .as("everything but the state bucket").isEqualTo(before.stream()
                        .filter(line -> !line.contains(history.agc.stateBucket)).toList());
    }

    @Test
    @DisplayName("4d. a state bucket that gains another project's key after the plan was made is skipped when its turn comes, naming the key, and keeps every version")
    void stateBucketGainingAForeignKeyAfterThePlanIsSkipped() {
        // Given: a plan that deletes the state bucket, then another project writes its state into it
        destroyCompleted();
        removeFromStateBucket(ActivationHistory.TEAM_STATE_KEY);
        TestCredentials.install();
        try (AwsClientFactory factory = new AwsClientFactory(AwsSettings.defaults().withEndpoint(moto.endpoint())
                .withRetries(1, Duration.ofMillis(1)), Map.of())) {
            Cleanup cleanup = new Cleanup(factory, ACCOUNT, RetainedOptions.defaults()
                    .withTag(TagFilter.parse("application-name=agc")));
            CleanupPlan plan = cleanup.plan(REGION, false, true, Set.of());
            assertThat(plan.actions()).extracting(CleanupAction::id).containsExactly(history.agc.stateBucket);
            try (S3Client s3 = history.s3()) {
                s3.putObject(r -> r.bucket(history.agc.stateBucket).key("team/dns"), RequestBody.fromString(
                        new TerraformStateFile().managed("aws_route53_zone", "zone", "Z0123").json()));
            }
            SortedSet<String> before = snapshot();

            // When
            CleanupResult result = cleanup.execute(plan);

            // Then
            assertThat(result.deleted()).isEmpty();
            assertThat(result.complete()).isTrue();
            assertThat(result.skipped()).singleElement().satisfies(skipped -> {
                assertThat(skipped.action().id()).isEqualTo(history.agc.stateBucket);
                assertThat(skipped.reason()).isEqualTo("now kept: " + history.agc.stateBucket + " holds objects that "
                        + "are not agc-infra's state of " + REGION + " (team/dns): never deleted, it may be another "
                        + "project's state");
            });
            assertThat(snapshot()).isEqualTo(before);
        }
    }

    @Test
    @DisplayName("5. another service's network interface in an agc subnet keeps that VPC and everything in it; the report names it")
    void foreignInterfaceKeepsTheVpc() throws Exception {
        // Given
        String eni = history.foreignInterface();
        SortedSet<String> before = snapshot();

        // When
        CliRun run = cleanup("--region", REGION, "--account", ACCOUNT, "--yes");

        // Then
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(run.out()).contains("Nothing to delete.", "natgateway " + history.agc.natGateways.get(0),
                history.agc.vpc + " holds " + eni + " (\"AWS Lambda VPC ENI-report-builder\"");
    }

    @Test
    @DisplayName("6. --id of the agc VPC deletes its NAT gateway (waited for), Elastic IP, endpoint and parts, in order, and only then says it completed")
    void idOfTheVpcLeavesNothingRunning() throws Exception {
        // Given
        Set<String> allowed = history.agcLeftovers();
        SortedSet<String> before = snapshot();

        // When
        CliRun run = cleanup("--region", REGION, "--id", history.agc.vpc, "--account", ACCOUNT, "--yes",
                "--format", "json");

        // Then
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        SortedSet<String> after = snapshot();
        onlyChanged(before, after, allowed);
        leftoversGone(after);
        JsonNode result = JSON.readTree(run.out()).get("result");
        assertThat(result.get("complete").asBoolean()).isTrue();
        List<String> deleted = result.get("deleted").findValuesAsText("id");
        assertThat(deleted.subList(0, 3)).containsExactly(history.agc.natGateways.get(0), history.agc.elasticIps.get(0),
                history.agc.interfaceEndpoint);
        assertThat(deleted.get(deleted.size() - 1)).isEqualTo(history.agc.vpc);
        assertThat(result.get("monthlySavingUsd").decimalValue()).isEqualByComparingTo("54.75");
    }

    @Test
    @DisplayName("--yes with another account's id is refused with exit 2 before anything changes")
    void wrongAccountIsRefused() {
        SortedSet<String> before = snapshot();

        CliRun run = cleanup("--region", REGION, "--include-data", "--account", "999999999999", "--yes");

        assertThat(run.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.errLines()).singleElement().asString().contains("--account 999999999999 is not the account of "
                + "these credentials (" + ACCOUNT + ")");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @DisplayName("when agc-infra's state cannot be found, everything it would prove is owner unknown and kept")
    void unreadableStateKeepsEverything() throws Exception {
        // Given: the settings name a state bucket that does not exist
        Path settings = temp.resolve("agc.yaml");
        Files.writeString(settings, "stateBucket: \"elsewhere-{account}-{region}\"\n");
        SortedSet<String> before = snapshot();

        // When
        CliRun run = cleanup("--region", REGION, "--settings", settings.toString(), "--account", ACCOUNT, "--yes");

        // Then
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("Nothing to delete.", "natgateway " + history.agc.natGateways.get(0)
                + " (owner: unknown): owner unknown, kept: no state bucket elsewhere-" + ACCOUNT + "-" + REGION);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @DisplayName("a plan file changes nothing; applied later it re-checks each entry and skips what changed since")
    void planThenApply() throws Exception {
        // Given
        Path plan = temp.resolve("plan.json");
        SortedSet<String> before = snapshot();

        // When: plan
        CliRun planned = cleanup("--region", REGION, "--plan-file", plan.toString());

        // Then
        assertThat(planned.status()).as(planned.err()).isEqualTo(ExitCode.OK);
        assertThat(snapshot()).isEqualTo(before);
        JsonNode file = JSON.readTree(Files.readString(plan));
        assertThat(file.get("format").asText()).isEqualTo("agc-audit-cleanup-plan");
        JsonNode nat = file.get("plan").get("actions").get(0);
        assertThat(nat.get("id").asText()).isEqualTo(history.agc.natGateways.get(0));
        assertThat(nat.get("provenance").get("stateFile").asText()).isEqualTo(history.agc.coreStateKey());
        assertThat(nat.get("provenance").get("versionId").asText()).isNotBlank();
        assertThat(nat.get("provenance").get("address").asText())
                .isEqualTo("aws_nat_gateway.vpc_public_subnet1_nat_gateway");
        assertThat(nat.get("monthlyUsd").decimalValue()).isEqualByComparingTo("35.04");

        // Given: since the plan, someone deleted the endpoint, and another service put an interface in the VPC
        try (var ec2 = history.agc.ec2()) {
            ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds(history.agc.interfaceEndpoint));
        }
        String eni = history.foreignInterface();
        SortedSet<String> changed = snapshot();

        // When: apply
        CliRun applied = cleanup("--apply", plan.toString(), "--account", ACCOUNT, "--yes");

        // Then: nothing of the VPC goes now, and each planned entry is reported as skipped with the reason
        assertThat(applied.status()).as(applied.err()).isEqualTo(ExitCode.OK);
        assertThat(snapshot()).isEqualTo(changed);
        assertThat(applied.out()).contains("Skipped: delete-nat-gateway " + history.agc.natGateways.get(0) + ": now kept: "
                        + history.agc.vpc + " holds " + eni,
                "Skipped: delete-vpc-endpoint " + history.agc.interfaceEndpoint + ": no longer found");
        assertThat(applied.out()).doesNotContain("Every deletion completed.")
                .contains("Nothing was deleted: the plan's " + applied.out().lines().filter(l -> l.startsWith("Skipped: "))
                        .count() + " entries were all skipped, as listed above");
    }

    @Test
    @DisplayName("a plan applied with nothing changed deletes exactly its entries, in order")
    void applyUnchangedPlan() throws Exception {
        Path plan = temp.resolve("plan.json");
        assertThat(cleanup("--region", REGION, "--plan-file", plan.toString()).status()).isZero();
        Set<String> allowed = history.agcLeftovers();
        SortedSet<String> before = snapshot();

        CliRun applied = cleanup("--apply", plan.toString(), "--account", ACCOUNT, "--yes", "--format", "json");

        assertThat(applied.status()).as(applied.err()).isEqualTo(ExitCode.OK);
        JsonNode report = JSON.readTree(applied.out());
        assertThat(report.get("result").get("deleted").findValuesAsText("id")).isEqualTo(
                JSON.readTree(Files.readString(plan)).get("plan").get("actions").findValuesAsText("id"));
        onlyChanged(before, snapshot(), allowed);
    }

    @Test
    @DisplayName("when ListObjectVersions on the state bucket is denied, retained reports the agc-tagged candidates as owner unknown, names the state read in an error, exit 3")
    void deniedStateReadMakesRetainedSayUnknown() throws Exception {
        // Given
        stateBucketListingDenied();

        // When
        CliRun run = viaProxy("retained", "--regions", REGION, "--format", "json");

        // Then
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.AWS_FAILURE);
        JsonNode report = JSON.readTree(run.out());
        Map<String, String> owners = new java.util.HashMap<>();
        report.get("findings").forEach(f -> owners.put(f.get("id").asText(), f.get("owner").asText()));
        for (String id : List.of(history.agc.natGateways.get(0), history.agc.elasticIps.get(0),
                history.agc.interfaceEndpoint, history.agc.vpc, history.userVpc)) {
            assertThat(owners).as(id).containsEntry(id, "unknown");
        }
        assertThat(report.get("findings")).allSatisfy(f -> assertThat(f.get("cleanup").isNull()
                || f.get("provenance").get("source").asText().equals("agc-name-rule")).as(f.toString()).isTrue());
        assertThat(owners).containsEntry(history.agc.bucket, "unknown").containsEntry(history.agc.stateBucket, "agc");
        assertThat(report.get("errors").findValuesAsText("operation")).containsExactly("ReadTerraformState");
        assertThat(run.err()).contains("agc-audit: " + REGION + " s3 ReadTerraformState AccessDenied: Access Denied");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ListObjectVersions on the state bucket denied", "every call on the state bucket denied"})
    @DisplayName("when the state bucket cannot be read, cleanup --include-data --include-state keeps every candidate as owner unknown, and the state bucket; only AGC's name-rule log group goes")
    void deniedStateReadKeepsEverything(String denial) throws Exception {
        // Given
        if (denial.startsWith("every")) {
            stateBucketDenied();
        } else {
            stateBucketListingDenied();
        }
        SortedSet<String> before = snapshot();

        // When
        CliRun run = viaProxy("cleanup", "--region", REGION, "--include-data", "--include-state", "--account", ACCOUNT,
                "--yes", "--format", "json");

        // Then
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        onlyChanged(before, snapshot(), Set.of(history.agc.taggedLogGroup));
        JsonNode plan = JSON.readTree(run.out()).get("plan");
        assertThat(plan.get("actions").findValuesAsText("id")).containsExactly(history.agc.taggedLogGroup);
        assertThat(reasonOf(plan.get("kept"), history.agc.stateBucket)).matches("the state bucket could not be read "
                + "\\(s3 (ListObjectVersions|GetBucketLocation) AccessDenied\\), like agc-infra's state in it: kept until "
                + "both can be read");
        assertThat(reasonOf(plan.get("kept"), history.agc.bucket)).startsWith("owner unknown, kept: ");
        for (String id : List.of(history.agc.natGateways.get(0), history.agc.elasticIps.get(0),
                history.agc.interfaceEndpoint, history.agc.vpc, history.userVpc)) {
            assertThat(reasonOf(plan.get("kept"), id)).startsWith("owner unknown, kept: agc-infra's state "
                    + history.agc.stateBucket + "/" + history.agc.dataStateKey() + " could not be read (s3 AccessDenied");
        }
    }

    @Test
    @DisplayName("one version of agc-core's state that is not JSON makes every candidate owner unknown and kept; only AGC's name-rule log group goes with --include-data")
    void garbageStateVersionKeepsEverything() throws Exception {
        // Given: an older version of the core's state is garbage; the newest is fine
        try (S3Client s3 = history.s3()) {
            s3.putObject(r -> r.bucket(history.agc.stateBucket).key(history.agc.coreStateKey()),
                    RequestBody.fromString("<html>502 Bad Gateway</html>"));
        }
        List<TerraformStateFile> states = history.agc.coreStates;
        history.agc.writeState(history.agc.coreStateKey(), states.get(states.size() - 1));
        SortedSet<String> before = snapshot();

        // When
        CliRun run = cleanup("--region", REGION, "--include-data", "--account", ACCOUNT, "--yes", "--format", "json");

        // Then
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        SortedSet<String> after = snapshot();
        onlyChanged(before, after, Set.of(history.agc.taggedLogGroup));
        assertThat(after).noneMatch(line -> line.startsWith(REGION) && line.contains(history.agc.taggedLogGroup));
        JsonNode plan = JSON.readTree(run.out()).get("plan");
        for (String id : List.of(history.agc.natGateways.get(0), history.agc.vpc, history.agc.bucket,
                ActivationHistory.USER_BUCKET)) {
            assertThat(reasonOf(plan.get("kept"), id)).contains("owner unknown, kept: " + history.agc.stateBucket + "/"
                    + history.agc.coreStateKey() + " version ").contains(" is not Terraform state");
        }
        assertThat(plan.get("actions").findValuesAsText("id")).containsExactly(history.agc.taggedLogGroup);
    }

    @Test
    @DisplayName("a deletion AWS refuses stops the run with exit 3 and the AWS error in the failed line; a second run finishes the job")
    void failedDeletionThenSecondRunFinishes() throws Exception {
        // Given: ReleaseAddress fails once
        proxy.stubFor(post("/").withRequestBody(containing("Action=ReleaseAddress")).atPriority(1)
                .inScenario("release once").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("failed")
                .willReturn(AwsStubs.ec2Error(400, "InvalidIPAddress.InUse", "Address "
                        + history.agc.elasticIps.get(0) + " is in use.")));
        Set<String> allowed = history.agcLeftovers();
        SortedSet<String> before = snapshot();

        // When
        CliRun first = viaProxy("cleanup", "--region", REGION, "--account", ACCOUNT, "--yes");

        // Then
        assertThat(first.status()).as(first.err()).isEqualTo(ExitCode.AWS_FAILURE);
        assertThat(first.out()).contains("Deleted (1):\n  delete-nat-gateway " + history.agc.natGateways.get(0),
                "Failed: release-address " + history.agc.elasticIps.get(0) + ": " + REGION + " ec2 ReleaseAddress "
                        + "InvalidIPAddress.InUse: Address " + history.agc.elasticIps.get(0) + " is in use.",
                "Stopped at the first failure; run cleanup again once the cause is fixed.");
        SortedSet<String> between = snapshot();
        onlyChanged(before, between, allowed);
        assertThat(between).anyMatch(line -> line.contains(history.agc.elasticIps.get(0)))
                .anyMatch(line -> line.contains(history.agc.vpc));

        // When
        CliRun second = viaProxy("cleanup", "--region", REGION, "--account", ACCOUNT, "--yes");

        // Then
        assertThat(second.status()).as(second.err()).isEqualTo(ExitCode.OK);
        assertThat(second.out()).contains("release-address " + history.agc.elasticIps.get(0), "Every deletion completed.");
        SortedSet<String> after = snapshot();
        onlyChanged(before, after, allowed);
        leftoversGone(after);
    }

    @Test
    @DisplayName("--apply of a plan written for another account is refused with exit 2 before anything changes")
    void planOfAnotherAccountIsRefused() throws Exception {
        // Given
        Path plan = temp.resolve("plan.json");
        assertThat(cleanup("--region", REGION, "--plan-file", plan.toString()).status()).isZero();
        Files.writeString(plan, Files.readString(plan).replace("\"account\" : \"" + ACCOUNT + "\"",
                "\"account\" : \"210987654321\""));
        assertThat(Files.readString(plan)).contains("210987654321");
        SortedSet<String> before = snapshot();

        // When
        CliRun run = cleanup("--apply", plan.toString(), "--account", ACCOUNT, "--yes");

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.errLines()).containsExactly("agc-audit: the plan was made in account 210987654321, not in "
                + ACCOUNT + "; use that account's credentials, or make a new plan");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @DisplayName("the prompt names the account with its alias after the full list; a wrong answer deletes nothing; in JSON mode the list goes to stderr and stdout stays one JSON document")
    void promptShowsAccountAliasAndTheFullList() throws Exception {
        // Given
        try (IamClient iam = AwsTestClients.build(IamClient.builder(), moto.endpoint(), "us-east-1")) {
            iam.createAccountAlias(r -> r.accountAlias("genomics-lab"));
        }
        List<String> questions = new ArrayList<>();
        dev.agcinfra.audit.cli.AuditCleanup.prompt = question -> {
            questions.add(question);
            return "no";
        };
        Set<String> leftovers = history.agcLeftovers();
        SortedSet<String> before = snapshot();

        // When: table mode, answered wrongly
        CliRun table = cleanup("--region", REGION);

        // Then
        assertThat(table.status()).as(table.err()).isEqualTo(ExitCode.OK);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(questions).containsExactly("Account " + ACCOUNT + " (genomics-lab), region " + REGION + ": type the "
                + "account id to delete these 13 resources (anything else cancels): ");
        assertThat(table.out()).contains("Cleanup of " + REGION + " in account " + ACCOUNT + " (genomics-lab)");
        for (String id : List.of(history.agc.natGateways.get(0), history.agc.elasticIps.get(0),
                history.agc.interfaceEndpoint, history.agc.vpc, history.agc.igw, history.agc.endpointSecurityGroup)) {
            assertThat(table.out()).contains(id);
        }
        assertThat(table.errLines()).containsExactly("agc-audit cleanup: cancelled: nothing was deleted");

        // When: JSON mode, answered with the account id
        dev.agcinfra.audit.cli.AuditCleanup.prompt = question -> ACCOUNT;
        CliRun json = cleanup("--region", REGION, "--format", "json");

        // Then
        assertThat(json.status()).as(json.err()).isEqualTo(ExitCode.OK);
        JsonNode report = JSON.readTree(json.out());
        assertThat(json.out().strip()).startsWith("{").endsWith("}");
        List<String> planned = report.get("plan").get("actions").findValuesAsText("id");
        assertThat(planned).hasSize(13);
        assertThat(report.get("result").get("deleted").findValuesAsText("id")).isEqualTo(planned);
        assertThat(json.err()).contains("Cleanup of " + REGION + " in account " + ACCOUNT + " (genomics-lab)");
        planned.forEach(id -> assertThat(json.err()).contains(id));
        onlyChanged(before, snapshot(), leftovers);
    }

    private static String reasonOf(JsonNode kept, String id) {
        for (JsonNode entry : kept) {
            if (entry.get("id").asText().equals(id)) {
                return entry.get("reason").asText();
            }
        }
        throw new AssertionError(id + " is not kept: " + kept);
    }

    /** agc-infra's loader without AWS: the files here all fail before they would need it. */
    static final class NoAws implements AwsDefaults {
        @Override
        public String defaultRegion() {
            return REGION;
        }

        @Override
        public String account(String region) {
            return ACCOUNT;
        }
    }
}
