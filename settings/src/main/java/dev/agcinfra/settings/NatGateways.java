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
 * <p>A number is a count of zonal NAT gateways, as AWS CDK's {@code Vpc} does with {@code natGateways}: the gateways
 * sit in the public subnets of the first AZs, one each, each with an Elastic IP; the private subnets of an AZ with a
 * gateway route through it, and those of an AZ without one through the gateways in turn, starting with the first
 * (CDK's {@code NatProvider} picks "evenly among the available options"). With at most 3 AZs that is always the first
 * gateway.
 *
 * <p>The keyword {@value #REGIONAL_KEYWORD} ({@link #REGIONAL}) is one regional NAT gateway for the whole VPC
 * (hashicorp/aws's {@code availability_mode = "regional"}): in no subnet, with addresses AWS assigns, every private
 * subnet routing through it, and no Elastic IP of the stack's own.
 */
public final class NatGateways {

    /** How {@link #REGIONAL} is written in {@code agc.yaml}. */
    public static final String REGIONAL_KEYWORD = "regional";

    /** One NAT gateway per AZ: AGC's layout, and the default. */
    public static final NatGateways ONE_PER_AZ = new NatGateways(null, false);

    /** One regional NAT gateway for the VPC. */
    public static final NatGateways REGIONAL = new NatGateways(null, true);

    /** {@code null}: one per AZ, or regional. */
    private final Integer count;
    private final boolean regional;

    private NatGateways(Integer count, boolean regional) {
        this.count = count;
        this.regional = regional;
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
        return new NatGateways(count, false);
    }

    /** Whether this is one regional NAT gateway rather than zonal ones. */
    public boolean isRegional() {
        return regional;
    }

    /** The number written in the settings; empty for one per AZ and for regional. */
    public OptionalInt count() {
        return count == null ? OptionalInt.empty() : OptionalInt.of(count);
    }

    /** How many NAT gateways a VPC over {@code azs} AZs gets: never more than one per AZ; one when regional. */
    public int gateways(int azs) {
        if (regional) {
            return 1;
        }
        return count == null ? azs : Math.min(count, azs);
    }

    /**
     * How many Elastic IPs a VPC over {@code azs} AZs allocates for its NAT gateways: one per zonal gateway; none for
     * a regional one, whose addresses AWS assigns.
     */
    public int elasticIps(int azs) {
        return regional ? 0 : gateways(azs);
    }

    /**
     * Whether the public subnet of the AZ numbered {@code az} (from 0) holds a zonal NAT gateway, in a VPC over
     * {@code azs} AZs; never for a regional one, which is in no subnet.
     */
    public boolean hostsGateway(int az, int azs) {
        return !regional && az < gateways(azs);
    }

    /**
     * The gateway (numbered from 0, in AZ order) that the private subnets of the AZ numbered {@code az} route
     * through, in a VPC over {@code azs} AZs: their own AZ's when it has one, else the gateways in turn from the first;
     * the one gateway when regional.
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
        return o instanceof NatGateways other && Objects.equals(count, other.count) && regional == other.regional;
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, regional);
    }

    /** {@code one per AZ}, the number, or {@code regional}. */
    @Override
    public String toString() {
        if (regional) {
            return REGIONAL_KEYWORD;
        }
        return count == null ? "one per AZ" : count.toString();
    }
}
