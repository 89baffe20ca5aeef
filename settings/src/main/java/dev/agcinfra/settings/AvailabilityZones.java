package dev.agcinfra.settings;

import java.util.Map;

/**
 * How many AZs a new VPC spans in a region: the region's first three available AZs, or all of them where a region
 * offers fewer to new accounts. Fixed at synth time so that the plan, the Terraform addresses and the offline cost
 * estimate do not depend on an AWS call.
 */
public final class AvailabilityZones {

    /** As AWS CDK's {@code maxAzs} default. */
    public static final int MAX_AZS = 3;

    /** Regions that offer fewer than three AZs to new accounts (us-west-1 offers two). */
    private static final Map<String, Integer> FEWER = Map.of("us-west-1", 2);

    private AvailabilityZones() {
    }

    /** The number of AZs to use in {@code region}. */
    public static int forRegion(String region) {
        return Math.min(MAX_AZS, FEWER.getOrDefault(region, MAX_AZS));
    }
}
