package dev.agcinfra.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.settings.SettingsDocument;
import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * {@code agc-infra account activate} against moto with a recording fake terraform: the preflight refusals (exit 2,
 * nothing changed), a good own VPC accepted, the terraform sequence, arguments, backend settings and exit status.
 */
class AccountActivateTest {

    private static final String STATE_BUCKET = "agc-tfstate-123456789012-us-east-1";

    @TempDir
    Path dir;

    MotoAccount moto;
    S3Client s3;
    CliRun cli;

    @BeforeEach
    void start() throws IOException {
        MotoServer.get().reset();
        moto = new MotoAccount();
        s3 = AwsTestClients.build(S3Client.builder(), MotoServer.get().endpoint(), MotoAccount.REGION);
        cli = new CliRun(dir);
        Files.writeString(dir.resolve("agc.yaml"), "# my settings\naccount: \"123456789012\"\n");
    }

    @AfterEach
    void stop() {
        moto.close();
        s3.close();
    }

    private void assertNothingChanged(CliRun.Result r) throws IOException {
        assertThat(r.status()).as(r.all()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(Files.readString(dir.resolve("agc.yaml"))).startsWith("# my settings");
        assertThat(dir.resolve("agc.yaml.next")).doesNotExist();
        assertThat(s3.listBuckets().buckets()).noneMatch(b -> b.name().equals(STATE_BUCKET));
        assertThat(cli.terraformCalls()).allMatch(c -> c.contains("|version -json|"));
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aVpcWithPrivateSubnetsInOnlyTwoAvailabilityZonesIsRefused() throws IOException {
        // Given a VPC whose private subnets cover two AZs
        MotoAccount.Network network = moto.twoAzVpc();

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--vpc", network.vpc());

        // Then
        assertNothingChanged(r);
        assertThat(r.err()).contains("refused:", network.vpc(), "only 2 Availability Zones", "at least 3");
    }

    @Test
    void aSubnetOfAnotherVpcIsRefused() throws IOException {
        // Given a good VPC and a subnet of another VPC
        MotoAccount.Network good = moto.goodVpc();
        MotoAccount.Network other = moto.twoAzVpc();

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--vpc", good.vpc(),
                "--subnets", good.privateSubnets().get(0) + "," + other.privateSubnets().get(0));

        // Then
        assertNothingChanged(r);
        assertThat(r.err()).contains("refused: subnet " + other.privateSubnets().get(0) + " belongs to " + other.vpc()
                + ", not to " + good.vpc());
    }

    @Test
    void aSubnetThatDoesNotExistIsRefused() throws IOException {
        // Given
        MotoAccount.Network good = moto.goodVpc();

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--vpc", good.vpc(),
                "--subnets", "subnet-0123456789abcdef0");

        // Then
        assertNothingChanged(r);
        assertThat(r.err()).contains("subnet subnet-0123456789abcdef0 does not exist");
    }

    @Test
    void privateSubnetsWithNoRouteToTheInternetAndNoEndpointsAreRefused() throws IOException {
        // Given a VPC with isolated subnets (no default route, no endpoints) in three AZs
        String vpc = moto.ec2.createVpc(v -> v.cidrBlock("10.2.0.0/16")).vpc().vpcId();
        moto.subnet(vpc, "10.2.0.0/24", "us-east-1a");
        moto.subnet(vpc, "10.2.1.0/24", "us-east-1b");
        moto.subnet(vpc, "10.2.2.0/24", "us-east-1c");

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--vpc", vpc);

        // Then
        assertNothingChanged(r);
        assertThat(r.err()).contains("have no route to the internet (no 0.0.0.0/0 route) and the VPC lacks endpoints "
                + "for s3, dynamodb, logs, ecr.dkr, ecr.api, ecs-agent, ecs-telemetry, ecs, ec2");
    }

    @Test
    void aVpcThatDoesNotExistIsRefused() throws IOException {
        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--vpc", "vpc-0123456789abcdef0");

        // Then
        assertNothingChanged(r);
        assertThat(r.err()).contains("refused: vpc vpc-0123456789abcdef0 does not exist in account 123456789012");
    }

    @Test
    void anAmiOfAnotherOwnerIsRefused() throws IOException {
        // Given one of the public images, owned by another account
        String ami = moto.amazonAmi();

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--ami", ami);

        // Then
        assertNothingChanged(r);
        assertThat(r.err()).contains("refused: ami " + ami + " belongs to account").contains("not 123456789012");
    }

