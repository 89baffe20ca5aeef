package dev.agcinfra.audit.costs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.batch.RegionScope;
import dev.agcinfra.audit.costs.LiveItem.LiveElasticIp;
import dev.agcinfra.audit.costs.LiveItem.LiveInterfaceEndpoint;
import dev.agcinfra.audit.costs.LiveItem.LiveNatGateway;
import dev.agcinfra.audit.costs.LiveItem.NatTraffic;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.AvailabilityMode;
import software.amazon.awssdk.services.ec2.model.ConnectivityType;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.State;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/** The costs job's processors are pure: plain SDK model objects in, {@link LiveItem}s out. */
class CostProcessorsTest {

    static final RegionScope US_EAST_1 = new RegionScope("us-east-1", "123456789012", "aws");
    static final Tag AGC = Tag.builder().key("application-name").value("agc").build();
    static final Tag NAME = Tag.builder().key("Name").value("agc-core-us-east-1/nat-1").build();

    @Nested
    @DisplayName("a NAT gateway")
    class NatGateways {

        final NatGatewayCostProcessor processor = new NatGatewayCostProcessor(US_EAST_1, TagFilter.DEFAULT);

        NatGateway.Builder nat(NatGatewayState state) {
            return NatGateway.builder().natGatewayId("nat-1").state(state).tags(AGC, NAME)
                    .natGatewayAddresses(a -> a.allocationId("eipalloc-1").publicIp("203.0.113.10"));
        }

        @Test
        @DisplayName("that is available and tagged bills, with one public IPv4 address per public IP")
        void available() {
            LiveNatGateway item = (LiveNatGateway) processor.process(nat(NatGatewayState.AVAILABLE).build());

            assertThat(item.id()).isEqualTo("nat-1");
            assertThat(item.name()).isEqualTo("agc-core-us-east-1/nat-1");
            assertThat(item.publicIps()).isEqualTo(1);
            assertThat(item.allocationIds()).containsExactly("eipalloc-1");
            assertThat(item.region()).isEqualTo("us-east-1");
        }

        @ParameterizedTest(name = "in state {0} is left out")
        @EnumSource(value = NatGatewayState.class, names = {"PENDING", "FAILED", "DELETING", "DELETED"})
        void notAvailable(NatGatewayState state) {
            assertThat(processor.process(nat(state).build())).isNull();
        }

        @Test
        @DisplayName("without the tag is left out, even if the API filter let it through")
        void untagged() {
            assertThat(processor.process(nat(NatGatewayState.AVAILABLE).tags(NAME).build())).isNull();
        }

        @Test
        @DisplayName("in regional availability mode is marked regional, its AWS-assigned addresses counted")
        void regional() {
            LiveNatGateway item = (LiveNatGateway) processor.process(nat(NatGatewayState.AVAILABLE)
                    .availabilityMode(AvailabilityMode.REGIONAL)
                    .natGatewayAddresses(a -> a.allocationId("eipalloc-a").publicIp("203.0.113.10"),
                            a -> a.allocationId("eipalloc-b").publicIp("203.0.113.11"))
                    .build());

            assertThat(item.regional()).isTrue();
            assertThat(item.publicIps()).isEqualTo(2);
            assertThat(((LiveNatGateway) processor.process(nat(NatGatewayState.AVAILABLE).build())).regional())
                    .as("a gateway without availabilityMode is zonal").isFalse();
        }

        @Test
        @DisplayName("with private connectivity has no public IPv4 address")
        void privateGateway() {
            LiveNatGateway item = (LiveNatGateway) processor.process(nat(NatGatewayState.AVAILABLE)
                    .connectivityType(ConnectivityType.PRIVATE)
                    .natGatewayAddresses(a -> a.privateIp("10.0.0.5")).build());

            assertThat(item.publicIps()).isZero();
        }
    }

    @Nested
    @DisplayName("a VPC endpoint")
    class Endpoints {

        final InterfaceEndpointProcessor processor = new InterfaceEndpointProcessor(US_EAST_1, TagFilter.DEFAULT);

        VpcEndpoint.Builder endpoint(VpcEndpointType type, State state) {
            return VpcEndpoint.builder().vpcEndpointId("vpce-1").vpcEndpointType(type).state(state).tags(AGC)
                    .serviceName("com.amazonaws.us-east-1.logs")
                    .subnetIds("subnet-1", "subnet-2", "subnet-3")
                    .networkInterfaceIds("eni-1", "eni-2", "eni-3");
        }

        @Test
        @DisplayName("of type Interface bills per network interface")
        void interfaceEndpoint() {
            LiveInterfaceEndpoint item = (LiveInterfaceEndpoint) processor.process(
                    endpoint(VpcEndpointType.INTERFACE, State.AVAILABLE).build());

            assertThat(item.networkInterfaces()).isEqualTo(3);
            assertThat(item.service()).isEqualTo("com.amazonaws.us-east-1.logs");
        }

        @Test
        @DisplayName("without network interfaces yet counts its subnets")
        void pending() {
            LiveInterfaceEndpoint item = (LiveInterfaceEndpoint) processor.process(
                    endpoint(VpcEndpointType.INTERFACE, State.PENDING).networkInterfaceIds(List.of()).build());

            assertThat(item.networkInterfaces()).isEqualTo(3);
        }

        @Test
        @DisplayName("of type Gateway is free and left out")
        void gateway() {
            assertThat(processor.process(endpoint(VpcEndpointType.GATEWAY, State.AVAILABLE).build())).isNull();
        }

        @ParameterizedTest(name = "in state {0} is left out")
        @EnumSource(value = State.class, names = {"DELETING", "DELETED", "REJECTED", "FAILED", "EXPIRED"})
        void gone(State state) {
            assertThat(processor.process(endpoint(VpcEndpointType.INTERFACE, state).build())).isNull();
        }
    }

    @Nested
    @DisplayName("an Elastic IP")
    class ElasticIps {

        final ElasticIpCostProcessor processor = new ElasticIpCostProcessor(US_EAST_1, TagFilter.DEFAULT);

        @Test
        @DisplayName("with an association is in use")
        void associated() {
            LiveElasticIp item = (LiveElasticIp) processor.process(Address.builder().allocationId("eipalloc-1")
                    .publicIp("203.0.113.10").associationId("eipassoc-1").tags(AGC).build());

            assertThat(item.associated()).isTrue();
        }

        @Test
        @DisplayName("with no association, or empty association fields, is idle")
        void idle() {
            LiveElasticIp bare = (LiveElasticIp) processor.process(Address.builder().allocationId("eipalloc-2")
                    .publicIp("203.0.113.13").tags(AGC).build());
            LiveElasticIp empty = (LiveElasticIp) processor.process(Address.builder().allocationId("eipalloc-3")
                    .publicIp("203.0.113.14").instanceId("").networkInterfaceId("").tags(AGC).build());

            assertThat(bare.associated()).isFalse();
            assertThat(empty.associated()).isFalse();
        }

        @Test
        @DisplayName("without the tag is left out")
        void untagged() {
            assertThat(processor.process(Address.builder().allocationId("eipalloc-4").build())).isNull();
        }
    }

    @Test
    @DisplayName("NAT gateway traffic is the sum of its byte counts, in GB of 10^9 bytes")
    void traffic() {
        NatTraffic traffic = (NatTraffic) new NatTrafficProcessor().process(
                new NatMetrics("us-east-1", "nat-1", List.of(1.5e9, 0.25e9), 14));

        assertThat(traffic.gb()).isEqualByComparingTo("1.75");
        assertThat(traffic.days()).isEqualTo(14);
    }
}
