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
 * @param natGateways        how many NAT gateways a new VPC with private subnets gets; {@link NatGateways#ONE_PER_AZ}
 *                           by default, and in the other modes (which have none)
 * @param flowLogs           a VPC flow log of all traffic to a CloudWatch Logs log group (only for a VPC agc-infra
 *                           creates)
 * @param flowLogRetentionDays how long that log group keeps its events; default
 *                           {@value #DEFAULT_FLOW_LOG_RETENTION_DAYS}
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
        Map<String, String> tags,
        NatGateways natGateways,
        boolean flowLogs,
        int flowLogRetentionDays) {

    /** Days the flow log's log group keeps its events unless {@code flowLogRetentionDays} says otherwise. */
    public static final int DEFAULT_FLOW_LOG_RETENTION_DAYS = 30;

    public RegionSettings {
        subnets = List.copyOf(subnets);
        tags = Map.copyOf(tags);
        java.util.Objects.requireNonNull(natGateways, "natGateways");
    }

    /** A region with the cost levers at their defaults: a NAT gateway per AZ, no flow log. */
    public RegionSettings(String region, Optional<String> vpc, List<String> subnets, String bucket, boolean createBucket,
                          Optional<String> ami, boolean usePublicSubnets, boolean executeApiEndpoint,
                          Map<String, String> tags) {
        this(region, vpc, subnets, bucket, createBucket, ami, usePublicSubnets, executeApiEndpoint, tags,
                NatGateways.ONE_PER_AZ, false, DEFAULT_FLOW_LOG_RETENTION_DAYS);
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
