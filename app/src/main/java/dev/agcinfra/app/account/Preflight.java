package dev.agcinfra.app.account;

import dev.agcinfra.modules.endpoints.VpcEndpoints;
import dev.agcinfra.settings.RegionSettings;
import dev.agcinfra.settings.VpcMode;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * Checks an activation against the AWS APIs before anything changes (AGC's rules, agc-core.md), one concern per check:
 * AGC's own core in the region ({@link AgcCoreCheck}, first, on its own), the bucket ({@link BucketCheck}), the
 * user's VPC and subnets ({@link OwnVpcCheck}) and how they reach AWS ({@link EgressCheck}), the AMI
 * ({@link AmiCheck}), and the Elastic IP quota for the NAT gateways ({@link ElasticIpQuotaCheck}). Only reads.
 */
public final class Preflight {

    /** Gateway endpoints agc-infra creates in a new VPC, and recommends in the user's. */
    public static final List<String> GATEWAY_ENDPOINTS = VpcEndpoints.DEFAULT_GATEWAY_SERVICES;
    /** Interface endpoints agc-infra creates in a new VPC, and recommends in the user's. */
    public static final List<String> INTERFACE_ENDPOINTS = VpcEndpoints.DEFAULT_INTERFACE_SERVICES;

    /** How a bucket named for the region stands. */
    public record BucketStatus(String name, boolean exists, boolean inThisAccount) {
    }

    private final AccountAws aws;
    private final String account;
    private BucketStatuses buckets;

    public Preflight(AccountAws aws, String account) {
        this.aws = aws;
        this.account = account;
    }

    /**
     * Refuses at once when AGC's own core is in the region; run before anything else is asked or decided.
     *
     * @throws AccountException (invalid input) naming AGC's core, its contexts and how to move the region over
     */
    public void refuseBesideAgcCore() {
        new AgcCoreCheck(aws, account).refuseIfPresent();
    }

    /**
     * Whether {@code bucket} exists, and whether it is this account's (asked once per bucket).
     *
     * @throws AccountException (AWS failure) when S3 answers neither
     */
    public BucketStatus bucket(String bucket) {
        return buckets().of(bucket);
    }

    private BucketStatuses buckets() {
        if (buckets == null) {
            buckets = new BucketStatuses(aws.s3());
        }
        return buckets;
    }

    /**
     * Every check of the region's settings as they will be deployed.
     *
     * @param region the region's settings after the update rules
     * @param active whether the region is active now
     * @param states the region's Terraform states (to tell a bucket agc-data manages from any other)
     */
    public PreflightReport check(RegionSettings region, boolean active, TerraformStates states) {
        PreflightReport report = new PreflightReport();
        new BucketCheck(buckets(), account).check(region, states, report);
        if (region.vpcMode() == VpcMode.EXISTING) {
            List<Subnet> infra = new OwnVpcCheck(aws, account).check(region, report);
            if (!infra.isEmpty()) {
                new EgressCheck(aws.ec2()).check(region.vpc().orElseThrow(), region.region(), infra, report);
            }
        }
        region.ami().ifPresent(ami -> new AmiCheck(aws.ec2(), account, aws.region()).check(ami, report));
        if (region.vpcMode() == VpcMode.PRIVATE_SUBNETS) {
            new ElasticIpQuotaCheck(aws.ec2()).check(region.region(), region.natGateways(), report);
        }
        return report;
    }

    /** Whether EC2 answered that what was asked for does not exist (an error code such as {@code InvalidVpcID.NotFound}). */
    static boolean isNotFound(Ec2Exception e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                && e.awsErrorDetails().errorCode().contains("NotFound");
    }
}
