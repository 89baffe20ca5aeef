package dev.agcinfra.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.MotoServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** {@code agc-infra account status}: read from the SSM parameters on moto. */
class AccountStatusTest {

    @TempDir
    Path dir;

    MotoAccount moto;
    SsmClient ssm;

    @BeforeEach
    void start() {
        MotoServer.get().reset();
        moto = new MotoAccount();
        ssm = AwsTestClients.build(SsmClient.builder(), MotoServer.get().endpoint(), "us-east-1");
    }

    @AfterEach
    void stop() {
        moto.close();
        ssm.close();
    }

    private void put(String name, String value, ParameterType type) {
        ssm.putParameter(p -> p.name("/agc/_common/" + name).value(value).type(type));
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
                "vpc mode: existing",
                "vpc:      " + network.vpc(),
                "bucket:   agc-123456789012-us-east-1",
                "ami:      ami-12345678",
                "subnets:  " + String.join(", ", network.privateSubnets()));
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
