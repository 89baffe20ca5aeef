package dev.agcinfra.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One region's entry of {@code agc.yaml}, after validation and with every default applied.
 *
 * @param region             the AWS region name, e.g. {@code us-east-1}
 * @param vpc                the user's own VPC id; empty means agc-infra creates the VPC
 * @param subnets            the user's subnets inside {@link #vpc}; empty means every private subnet of that VPC
 * @param bucket             the results bucket name; defaults to {@code agc-<account>-<region>}
 * @param createBucket       whether agc-infra creates (and manages) the bucket; default false when the bucket is
 *                           named, true when defaulted
 * @param ami                the compute AMI id; empty means the latest ECS-optimized Amazon Linux 2 image
 * @param usePublicSubnets   public subnets only: no private subnets, NAT gateways or endpoints (conflicts with vpc)
 * @param executeApiEndpoint also create the {@code execute-api} interface endpoint
 * @param tags               the region's custom tags (global tags first, then the region's own, which win)
 */
public record RegionSettings(
        String region,
        Optional<String> vpc,
        List<String> subnets,
        String bucket,
        boolean createBucket,
        Optional<String> ami,
        boolean usePublicSubnets,
        boolean executeApiEndpoint,
        Map<String, String> tags) {

    public RegionSettings {
        subnets = List.copyOf(subnets);
        tags = Map.copyOf(tags);
    }

    /** The default results bucket of a region: {@code agc-<account>-<region>}, as AGC names it. */
    public static String defaultBucket(String account, String region) {
        return AgcNames.defaultBucket(account, region);
    }

    /** A region with every default: a new VPC with private subnets, a new bucket, the latest ECS-optimized AMI. */
    public static RegionSettings defaults(String region, String account) {
        return new RegionSettings(region, Optional.empty(), List.of(), defaultBucket(account, region), true,
                Optional.empty(), false, false, Map.of());
    }

    /** How the region's network is provided. */
    public VpcMode vpcMode() {
        if (vpc.isPresent()) {
            return VpcMode.EXISTING;
        }
        return usePublicSubnets ? VpcMode.PUBLIC_SUBNETS : VpcMode.PRIVATE_SUBNETS;
    }
}
