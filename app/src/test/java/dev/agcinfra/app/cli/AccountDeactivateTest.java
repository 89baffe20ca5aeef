package dev.agcinfra.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.settings.SettingsDocument;
import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.cloudformation.model.Tag;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import dev.agcinfra.testing.TerraformStateFile;

/** {@code agc-infra account deactivate} against moto with a recording fake terraform. */
class AccountDeactivateTest {

    private static final String TEMPLATE = """
            {"Resources": {"Handle": {"Type": "AWS::CloudFormation::WaitConditionHandle"}}}""";

    @TempDir
    Path dir;

    CloudFormationClient cfn;
    SsmClient ssm;
    CliRun cli;

    @BeforeEach
    void start() throws IOException {
        MotoServer.get().reset();
        cfn = AwsTestClients.build(CloudFormationClient.builder(), MotoServer.get().endpoint(), "us-east-1");
        ssm = AwsTestClients.build(SsmClient.builder(), MotoServer.get().endpoint(), "us-east-1");
        cli = new CliRun(dir);
        Files.writeString(dir.resolve("agc.yaml"), """
                account: "123456789012"
                regions:
                  us-east-1: { vpc: vpc-0123456789abcdef0, subnets: [subnet-0123456789abcdef0], tags: { team: genomics } }
                """);
    }

    @AfterEach
    void stop() {
        cfn.close();
        ssm.close();
    }

    private void contextStack(String name, String application) {
        cfn.createStack(r -> r.stackName(name).templateBody(TEMPLATE)
                .tags(Tag.builder().key("application-name").value(application).build()));
    }