    @Test
    void noElasticIpQuotaLeftForTheNatGatewaysIsRefused() throws IOException {
        // Given moto's quota of 5 Elastic IPs, 4 of them allocated
        for (int i = 0; i < 4; i++) {
            moto.ec2.allocateAddress(a -> a.domain("vpc"));
        }

        // When the default mode (3 NAT gateways) is activated
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1");

        // Then
        assertNothingChanged(r);
        assertThat(r.err()).contains("refused: Elastic IP quota: the 3 NAT gateways need 3 new Elastic IPs but only 1 of 5");
    }

    @Test
    void elasticIpsTheActiveCoresNatGatewaysHoldCountAsAvailableWhenItIsActivatedAgain() {
        // Given a region activated in the default mode, with what terraform apply made of agc-core there (the fake
        // terraform makes nothing): the /agc/_common/vpc parameter and 3 NAT gateway addresses tagged agc's; and 2
        // addresses of the user's since, so the quota of 5 is used
        CliRun.Result first = cli.run("account", "activate", "--region", "us-east-1", "--yes");
        assertThat(first.status()).as(first.all()).isZero();
        String vpc = moto.ec2.createVpc(v -> v.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        try (SsmClient ssm = AwsTestClients.build(SsmClient.builder(), MotoServer.get().endpoint(), "us-east-1")) {
            ssm.putParameter(p -> p.name("/agc/_common/vpc").value(vpc).type("String"));
        }
        for (int i = 0; i < 5; i++) {
            String allocation = moto.ec2.allocateAddress(a -> a.domain("vpc")).allocationId();
            if (i < 3) {
                moto.tag(allocation, "application-name", "agc");
            }
        }

        // When it is activated again
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--yes");

        // Then no new address is needed
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.out()).contains("Elastic IPs: 0 needed for NAT gateways, 0 of 5 free");
    }

