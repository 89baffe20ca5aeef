package dev.agcinfra.app;

import dev.agcinfra.settings.RegionSettings;
import java.util.List;

/** Finds the subnets AGC runs in when the user brings a VPC without naming subnets. */
@FunctionalInterface
public interface SubnetResolver {

    /** The VPC's private subnets, from a cache or the EC2 API. */
    List<String> privateSubnets(RegionSettings region, String account);

    /** A resolver for settings that never need a lookup; fails clearly if one is needed. */
    static SubnetResolver none() {
        return (region, account) -> {
            throw new IllegalStateException("region " + region.region() + ": vpc " + region.vpc().orElse("?")
                    + " has no 'subnets'; finding its private subnets needs the EC2 API");
        };
    }
}