    @Test
    void deployedContextStacksAreNamedAndDeactivationIsRefused() throws IOException {
        // Given an AGC context stack, and a stack of another application with a similar name
        contextStack("Agc-Context-Demo-alice-ctx1", "agc");
        contextStack("Agc-Context-Other", "other");

        // When
        CliRun.Result r = cli.run("account", "deactivate", "--region", "us-east-1");

        // Then
        assertThat(r.status()).as(r.all()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("(context stacks Agc-Context-Demo-alice-ctx1)", "--force")
                .doesNotContain("Agc-Context-Other");
        assertThat(cli.terraformCalls()).allMatch(c -> c.contains("|version -json|"));
        assertThat(Files.readString(dir.resolve("agc.yaml"))).contains("vpc-0123456789abcdef0");
    }

    @Test
    void resourcesTaggedAsAContextAreNamedAndDeactivationIsRefused() {
        // Given a parameter a context left, tagged agc-context
        ssm.putParameter(p -> p.name("/agc/ctx/x").value("1").type("String")
                .tags(software.amazon.awssdk.services.ssm.model.Tag.builder().key("agc-context").value("ctx1").build()));

        // When
        CliRun.Result r = cli.run("account", "deactivate", "--region", "us-east-1");

        // Then
        assertThat(r.status()).as(r.all()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("resources tagged agc-context: arn:aws:ssm:us-east-1:123456789012:parameter/agc/ctx/x");
    }

    @Test
    void theContextsThatImportTheExportAreGoneBeforeTerraformDestroysTheCoreThatHoldsIt() {
        // Given agc-infra's export stack, and a context stack importing its export
        cfn.createStack(r -> r.stackName("agc-infra-exports").templateBody("""
                {"Resources": {"Placeholder": {"Type": "AWS::CloudFormation::WaitConditionHandle"}},
                 "Outputs": {"WesAdapterZipBucket": {"Value": "agc-123456789012-us-east-1", "Export": {"Name": "WesAdapterZipBucket"}}}}
                """).tags(Tag.builder().key("application-name").value("agc").build()));
        cfn.createStack(r -> r.stackName("Agc-Context-Demo-alice-ctx1").templateBody("""
                {"Resources": {"Handle": {"Type": "AWS::CloudFormation::WaitConditionHandle"}},
                 "Outputs": {"Zip": {"Value": {"Fn::ImportValue": "WesAdapterZipBucket"}}}}
                """).tags(Tag.builder().key("application-name").value("agc").build()));

        // When
        CliRun.Result r = cli.run("account", "deactivate", "--region", "us-east-1", "--force", "--yes");

        // Then the context went first, then terraform destroyed agc-core (which holds the export stack)
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.out().indexOf("deleted context stack Agc-Context-Demo-alice-ctx1")).isNotNegative()
                .isLessThan(r.out().indexOf("fake terraform destroy in agc-core-us-east-1"));
        // and agc-infra left its own export stack to Terraform, never deleting it as a context
        assertThat(r.out()).doesNotContain("deleting context stack agc-infra-exports");
        assertThat(cfn.describeStacks(d -> d.stackName("agc-infra-exports")).stacks().get(0).stackStatus())
                .isEqualTo(StackStatus.CREATE_COMPLETE);
        assertThat(r.out()).contains("removed with agc-core-us-east-1: the copies of AGC's artifacts and WES adapter");
    }

    @Test
    void forceDeletesTheContextStacksWaitsThenDestroysOnlyTheCoreStackAndForgetsTheVpc() throws IOException {
        // Given two context stacks, and two stacks that are not AGC's contexts
        contextStack("Agc-Context-Demo-alice-ctx1", "agc");
        contextStack("Agc-Context-Demo-bob-ctx2", "agc");
        contextStack("Agc-Context-Other", "other");
        contextStack("Agc-Core-Shared", "agc");

        // When
        CliRun.Result r = cli.run("account", "deactivate", "--region", "us-east-1", "--force", "--yes");

        // Then the stacks are gone
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.out()).contains("deleted context stack Agc-Context-Demo-alice-ctx1",
                "deleted context stack Agc-Context-Demo-bob-ctx2");
        // and only those: another application's stack and a non-context stack stay
        assertThat(cfn.describeStacks().stacks().stream().filter(s -> s.stackStatus() != StackStatus.DELETE_COMPLETE)
                .map(s -> s.stackName())).containsExactlyInAnyOrder("Agc-Context-Other", "Agc-Core-Shared");
        assertThat(r.out()).doesNotContain("Agc-Context-Other", "Agc-Core-Shared");
        // and only agc-core was destroyed
        assertThat(cli.terraformCalls().subList(1, cli.terraformCalls().size())).extracting(c -> c.split("\\|")[0]
                + " " + c.split("\\|")[1]).containsExactly(
                "agc-core-us-east-1 init -input=false -reconfigure -backend-config=agc-backend.tfbackend",
                "agc-core-us-east-1 destroy -input=false -auto-approve");
        // and the VPC (with its subnets) is forgotten, the tags kept
        assertThat(SettingsDocument.read(dir.resolve("agc.yaml")).path("regions").path("us-east-1"))
                .isEqualTo(SettingsDocument.parse("x: { tags: { team: genomics } }", "t").get("x"));
        assertThat(r.out()).contains("forgot the VPC vpc-0123456789abcdef0", "deactivated us-east-1",
                "kept in us-east-1: agc-data-us-east-1");
        // and the audit's retained report ends the output, with the state bucket and the total per month
        // (its wording is the audit's own: only its frame is checked here)
        assertThat(r.out()).contains("what deactivation kept in us-east-1 (agc-audit retained):", "Regions: us-east-1 (",
                "Total: $");
    }

