package dev.agcinfra.modules.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void splitsASixteenIntoSixNineteensAsAwsCdkDoesLeavingTheLastQuarterFree() {
        assertThat(Cidr.parse("10.0.0.0/16").split(6)).map(Cidr::toString).containsExactly(
                "10.0.0.0/19", "10.0.32.0/19", "10.0.64.0/19", "10.0.96.0/19", "10.0.128.0/19", "10.0.160.0/19");
    }

    @Test
    void splitsIntoEighteensForThreeOrFourSubnets() {
        assertThat(Cidr.parse("10.0.0.0/16").split(3)).map(Cidr::toString)
                .containsExactly("10.0.0.0/18", "10.0.64.0/18", "10.0.128.0/18");
        assertThat(Cidr.parse("10.0.0.0/16").split(4)).hasSize(4).last().hasToString("10.0.192.0/18");
    }

    @Test
    void keepsTheWholeBlockForOneSubnet() {
        assertThat(Cidr.parse("192.168.0.0/24").split(1)).map(Cidr::toString).isEqualTo(List.of("192.168.0.0/24"));
    }

    @Test
    void refusesSubnetsSmallerThanASlash28() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/26").split(8)).hasMessageContaining("/28");
    }

    @Test
    void refusesMalformedBlocksAndHostBits() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0/16")).hasMessageContaining("not an IPv4 CIDR block");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.1/16")).hasMessageContaining("host bits");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.256/24")).hasMessageContaining("not an IPv4 CIDR block");
    }
}
