package dev.agcinfra.modules.endpoints;

import static dev.agcinfra.modules.testing.ConstructTest.assertHasResource;
import static dev.agcinfra.modules.testing.ConstructTest.resources;
import static dev.agcinfra.modules.testing.ConstructTest.stack;
import static dev.agcinfra.modules.testing.ConstructTest.synth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.vpc_endpoint.VpcEndpoint;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRule;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import dev.agcinfra.modules.network.INetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link VpcEndpoints} on its own, in a network given by literal ids: defaults, other services, and refusals. */
class VpcEndpointsTest {

    /** A network as {@link VpcEndpoints} sees it. */
    record Network(List<String> privateSubnets, List<String> privateRouteTableIds) implements INetwork {
        @Override
        public String vpcId() {
            return "vpc-0123456789abcdef0";
        }

        @Override
        public String vpcCidrBlock() {
            return "10.20.0.0/16";
        }

        @Override
        public List<String> publicSubnets() {
            return List.of();
        }

        @Override
        public List<String> natPublicIps() {
            return List.of();
        }
    }

    private static final Network TWO_AZS = new Network(List.of("subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"),
            List.of("rtb-0aaaaaaaaaaaaaaaa", "rtb-0bbbbbbbbbbbbbbbb"));

    @Test
    void byDefaultTheGatewayEndpointsAreOnThePrivateRouteTablesAndTheInterfaceEndpointsInThePrivateSubnets() {
        // Given
        TerraformStack stack = stack();

        // When
        VpcEndpoints endpoints = new VpcEndpoints(stack, "Endpoints", new VpcEndpointsProps(TWO_AZS, "eu-west-1", null, null));
        String synthesized = synth(stack);

        // Then every default service, keyed by service
        List<String> services = new ArrayList<>(VpcEndpoints.DEFAULT_GATEWAY_SERVICES);
        services.addAll(VpcEndpoints.DEFAULT_INTERFACE_SERVICES);
        assertThat(endpoints.endpoints()).containsOnlyKeys(services);
        assertThat(resources(synthesized, VpcEndpoint.TF_RESOURCE_TYPE)).hasSize(services.size());
        for (String service : VpcEndpoints.DEFAULT_GATEWAY_SERVICES) {
            assertHasResource(synthesized, VpcEndpoint.TF_RESOURCE_TYPE, Map.of(
                    "service_name", "com.amazonaws.eu-west-1." + service, "vpc_endpoint_type", "Gateway",
                    "vpc_id", "vpc-0123456789abcdef0", "route_table_ids", TWO_AZS.privateRouteTableIds()));
        }
        for (String service : VpcEndpoints.DEFAULT_INTERFACE_SERVICES) {
            assertHasResource(synthesized, VpcEndpoint.TF_RESOURCE_TYPE, Map.of(
                    "service_name", "com.amazonaws.eu-west-1." + service, "vpc_endpoint_type", "Interface",
                    "subnet_ids", TWO_AZS.privateSubnets(), "private_dns_enabled", true));
        }
        // and the Terraform names are the service keys
        assertThat(resources(synthesized, VpcEndpoint.TF_RESOURCE_TYPE)).containsKeys("endpoints_s3", "endpoints_ecr_api",
                "endpoints_ecs_agent");
    }

    @Test
    void theInterfaceEndpointsAdmitOnlyHttpsFromTheVpcAndHaveNoEgressRule() {
        // Given
        TerraformStack stack = stack();

        // When
        new VpcEndpoints(stack, "Endpoints", new VpcEndpointsProps(TWO_AZS, "eu-west-1", null, null));
        String synthesized = synth(stack);

        // Then
        assertHasResource(synthesized, SecurityGroup.TF_RESOURCE_TYPE, Map.of("vpc_id", "vpc-0123456789abcdef0",
                "name_prefix", "agc-endpoints-"));
        assertThat(resources(synthesized, VpcSecurityGroupIngressRule.TF_RESOURCE_TYPE)).hasSize(1);
        assertHasResource(synthesized, VpcSecurityGroupIngressRule.TF_RESOURCE_TYPE, Map.of("ip_protocol", "tcp",
                "from_port", 443, "to_port", 443, "cidr_ipv4", "10.20.0.0/16"));
        assertThat(resources(synthesized, VpcSecurityGroupEgressRule.TF_RESOURCE_TYPE)).isEmpty();
        assertThat(resources(synthesized, SecurityGroup.TF_RESOURCE_TYPE).values()).allSatisfy(
                group -> assertThat(group.has("egress")).as("no inline egress rule").isFalse());
    }

    @Test
    void theServicesGivenReplaceTheDefaultsAndMoreCanBeAdded() {
        // Given
        TerraformStack stack = stack();

        // When
        VpcEndpoints endpoints = new VpcEndpoints(stack, "Endpoints",
                new VpcEndpointsProps(TWO_AZS, "us-east-1", List.of("s3"), List.of()));
        endpoints.addInterfaceEndpoint(VpcEndpoints.EXECUTE_API);
        String synthesized = synth(stack);

        // Then
        assertThat(endpoints.endpoints()).containsOnlyKeys("s3", VpcEndpoints.EXECUTE_API);
        assertHasResource(synthesized, VpcEndpoint.TF_RESOURCE_TYPE, Map.of(
                "service_name", "com.amazonaws.us-east-1.execute-api", "private_dns_enabled", true));
        assertThat(resources(synthesized, VpcEndpoint.TF_RESOURCE_TYPE)).hasSize(2);
    }

    @Test
    void aNetworkWithoutPrivateSubnetsIsRefused() {
        TerraformStack stack = stack();
        Network publicOnly = new Network(List.of(), List.of());

        assertThatThrownBy(() -> new VpcEndpoints(stack, "Endpoints", new VpcEndpointsProps(publicOnly, "us-east-1", null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VpcEndpoints needs private subnets; the network has none (public-subnets-only mode has no "
                        + "endpoints)");
    }

    @Test
    void aServiceAddedTwiceIsRefused() {
        TerraformStack stack = stack();
        VpcEndpoints endpoints = new VpcEndpoints(stack, "Endpoints", new VpcEndpointsProps(TWO_AZS, "us-east-1", null, null));

        assertThatThrownBy(() -> endpoints.addGatewayEndpoint("s3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VpcEndpoints: a 's3' endpoint exists already");
    }

    @Test
    void theNetworkAndTheRegionAreRequired() {
        assertThatThrownBy(() -> new VpcEndpointsProps(null, "us-east-1", null, null))
                .hasMessage("VpcEndpointsProps.network must be non-null");
        assertThatThrownBy(() -> new VpcEndpointsProps(TWO_AZS, null, null, null))
                .hasMessage("VpcEndpointsProps.region must be non-null");
    }
}
