package dev.agcinfra.settings;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code natGateways} setting: how many NAT gateways a new VPC with private subnets gets, and so which one the
 * private subnets of each Availability Zone route through. This is the one rule for both tools: the synth's
 * {@code AgcVpc} places and routes its gateways by it, and {@code agc-audit estimate --compare} keeps the gateways of
 * its one-NAT layout by it.
 *
 * <p>As AWS CDK's {@code Vpc} does with {@code natGateways}: the gateways sit in the public subnets of the first AZs,
 * one each; the private subnets of an AZ with a gateway route through it, and those of an AZ without one through the
 * gateways in turn, starting with the first (CDK's {@code NatProvider} picks "evenly among the available options").
 * With at most 3 AZs that is always the first gateway.
 *
 * <p>In {@code agc.yaml} the value is a number; a value type rather than an {@code int} leaves room for a keyword.
 */
public final class NatGateways {

    /** One NAT gateway per AZ: AGC's layout, and the default. */
    public static final NatGateways ONE_PER_AZ = new NatGateways(null);

    /** {@code null}: one per AZ. */
    private final Integer count;

    private NatGateways(Integer count) {
        this.count = count;
    }

    /**
     * Exactly {@code count} NAT gateways.
     *
     * @throws IllegalArgumentException when {@code count} is below 1
     */
    public static NatGateways of(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("natGateways must be at least 1, got " + count);
        }
        return new NatGateways(count);
    }

    /** The number written in the settings; empty for one per AZ. */
    public OptionalInt count() {
        return count == null ? OptionalInt.empty() : OptionalInt.of(count);
    }

    /** How many NAT gateways a VPC over {@code azs} AZs gets: never more than one per AZ. */
    public int gateways(int azs) {
        return count == null ? azs : Math.min(count, azs);
    }

    /** Whether the public subnet of the AZ numbered {@code az} (from 0) holds a NAT gateway, in a VPC over {@code azs} AZs. */
    public boolean hostsGateway(int az, int azs) {
        return az < gateways(azs);
    }

    /**
     * The gateway (numbered from 0, in AZ order) that the private subnets of the AZ numbered {@code az} route
     * through, in a VPC over {@code azs} AZs: their own AZ's when it has one, else the gateways in turn from the first.
     */
    public int gatewayOf(int az, int azs) {
        int gateways = gateways(azs);
        return az < gateways ? az : (az - gateways) % gateways;
    }

    /**
     * Why this setting does not fit a VPC over {@code azs} AZs in {@code region} (without the fix, which depends on
     * where it is written); empty when it fits.
     */
    public Optional<String> excess(String region, int azs) {
        if (count != null && count > azs) {
            return Optional.of(count + " is more than the " + azs + " Availability Zones agc-infra uses in " + region
                    + " (one NAT gateway per AZ at most)");
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NatGateways other && Objects.equals(count, other.count);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(count);
    }

    /** {@code one per AZ}, or the number. */
    @Override
    public String toString() {
        return count == null ? "one per AZ" : count.toString();
    }
}