    @Test
    void forceInARegionNotInTheSettingsFileIsRefusedBeforeAnyContextStackIsDeleted() throws IOException {
        // Given a context stack in us-east-1, and a settings file that names only us-west-2
        contextStack("Agc-Context-Demo-alice-ctx1", "agc");
        Files.writeString(dir.resolve("agc.yaml"), """
                account: "123456789012"
                regions:
                  us-west-2: { usePublicSubnets: true }
                """);

        // When
        CliRun.Result r = cli.run("account", "deactivate", "--region", "us-east-1", "--force", "--yes");

        // Then
        assertThat(r.status()).as(r.all()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("us-east-1 is not in the settings file");
        assertThat(r.out()).doesNotContain("deleting context stack");
        assertThat(cfn.describeStacks(d -> d.stackName("Agc-Context-Demo-alice-ctx1")).stacks())
                .extracting(s -> s.stackStatus()).containsExactly(StackStatus.CREATE_COMPLETE);
        assertThat(cli.terraformCalls()).allMatch(c -> c.contains("|version -json|"));
    }

    @Test
    void aRegionNoLongerInTheSettingsIsNotDestroyedEvenIfAnEarlierSynthLeftItsCoreStacksFolder() throws IOException {
        // Given an earlier synth of us-east-1, whose core folder is still in cdktf.out, and settings that name only us-west-2
        CliRun.backendOnly().synth(new dev.agcinfra.settings.Settings("123456789012", "agc-tfstate-{account}-{region}",
                java.util.Map.of(), java.util.List.of(dev.agcinfra.settings.RegionSettings.defaults("us-east-1",
                        "123456789012")), dir.resolve("no-agc")), dev.agcinfra.app.SubnetResolver.none(),
                dir.resolve("cdktf.out"));
        assertThat(dir.resolve("cdktf.out/stacks/agc-core-us-east-1/cdk.tf.json")).exists();
        Files.writeString(dir.resolve("agc.yaml"), """
                account: "123456789012"
                regions:
                  us-west-2: { usePublicSubnets: true }
                """);

        // When
        CliRun.Result r = cli.run("account", "deactivate", "--region", "us-east-1", "--yes");

        // Then terraform never ran in the leftover folder
        assertThat(r.status()).as(r.all()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("us-east-1 is not in the settings file, so there is no agc-core-us-east-1 to destroy");
        assertThat(cli.terraformCalls()).allMatch(c -> c.contains("|version -json|"));
    }

    @Test
    void aFailedDestroyKeepsTheRememberedVpcAndIsTheExitStatus() throws IOException {
        // Given
        cli.env("FAKE_TF_FAIL_CMD", "destroy").env("FAKE_TF_FAIL_DIR", "agc-core-us-east-1");

        // When
        CliRun.Result r = cli.run("account", "deactivate", "--region", "us-east-1", "--yes");

        // Then
        assertThat(r.status()).isEqualTo(7);
        assertThat(Files.readString(dir.resolve("agc.yaml"))).contains("vpc-0123456789abcdef0");
    }

    @Test
    void theRetainedReportCallsTheUsersTaggedVpcTheUsersWithTheReasonAndNoCommand() throws IOException {
        // Given: the user's VPC carries application-name=agc (tags copied), and agc-infra's state read it as a data source
        String vpc;
        try (Ec2Client ec2 = AwsTestClients.build(Ec2Client.builder(), MotoServer.get().endpoint(), "us-east-1");
             S3Client s3 = AwsTestClients.build(S3Client.builder(), MotoServer.get().endpoint(), "us-east-1")) {
            vpc = ec2.createVpc(r -> r.cidrBlock("10.4.0.0/16").tagSpecifications(t -> t.resourceType("vpc").tags(
                    software.amazon.awssdk.services.ec2.model.Tag.builder().key("application-name").value("agc")
                            .build()))).vpc().vpcId();
            String stateBucket = "agc-tfstate-123456789012-us-east-1";
            s3.createBucket(r -> r.bucket(stateBucket));
            s3.putBucketVersioning(r -> r.bucket(stateBucket).versioningConfiguration(v -> v.status("Enabled")));
            s3.putObject(r -> r.bucket(stateBucket).key("agc/agc-core-us-east-1.tfstate"), RequestBody.fromString(
                    new TerraformStateFile().data("aws_vpc", "vpc", vpc).json()));
        }
        Files.writeString(dir.resolve("agc.yaml"), "account: \"123456789012\"\nregions:\n  us-east-1: { vpc: " + vpc
                + " }\n");

        // When
        CliRun.Result r = cli.run("account", "deactivate", "--region", "us-east-1", "--yes");

        // Then: the report, read with the command's own credentials (no JVM-wide ones are set), names it the user's
        assertThat(r.status()).as(r.all()).isZero();
        String report = r.out().substring(r.out().indexOf("(agc-audit retained):"));
        assertThat(report).containsPattern("us-east-1 orphan vpc +" + vpc + " +user")
                .contains("the user's: named in the settings file as regions.us-east-1.vpc")
                .doesNotContain("delete-vpc --region us-east-1 --vpc-id " + vpc);
    }
}