    @Test
    void natGatewaysInTheSettingsFileIsKeptAndOneNatGatewayNeedsOneElasticIp() throws IOException {
        // Given natGateways: 1 and flow logs in the settings file (no flag sets them), and 4 of moto's 5 addresses taken
        Files.writeString(dir.resolve("agc.yaml"), "# my settings\naccount: \"123456789012\"\n"
                + "regions: { us-east-1: { natGateways: 1, flowLogs: true } }\n");
        for (int i = 0; i < 4; i++) {
            moto.ec2.allocateAddress(a -> a.domain("vpc"));
        }

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--tags", "team=genomics", "--yes");

        // Then
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.out()).contains("Elastic IPs: 1 needed for NAT gateways, 1 of 5 free");
        assertThat(SettingsDocument.read(dir.resolve("agc.yaml")).path("regions").path("us-east-1"))
                .isEqualTo(SettingsDocument.parse("x: { natGateways: 1, flowLogs: true, tags: { team: genomics } }",
                        "t").get("x"));
    }

    @Test
    void aFlagThatConflictsWithNatGatewaysInTheSettingsFileIsRefusedBeforeAnyChange() throws IOException {
        // Given
        Files.writeString(dir.resolve("agc.yaml"), "# my settings\naccount: \"123456789012\"\n"
                + "regions: { us-east-1: { natGateways: 1 } }\n");

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--usePublicSubnets");

        // Then
        assertNothingChanged(r);
        assertThat(r.err()).contains("regions.us-east-1.natGateways: 1 conflicts with usePublicSubnets: true")
                .contains("(in the settings file as activate would write it; usePublicSubnets comes from "
                        + "--usePublicSubnets)");
    }

    @Test
    void publicSubnetsNeedNoElasticIps() {
        // Given no Elastic IP left
        for (int i = 0; i < 5; i++) {
            moto.ec2.allocateAddress(a -> a.domain("vpc"));
        }

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--usePublicSubnets", "--yes");

        // Then
        assertThat(r.status()).as(r.all()).isZero();
    }

    @Test
    void aGoodOwnVpcIsAcceptedWarnsOfMissingEndpointsAndDeploysDataThenCore() throws IOException {
        // Given a VPC with private subnets in 3 AZs behind a NAT gateway, no endpoints, and an own AMI
        MotoAccount.Network network = moto.goodVpc();
        String ami = moto.ownAmi();

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--vpc", network.vpc(),
                "--ami", ami, "--tags", "team=genomics", "--yes");

        // Then it is accepted, with a warning naming each missing endpoint
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.err()).contains("warning: vpc " + network.vpc() + " has no VPC endpoint for s3, dynamodb, logs, "
                + "ecr.dkr, ecr.api, ecs-agent, ecs-telemetry, ecs, ec2");
        assertThat(r.out()).contains("ami " + ami + ": owned by account 123456789012")
                .contains("bucket agc-123456789012-us-east-1: will be created");
        // and the settings file says what was activated
        assertThat(SettingsDocument.read(dir.resolve("agc.yaml")).path("regions").path("us-east-1"))
                .isEqualTo(SettingsDocument.parse("x: { vpc: " + network.vpc() + ", ami: " + ami
                        + ", tags: { team: genomics } }", "t").get("x"));
        // and terraform ran init and apply in agc-data, then in agc-core, with the endpoint and region
        String endpoint = MotoServer.get().endpoint().toString();
        assertThat(cli.terraformCalls().get(0)).contains("|version -json|");
        assertThat(cli.terraformCalls().subList(1, cli.terraformCalls().size())).containsExactly(
                "agc-data-us-east-1|init -input=false -reconfigure -backend-config=agc-backend.tfbackend|" + endpoint + "|us-east-1",
                "agc-data-us-east-1|apply -input=false -auto-approve|" + endpoint + "|us-east-1",
                "agc-core-us-east-1|init -input=false -reconfigure -backend-config=agc-backend.tfbackend|" + endpoint + "|us-east-1",
                "agc-core-us-east-1|apply -input=false -auto-approve|" + endpoint + "|us-east-1");
        // and the output of terraform streamed through
        assertThat(r.out()).contains("fake terraform apply in agc-core-us-east-1");
    }

    @Test
    void theBackendGetsTheEndpointThroughBackendConfigNotThroughTheSynthesizedJson() throws IOException {
        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--yes");

        // Then
        assertThat(r.status()).as(r.all()).isZero();
        String backend = Files.readString(dir.resolve("backend-agc-core-us-east-1.tfbackend"));
        assertThat(backend).contains("endpoints = { s3 = \"" + MotoServer.get().endpoint() + "\" }",
                "use_path_style = true", "skip_credentials_validation = true", "skip_requesting_account_id = true",
                "skip_region_validation = true", "skip_metadata_api_check = true");
        assertThat(Files.readString(dir.resolve("cdktf.out/stacks/agc-core-us-east-1/cdk.tf.json")))
                .doesNotContain("127.0.0.1");
    }

    @Test
    void aProfileGivesTheCredentialsAndTheRegionAndIsPassedToTerraform() throws IOException {
        // Given a profile with moto's credentials and region eu-west-1 in the AWS files the SDK reads
        Path config = Files.writeString(dir.resolve("aws-config"), "[profile agc-test]\nregion = eu-west-1\n");
        Path credentials = Files.writeString(dir.resolve("aws-credentials"),
                "[agc-test]\naws_access_key_id = test\naws_secret_access_key = test\n");
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        try {
            // When
            CliRun.Result r = cli.sdkChains().run("account", "activate", "--profile", "agc-test", "--usePublicSubnets",
                    "--yes");

            // Then
            assertThat(r.status()).as(r.all()).isZero();
            assertThat(r.out()).contains("account 123456789012, region eu-west-1");
            assertThat(cli.terraformCalls().subList(1, cli.terraformCalls().size()))
                    .allMatch(c -> c.endsWith("|eu-west-1|profile=agc-test"));
            assertThat(Files.readString(dir.resolve("backend-agc-core-eu-west-1.tfbackend"))).contains("profile = \"agc-test\"");
        } finally {
            System.clearProperty("aws.configFile");
            System.clearProperty("aws.sharedCredentialsFile");
        }
    }

    @Test
    void withoutYesTerraformAsksForApprovalItself() {
        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1");

        // Then
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(cli.terraformCalls()).filteredOn(c -> c.contains("|apply")).hasSize(2)
                .allMatch(c -> c.contains("|apply -input=false|"));
    }

    @Test
    void planOnlyPlansBothStacksAndLeavesTheSettingsFileAlone() throws IOException {
        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--usePublicSubnets", "--plan-only");

        // Then
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(cli.terraformCalls()).extracting(c -> c.split("\\|")[1].split(" ")[0]).first().isEqualTo("version");
        assertThat(cli.terraformCalls().subList(1, cli.terraformCalls().size()))
                .extracting(c -> c.split("\\|")[0] + " " + c.split("\\|")[1].split(" ")[0])
                .containsExactly("agc-data-us-east-1 init", "agc-data-us-east-1 plan",
                        "agc-core-us-east-1 init", "agc-core-us-east-1 plan");
        assertThat(Files.readString(dir.resolve("agc.yaml"))).isEqualTo("# my settings\naccount: \"123456789012\"\n");
        assertThat(dir.resolve("agc.yaml.next")).doesNotExist();
    }

    @Test
    void aTerraformFailureStopsTheSequenceAndIsTheExitStatus() {
        // Given terraform fails applying agc-data
        cli.env("FAKE_TF_FAIL_CMD", "apply").env("FAKE_TF_FAIL_DIR", "agc-data-us-east-1");

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--yes");

        // Then
        assertThat(r.status()).isEqualTo(7);
        assertThat(r.err()).contains("Error: fake failure", "terraform failed in agc-data-us-east-1 with status 7");
        assertThat(cli.terraformCalls()).noneMatch(c -> c.startsWith("agc-core-us-east-1"));
    }

    @Test
    void anExistingBucketOfTheAccountIsUsedAsItIsAndAgcDataIsSkipped() throws IOException {
        // Given
        s3.createBucket(b -> b.bucket("my-results"));

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--bucket", "my-results",
                "--usePublicSubnets", "--yes");

        // Then
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.out()).contains("bucket my-results: exists in account 123456789012; yours, used as is");
        assertThat(SettingsDocument.read(dir.resolve("agc.yaml")).path("regions").path("us-east-1").path("createBucket")
                .asBoolean(true)).isFalse();
        assertThat(cli.terraformCalls()).noneMatch(c -> c.startsWith("agc-data-"));
    }

    @Test
    void namingTheBucketAgcDataAlreadyManagesKeepsManagingIt() throws IOException {
        // Given the default bucket, created by agc-data on an earlier activation: its state records it
        s3.createBucket(b -> b.bucket("agc-123456789012-us-east-1"));
        recordInAgcDataState("agc-123456789012-us-east-1");

        // When the user names it
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--bucket",
                "agc-123456789012-us-east-1", "--usePublicSubnets", "--yes");

        // Then it stays agc-data's bucket, never handed over as the user's
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.out()).contains("bucket agc-123456789012-us-east-1: exists, managed by agc-data-us-east-1");
        assertThat(SettingsDocument.read(dir.resolve("agc.yaml")).path("regions").path("us-east-1").path("createBucket")
                .asBoolean(false)).isTrue();
        assertThat(cli.terraformCalls()).anyMatch(c -> c.startsWith("agc-data-us-east-1|apply"));
    }

    @Test
    void aBucketOfTheAccountThatNoStateRecordsIsUsedAsItIsEvenWithTheDefaultName() throws IOException {
        // Given the default bucket exists, but no agc-infra state records it (AGC made it, or someone else did)
        s3.createBucket(b -> b.bucket("agc-123456789012-us-east-1"));

        // When the user names it
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--bucket",
                "agc-123456789012-us-east-1", "--usePublicSubnets", "--yes");

        // Then it is the user's: agc-data never takes it into its state
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(SettingsDocument.read(dir.resolve("agc.yaml")).path("regions").path("us-east-1").path("createBucket")
                .asBoolean(true)).isFalse();
        assertThat(cli.terraformCalls()).noneMatch(c -> c.startsWith("agc-data-"));
    }

    @Test
    void settingsThatWouldCreateABucketThatExistsButNoStateRecordsAreRefused() throws IOException {
        // Given the settings ask agc-data to create a bucket that already exists, unrecorded
        s3.createBucket(b -> b.bucket("agc-123456789012-us-east-1"));
        Files.writeString(dir.resolve("agc.yaml"), "# my settings\naccount: \"123456789012\"\n"
                + "regions: { us-east-1: { bucket: agc-123456789012-us-east-1, createBucket: true } }\n");

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--usePublicSubnets", "--yes");

        // Then
        assertNothingChanged(r);
        assertThat(r.err()).contains("refused: bucket agc-123456789012-us-east-1 already exists in account 123456789012 "
                + "but no agc-infra state records it", "set createBucket: false, or activate with --bucket "
                + "agc-123456789012-us-east-1");
    }

    @Test
    void aFirstActivationWithABucketSpeaksOfNoStackOrBucketThatNeverExisted() {
        // Given the user's own bucket, and no earlier activation
        s3.createBucket(b -> b.bucket("my-results"));

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--bucket", "my-results",
                "--usePublicSubnets", "--yes");

        // Then nothing is said about agc-data or the default bucket, which never existed
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.all()).doesNotContain("will no longer be deployed").doesNotContain("agc-123456789012-us-east-1");
    }

    @Test
    void switchingToAnotherBucketSaysThatAgcDatasBucketStays() throws IOException {
        // Given a region whose agc-data created and manages the default bucket
        Files.writeString(dir.resolve("agc.yaml"), "# my settings\naccount: \"123456789012\"\n"
                + "regions: { us-east-1: { usePublicSubnets: true } }\n");
        s3.createBucket(b -> b.bucket("agc-123456789012-us-east-1"));
        recordInAgcDataState("agc-123456789012-us-east-1");
        s3.createBucket(b -> b.bucket("my-results"));

        // When the user switches to their own bucket
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--bucket", "my-results",
                "--usePublicSubnets", "--yes");

        // Then
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.out()).contains("agc-data-us-east-1 and its bucket agc-123456789012-us-east-1 will no longer be "
                + "deployed by activate, and are not destroyed either");
    }

    @Test
    void aStackTheSettingsNoLongerProduceIsNeverAppliedEvenThoughAnEarlierSynthWroteIt() throws IOException {
        // Given an earlier synth of the region with all defaults, which wrote agc-data-us-east-1
        Files.writeString(dir.resolve("agc.yaml"), "# my settings\naccount: \"123456789012\"\nregions: { us-east-1: {} }\n");
        CliRun.backendOnly().synth(new dev.agcinfra.settings.Settings("123456789012", "agc-tfstate-{account}-{region}",
                java.util.Map.of(), List.of(dev.agcinfra.settings.RegionSettings.defaults("us-east-1", "123456789012")),
                dir.resolve("no-agc")), dev.agcinfra.app.SubnetResolver.none(), dir.resolve("cdktf.out"));
        assertThat(dir.resolve("cdktf.out/stacks/agc-data-us-east-1/cdk.tf.json")).exists();
        s3.createBucket(b -> b.bucket("my-own-results"));

        // When the user activates with their own bucket
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1",
                "--bucket", "my-own-results", "--usePublicSubnets", "--yes");

        // Then terraform ran in agc-core only, and agc-data's folder is gone with its stack
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.out()).contains("no agc-data-us-east-1 (the bucket is yours): skipped");
        assertThat(cli.terraformCalls()).noneMatch(c -> c.startsWith("agc-data-"))
                .anyMatch(c -> c.startsWith("agc-core-us-east-1|apply"));
        assertThat(dir.resolve("cdktf.out/stacks/agc-data-us-east-1")).doesNotExist();
    }

    @Test
    void anOutputFolderThatCannotBeUsedIsRefusedBeforeAnythingChanges() throws IOException {
        // Given
        Files.writeString(dir.resolve("cdktf.out"), "not a folder");

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--usePublicSubnets", "--yes");

        // Then
        assertNothingChanged(r);
        assertThat(r.err().lines()).singleElement().asString().contains("cdktf.out: is a file, not a folder");
    }

    /** Writes agc-data's state, as Terraform leaves it after creating {@code bucket}, into the state bucket. */
    private void recordInAgcDataState(String bucket) {
        try {
            s3.createBucket(b -> b.bucket(STATE_BUCKET));
        } catch (software.amazon.awssdk.services.s3.model.S3Exception alreadyThere) {
            // created by an earlier call
        }
        String state = """
                {"version": 4, "terraform_version": "1.11.4", "serial": 3, "lineage": "made-up", "outputs": {},
                 "resources": [{"mode": "managed", "type": "aws_s3_bucket", "name": "results_bucket",
                   "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",
                   "instances": [{"schema_version": 0, "attributes": {"bucket": "%s", "id": "%s"}}]}]}
                """.formatted(bucket, bucket);
        s3.putObject(p -> p.bucket(STATE_BUCKET).key("agc/agc-data-us-east-1.tfstate"),
                software.amazon.awssdk.core.sync.RequestBody.fromString(state));
    }

    @Test
    void withoutASettingsFileActivationWritesOne() throws IOException {
        // Given
        Files.delete(dir.resolve("agc.yaml"));

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--usePublicSubnets", "--yes");

        // Then
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(SettingsDocument.read(dir.resolve("agc.yaml")))
                .isEqualTo(SettingsDocument.parse("regions: { us-east-1: { usePublicSubnets: true } }", "t"));
    }

    @Test
    void aBrokenSettingsFileIsReportedAtItsOwnLineBeforeAnyChange() throws IOException {
        // Given
        Files.writeString(dir.resolve("agc.yaml"), "# my settings\naccount: \"123456789012\"\nregions: { us-east-1: { vcp: x } }\n");

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1");

        // Then
        assertNothingChanged(r);
        assertThat(r.err()).contains("agc-infra: agc.yaml:3:").contains("regions.us-east-1.vcp: unknown key; did you mean vpc?");
    }

    @Test
    void switchingPublicSubnetModeInAnActiveRegionIsRefusedWithAdvice() throws IOException {
        // Given an active region in public-subnet mode
        Files.writeString(dir.resolve("agc.yaml"), "# my settings\naccount: \"123456789012\"\n"
                + "regions: { us-east-1: { usePublicSubnets: true } }\n");
        try (SsmClient ssm = AwsTestClients.build(SsmClient.builder(), MotoServer.get().endpoint(), "us-east-1")) {
            ssm.putParameter(p -> p.name("/agc/_common/vpc").value("vpc-0123456789abcdef0").type("String"));
        }

        // When it is activated without --usePublicSubnets
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1");

        // Then
        assertNothingChanged(r);
        assertThat(r.err()).contains("needs deactivation first: run agc-infra account deactivate --region us-east-1");
    }

    @Test
    void flagsBreakingTheSettingsRulesAreRefusedBeforeAnyAwsCall() throws IOException {
        // When
        CliRun.Result noVpc = cli.run("account", "activate", "--region", "us-east-1", "--subnets", "subnet-12345678");
        CliRun.Result both = cli.run("account", "activate", "--region", "us-east-1", "--usePublicSubnets",
                "--vpc", "vpc-12345678");
        CliRun.Result badId = cli.run("account", "activate", "--region", "us-east-1", "--vpc", "vpc-XYZ");

        // Then each states the rule of the settings file in the flags' words
        assertNothingChanged(noVpc);
        assertThat(noVpc.err().lines()).singleElement().asString().isEqualTo("agc-infra: --subnets: given without --vpc; "
                + "subnets must belong to your own VPC: add --vpc vpc-... or remove --subnets");
        assertThat(both.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(both.err().lines()).singleElement().asString().isEqualTo("agc-infra: --usePublicSubnets: true "
                + "conflicts with --vpc: agc-infra never changes your VPC; remove --usePublicSubnets, or remove --vpc to "
                + "let agc-infra create a VPC with public subnets only");
        assertThat(badId.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(badId.err()).contains("--vpc: \"vpc-XYZ\" is not a VPC id");
    }

    @Test
    void aFlagConflictIsReportedEvenBeforeTheRegionIsKnown() throws IOException {
        // When: no --region, and no AWS_REGION in the environment
        CliRun.Result both = cli.run("account", "activate", "--usePublicSubnets", "--vpc", "vpc-12345678");

        // Then the flags' rule, not the missing region, is what the user hears first
        assertNothingChanged(both);
        assertThat(both.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(both.err()).contains("--usePublicSubnets: true conflicts with --vpc").doesNotContain("no region");
    }

    @Test
    void terraformOlderThanOneTenIsRefusedInOneLineBeforeAnythingElse() throws IOException {
        // Given
        cli.env("FAKE_TF_VERSION", "1.9.8");

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--subnets", "subnet-12345678");

        // Then the version is the only complaint, though the flags are wrong too
        assertNothingChanged(r);
        assertThat(r.err().lines().toList()).singleElement().asString()
                .startsWith("agc-infra: terraform 1.9.8").contains("older than 1.10", "AGC_TERRAFORM");
    }

    @Test
    void aMissingTerraformIsOneLineAndExitTwo() {
        // Given
        cli.env("AGC_TERRAFORM", dir.resolve("no-such-terraform").toString());

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1");

        // Then
        assertThat(r.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().lines().toList()).singleElement().asString()
                .contains("terraform not found", "AGC_TERRAFORM");
    }

    @Test
    void helpListsTheFlagsAndTheNamedExitCodes() {
        // When
        CliRun.Result r = cli.run("account", "activate", "--help");

        // Then
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("--vpc", "--subnets", "--usePublicSubnets", "--ami", "--bucket", "--tags",
                "--plan-only", "--yes", "--endpoint-url", "--region", "--profile", "Exit codes:",
                "invalid input", "comments are not kept");
        assertThat(List.of(ExitCode.OK, ExitCode.INVALID_INPUT, ExitCode.AWS_FAILURE, ExitCode.INTERNAL_ERROR))
                .allMatch(code -> r.out().contains("  " + code + "   "));
    }
}
