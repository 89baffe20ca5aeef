package dev.agcinfra.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link NatGateways}: where the gateways are and which one each AZ's private subnets route through. */
class NatGatewaysTest {

    private static List<Integer> routes(NatGateways nats, int azs) {
        return IntStream.range(0, azs).mapToObj(az -> nats.gatewayOf(az, azs)).toList();
    }

    private static List<Boolean> hosts(NatGateways nats, int azs) {
        return IntStream.range(0, azs).mapToObj(az -> nats.hostsGateway(az, azs)).toList();
    }

    @Test
    void onePerAzPutsAGatewayInEveryAzAndEachAzRoutesThroughItsOwn() {
        assertThat(NatGateways.ONE_PER_AZ.gateways(3)).isEqualTo(3);
        assertThat(hosts(NatGateways.ONE_PER_AZ, 3)).containsExactly(true, true, true);
        assertThat(routes(NatGateways.ONE_PER_AZ, 3)).containsExactly(0, 1, 2);
        assertThat(NatGateways.ONE_PER_AZ.count()).isEmpty();
    }

    @Test
    void oneGatewayIsInTheFirstAzAndEveryAzRoutesThroughIt() {
        assertThat(hosts(NatGateways.of(1), 3)).containsExactly(true, false, false);
        assertThat(routes(NatGateways.of(1), 3)).containsExactly(0, 0, 0);
    }

    @Test
    void anAzWithoutAGatewayRoutesThroughTheGatewaysInTurnFromTheFirstAsAwsCdkDoes() {
        // 3 AZs, 2 gateways: the third AZ goes to the first gateway
        assertThat(routes(NatGateways.of(2), 3)).containsExactly(0, 1, 0);
        // 5 AZs, 2 gateways: CDK's NatProvider picks evenly among the gateways, starting with the first
        assertThat(routes(NatGateways.of(2), 5)).containsExactly(0, 1, 0, 1, 0);
    }

    @Test
    void neverMoreGatewaysThanAzsAndTheExcessIsExplained() {
        assertThat(NatGateways.of(3).gateways(2)).isEqualTo(2);
        assertThat(NatGateways.of(3).excess("us-west-1", 2)).contains("3 is more than the 2 Availability Zones "
                + "agc-infra uses in us-west-1 (one NAT gateway per AZ at most)");
        assertThat(NatGateways.of(2).excess("us-west-1", 2)).isEmpty();
        assertThat(NatGateways.ONE_PER_AZ.excess("us-west-1", 2)).isEmpty();
    }

    @Test
    void noGatewayAtAllIsNoNumberOfNatGateways() {
        assertThatThrownBy(() -> NatGateways.of(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("natGateways must be at least 1, got 0");
    }

    @Test
    void regionalIsOneGatewayInNoSubnetWithNoElasticIpThatEveryAzRoutesThrough() {
        assertThat(NatGateways.REGIONAL.isRegional()).isTrue();
        assertThat(NatGateways.REGIONAL.gateways(3)).isEqualTo(1);
        assertThat(NatGateways.REGIONAL.elasticIps(3)).isZero();
        assertThat(hosts(NatGateways.REGIONAL, 3)).containsExactly(false, false, false);
        assertThat(routes(NatGateways.REGIONAL, 3)).containsExactly(0, 0, 0);
        assertThat(NatGateways.REGIONAL.count()).isEmpty();
        assertThat(NatGateways.REGIONAL.excess("us-west-1", 2)).isEmpty();
        assertThat(NatGateways.REGIONAL).hasToString("regional").isNotEqualTo(NatGateways.ONE_PER_AZ)
                .isNotEqualTo(NatGateways.of(1));
    }

    @Test
    void zonalGatewaysEachHaveAnElasticIp() {
        assertThat(NatGateways.ONE_PER_AZ.elasticIps(3)).isEqualTo(3);
        assertThat(NatGateways.of(1).elasticIps(3)).isEqualTo(1);
        assertThat(NatGateways.of(3).elasticIps(2)).isEqualTo(2);
        assertThat(NatGateways.ONE_PER_AZ.isRegional()).isFalse();
    }

    @Test
    void equalSettingsAreEqualAndPrintAsWritten() {
        assertThat(NatGateways.of(2)).isEqualTo(NatGateways.of(2)).isNotEqualTo(NatGateways.ONE_PER_AZ)
                .hasSameHashCodeAs(NatGateways.of(2));
        assertThat(NatGateways.of(2)).hasToString("2");
        assertThat(NatGateways.ONE_PER_AZ).hasToString("one per AZ");
    }
}
