package dev.agcinfra.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.MotoServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * {@code agc-infra account status}: read from the SSM parameters, AGC's core stack, the export and the bucket on moto.
 */
class AccountStatusTest {

    @TempDir
    Path dir;

    MotoAccount moto;
    SsmClient ssm;
    S3Client s3;

    @BeforeEach
    void start() {
        MotoServer.get().reset();
        moto = new MotoAccount();
        ssm = AwsTestClients.build(SsmClient.builder(), MotoServer.get().endpoint(), "us-east-1");
        s3 = AwsTestClients.build(S3Client.builder(), MotoServer.get().endpoint(), "us-east-1");
    }

    @AfterEach
    void stop() {
        moto.close();
        ssm.close();
        s3.close();
    }

    private void put(String name, String value, ParameterType type) {
        ssm.putParameter(p -> p.name("/agc/_common/" + name).value(value).type(type));
    }

    @Test
    void awsDefaultRegionAloneSelectsTheRegionAsForTheAwsCliAndAgcAudit() {
        // When: no --region, no AWS_REGION, no profile: only AWS_DEFAULT_REGION
        CliRun.Result r = new CliRun(dir).env("AWS_DEFAULT_REGION", "eu-west-2").run("account", "status");

        // Then
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.out()).contains("region:   eu-west-2");
    }

    @Test
    void aRegionWithoutTheVpcParameterIsNotActive() {
        // When
        CliRun.Result r = new CliRun(dir).run("account", "status", "--region", "us-east-1");

        // Then
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.out()).contains("region:   us-east-1").contains("status:   not active");
    }

    @Test
    void anActiveRegionShowsItsVpcModeVpcBucketAmiAndSubnets() {
        // Given the parameters of a region activated in the user's own VPC
        MotoAccount.Network network = moto.goodVpc();
        put("vpc", network.vpc(), ParameterType.STRING);
        put("bucket", "agc-123456789012-us-east-1", ParameterType.STRING);
        put("ComputeEnvImage", "ami-12345678", ParameterType.STRING);
        put("InfraSubnets", String.join(",", network.privateSubnets()), ParameterType.STRING_LIST);

        // When
        CliRun.Result r = new CliRun(dir).run("account", "status", "--region", "us-east-1");

        // Then
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.out().lines()).containsExactly(
                "region:   us-east-1",
                "status:   active",
                "core:     agc-infra's (agc-core-us-east-1; no CloudFormation stack Agc-Core)",
                "vpc mode: existing",
                "vpc:      " + network.vpc(),
                "bucket:   agc-123456789012-us-east-1",
                "ami:      ami-12345678",
                "subnets:  " + String.join(", ", network.privateSubnets()),
                "contexts: cannot run: no /agc/_common/WesAdapterZipKeyParameter; no CloudFormation export "
                        + "WesAdapterZipBucket; no /agc/_common/installed-artifacts/s3-root-url; activate again with an "
                        + "AGC installation (~/.agc, or agcHome: in the settings file); no CDK bootstrap for AGC's apps "
                        + "(stack Agc-CDKToolkit, parameter /cdk-bootstrap/agc/version), which agc context deploy needs and "
                        + "agc-infra does not create; create it with cdk bootstrap --toolkit-stack-name Agc-CDKToolkit "
                        + "--qualifier agc (docs/agc-contexts.md)");
    }

    @Test
    void aCoreDeployedWithoutAnAgcInstallationSaysContextsCannotRunAndWhy() {
        // Given agc-infra's parameters, export and bucket, but no WES adapter or artifacts were uploaded
        cdkBootstrap();
        MotoAccount.Network network = moto.goodVpc();
        put("vpc", network.vpc(), ParameterType.STRING);
        put("bucket", "agc-123456789012-us-east-1", ParameterType.STRING);
        put("installed-artifacts/s3-root-url", "s3://agc-123456789012-us-east-1/artifacts/batch-artifacts", ParameterType.STRING);
        s3.createBucket(b -> b.bucket("agc-123456789012-us-east-1"));
        exportWesAdapterBucket("agc-123456789012-us-east-1");

        // When
        CliRun.Result r = new CliRun(dir).run("account", "status", "--region", "us-east-1");

        // Then
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("contexts:"))).singleElement().isEqualTo(
                "contexts: cannot run: no /agc/_common/WesAdapterZipKeyParameter; no batch artifacts at "
                        + "s3://agc-123456789012-us-east-1/artifacts/batch-artifacts/ecs-additions/provision.sh; activate "
                        + "again with an AGC installation (~/.agc, or agcHome: in the settings file)");
    }

    @Test
    void aCoreWithEveryItemOfTheContractSaysContextsCanRun() {
        // Given what agc-infra's core provides: the parameters, the export, the zip and the artifacts; and AGC's bootstrap
        cdkBootstrap();
        MotoAccount.Network network = moto.goodVpc();
        String bucket = "agc-123456789012-us-east-1";
        put("vpc", network.vpc(), ParameterType.STRING);
        put("bucket", bucket, ParameterType.STRING);
        put("installed-artifacts/s3-root-url", "s3://" + bucket + "/artifacts/batch-artifacts", ParameterType.STRING);
        put("WesAdapterZipKeyParameter", "artifacts/wes/wes_adapter-abc.zip", ParameterType.STRING);
        s3.createBucket(b -> b.bucket(bucket));
        for (String key : List.of("artifacts/wes/wes_adapter-abc.zip", "artifacts/batch-artifacts/ecs-additions/provision.sh")) {
            s3.putObject(p -> p.bucket(bucket).key(key), RequestBody.fromString("made up"));
        }
        exportWesAdapterBucket(bucket);

        // When
        CliRun.Result r = new CliRun(dir).run("account", "status", "--region", "us-east-1");

        // Then
        assertThat(r.out()).contains("contexts: can run (parameters, export, WES adapter, artifacts and CDK bootstrap found)")
                .contains("core:     agc-infra's");
    }

    @Test
    void agcsOwnCoreIsToldFromAgcInfras() {
        // Given AGC's own core
        try (MotoAgc agc = new MotoAgc()) {
            agc.activate(moto.goodVpc().vpc());
        }

        // When
        CliRun.Result r = new CliRun(dir).run("account", "status", "--region", "us-east-1");

        // Then
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.out()).contains("status:   active", "core:     AGC's own, not agc-infra's: CloudFormation stack "
                + "Agc-Core (CREATE_COMPLETE, agc-version 1.6.0); to move this region to agc-infra, see docs/agc-contexts.md")
                .doesNotContain("agc-infra's (");
    }

    /** The version parameter of AGC's CDK bootstrap, as cdk bootstrap --qualifier agc leaves it. */
    private void cdkBootstrap() {
        ssm.putParameter(p -> p.name("/cdk-bootstrap/agc/version").value("19").type(ParameterType.STRING));
    }

    @Test
    void withoutAgcsCdkBootstrapContextsCannotBeDeployedEvenOnACompleteCore() {
        // Given a core with the parameters only, and no bootstrap
        put("vpc", moto.goodVpc().vpc(), ParameterType.STRING);

        // When
        CliRun.Result r = new CliRun(dir).run("account", "status", "--region", "us-east-1");

        // Then
        assertThat(r.out()).contains("no CDK bootstrap for AGC's apps (stack Agc-CDKToolkit, parameter "
                + "/cdk-bootstrap/agc/version)");
    }

    /** The export as agc-infra's small CloudFormation stack makes it. */
    private void exportWesAdapterBucket(String bucket) {
        try (CloudFormationClient cfn = AwsTestClients.build(CloudFormationClient.builder(), MotoServer.get().endpoint(),
                "us-east-1")) {
            cfn.createStack(c -> c.stackName("agc-infra-exports").templateBody("""
                    {"Resources": {"Placeholder": {"Type": "AWS::CloudFormation::WaitConditionHandle"}},
                     "Outputs": {"WesAdapterZipBucket": {"Value": "%s", "Export": {"Name": "WesAdapterZipBucket"}}}}
                    """.formatted(bucket)));
        }
    }

    @Test
    void aVpcTaggedByAgcWithPublicInfraSubnetsIsThePublicSubnetMode() {
        // Given a VPC agc-infra made in public-subnet mode
        MotoAccount.Network network = moto.goodVpc();
        moto.tag(network.vpc(), "application-name", "agc");
        for (String s : network.publicSubnets()) {
            moto.ec2.modifySubnetAttribute(m -> m.subnetId(s).mapPublicIpOnLaunch(v -> v.value(true)));
        }
        put("vpc", network.vpc(), ParameterType.STRING);
        put("InfraSubnets", String.join(",", network.publicSubnets()), ParameterType.STRING_LIST);

        // When
        CliRun.Result r = new CliRun(dir).run("account", "status", "--region", "us-east-1");

        // Then
        assertThat(r.out()).contains("vpc mode: new-public");
    }
}
