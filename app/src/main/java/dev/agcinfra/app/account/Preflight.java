package dev.agcinfra.app.account;

import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.app.lookup.ContextCache;
import dev.agcinfra.app.lookup.PrivateSubnetLookup;
import dev.agcinfra.settings.RegionSettings;
import dev.agcinfra.settings.SettingsException;
import dev.agcinfra.settings.VpcMode;
import dev.agcinfra.app.stacks.AvailabilityZones;
import dev.agcinfra.app.stacks.RegionStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AccountAttribute;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Checks an activation against the AWS APIs before anything changes (AGC's rules, agc-core.md): the user's VPC and
 * subnets, the routes to the internet or AWS services, the recommended endpoints, the AMI, the bucket, and the
 * Elastic IP quota for the NAT gateways. Only reads.
 */
public final class Preflight {

    /** Gateway endpoints agc-infra creates in a new VPC, and recommends in the user's. */
    public static final List<String> GATEWAY_ENDPOINTS = List.of("s3", "dynamodb");
    /** Interface endpoints agc-infra creates in a new VPC, and recommends in the user's. */
    public static final List<String> INTERFACE_ENDPOINTS = List.of(
            "logs", "ecr.dkr", "ecr.api", "ecs-agent", "ecs-telemetry", "ecs", "ec2");

    /** How a bucket named for the region stands. */
    public record BucketStatus(String name, boolean exists, boolean inThisAccount) {
    }

    private final AccountAws aws;
    private final String account;
    private final Map<String, BucketStatus> buckets = new HashMap<>();
    private Set<String> ownBuckets;

    public Preflight(AccountAws aws, String account) {
        this.aws = aws;
        this.account = account;
    }

    /**
     * Whether {@code bucket} exists, and whether it is this account's: listed by ListBuckets means ours; else
     * HeadBucket answers 404 (free, will be created) or 403 (someone else's). Any other answer, after the SDK's
     * retries (a 500 or 503 from S3, a timeout), says nothing about the bucket: it is an AWS failure (exit 3), never a
     * refusal. Each bucket is asked about once.
     */
    public BucketStatus bucket(String bucket) {
        BucketStatus known = buckets.get(bucket);
        if (known != null) {
            return known;
        }
        S3Client s3 = aws.s3();
        if (ownBuckets == null) {
            ownBuckets = new HashSet<>();
            s3.listBucketsPaginator(r -> { }).buckets().forEach(b -> ownBuckets.add(b.name()));
        }
        BucketStatus status;
        if (ownBuckets.contains(bucket)) {
            status = new BucketStatus(bucket, true, true);
        } else {
            try {
                s3.headBucket(r -> r.bucket(bucket));
                status = new BucketStatus(bucket, true, false);
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    status = new BucketStatus(bucket, false, false);
                } else if (e.statusCode() == 403) {
                    status = new BucketStatus(bucket, true, false);
                } else {
                    throw new AccountException(ExitCode.AWS_FAILURE, "bucket " + bucket + ": S3 HeadBucket failed "
                            + "with HTTP " + e.statusCode() + awsError(e) + " after the SDK's retries, so whether the "
                            + "bucket exists, and whose it is, is unknown; nothing was changed; try again later");
                }
            }
        }
        buckets.put(bucket, status);
        return status;
    }

    private static String awsError(S3Exception e) {
        var details = e.awsErrorDetails();
        if (details == null || details.errorCode() == null) {
            return "";
        }
        return " (" + details.errorCode() + (details.errorMessage() == null ? "" : ": " + details.errorMessage()) + ")";
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
        checkBucket(region, states, report);
        if (region.vpcMode() == VpcMode.EXISTING) {
            checkOwnVpc(region, report);
        }
        region.ami().ifPresent(ami -> checkAmi(ami, report));
        if (region.vpcMode() == VpcMode.PRIVATE_SUBNETS) {
            checkElasticIpQuota(region.region(), report);
        }
        return report;
    }

    private void checkBucket(RegionSettings region, TerraformStates states, PreflightReport report) {
        BucketStatus status = bucket(region.bucket());
        String data = RegionStack.dataStackName(region.region());
        String defaultBucket = RegionSettings.defaultBucket(account, region.region());
        if (status.exists() && !status.inThisAccount()) {
            report.refuse("bucket " + region.bucket() + " exists but is not one of account " + account + "'s buckets; "
                    + (region.bucket().equals(defaultBucket) ? "name a bucket of this account with --bucket"
                            : "name a bucket of this account with --bucket, or omit --bucket for " + defaultBucket));
        } else if (!region.createBucket()) {
            if (status.exists()) {
                report.note("bucket " + region.bucket() + ": exists in account " + account
                        + "; yours, used as is (agc-infra never changes its settings or deletes it; "
                        + RegionStack.coreStackName(region.region()) + " puts AGC's artifacts under artifacts/ in it, "
                        + "as AGC's core does)");
            } else {
                report.refuse("bucket " + region.bucket() + " does not exist and the settings say createBucket: false; "
                        + "create it, or set createBucket: true for agc-infra to create it");
            }
        } else if (status.exists()) {
            if (states.managesBucket(region.bucket())) {
                report.note("bucket " + region.bucket() + ": exists, managed by " + data);
            } else {
                report.refuse("bucket " + region.bucket() + " already exists in account " + account + " but no "
                        + "agc-infra state records it, and the settings say createBucket: true; agc-infra never takes a "
                        + "bucket it did not create into its state (S3 lets its owner create a bucket again in "
                        + "us-east-1, so " + data + " would adopt it and its objects); to use it as it is, set "
                        + "createBucket: false, or activate with --bucket " + region.bucket());
            }
        } else {
            report.note("bucket " + region.bucket() + ": will be created in account " + account + " by "
                    + data + " (kept on deactivation)");
        }
    }

    private void checkOwnVpc(RegionSettings region, PreflightReport report) {
        Ec2Client ec2 = aws.ec2();
        String vpc = region.vpc().orElseThrow();
        try {
            ec2.describeVpcs(r -> r.vpcIds(vpc));
        } catch (Ec2Exception e) {
            if (isNotFound(e)) {
                report.refuse("vpc " + vpc + " does not exist in account " + account + ", region " + region.region()
                        + "; check the id and the region (--region)");
                return;
            }
            throw e;
        }
        Filter inVpc = Filter.builder().name("vpc-id").values(vpc).build();
        List<RouteTable> tables = new ArrayList<>();
        ec2.describeRouteTablesPaginator(r -> r.filters(inVpc)).routeTables().forEach(tables::add);

        List<Subnet> infra = new ArrayList<>();
        if (!region.subnets().isEmpty()) {
            List<Subnet> found = new ArrayList<>();
            try {
                ec2.describeSubnetsPaginator(r -> r.subnetIds(region.subnets())).subnets().forEach(found::add);
            } catch (Ec2Exception e) {
                if (!isNotFound(e)) {
                    throw e;
                }
                for (String id : region.subnets()) {
                    try {
                        ec2.describeSubnets(r -> r.subnetIds(id)).subnets().forEach(found::add);
                    } catch (Ec2Exception missing) {
                        if (!isNotFound(missing)) {
                            throw missing;
                        }
                        report.refuse("subnet " + id + " does not exist in account " + account + ", region "
                                + region.region() + "; check the id given with --subnets");
                    }
                }
            }
            for (Subnet s : found) {
                if (!vpc.equals(s.vpcId())) {
                    report.refuse("subnet " + s.subnetId() + " belongs to " + s.vpcId() + ", not to " + vpc
                            + "; give only subnets of --vpc " + vpc);
                } else {
                    infra.add(s);
                }
            }
            Set<String> azs = new TreeSet<>();
            infra.forEach(s -> azs.add(s.availabilityZone()));
            if (!infra.isEmpty() && azs.size() < PrivateSubnetLookup.MIN_AZS) {
                report.warn("the subnets given cover " + azs.size() + " Availability Zone" + (azs.size() == 1 ? "" : "s")
                        + " (" + String.join(", ", azs) + "); AGC recommends subnets in at least "
                        + PrivateSubnetLookup.MIN_AZS);
            }
        } else {
            List<PrivateSubnetLookup.PrivateSubnet> privateSubnets;
            try {
                privateSubnets = freshLookup().lookUp(region, account);
            } catch (SettingsException e) {
                e.problems().forEach(p -> report.refuse(p.replaceFirst("^regions\\.[a-z0-9-]+\\.vpc: ", "")
                        .replace("list the subnets to use with subnets: [...] in agc.yaml", "name the subnets with --subnets")));
                return;
            }
            Set<String> ids = new HashSet<>();
            privateSubnets.forEach(p -> ids.add(p.subnetId()));
            ec2.describeSubnetsPaginator(r -> r.filters(inVpc)).subnets().stream()
                    .filter(s -> ids.contains(s.subnetId())).forEach(infra::add);
        }
        if (infra.isEmpty()) {
            return;
        }
        List<String> missingEndpoints = missingEndpoints(vpc, region.region());
        Map<String, RouteTable> tableOf = routeTables(tables);
        List<String> isolated = new ArrayList<>();
        for (Subnet s : infra) {
            RouteTable table = tableOf.getOrDefault(s.subnetId(), tableOf.get(MAIN));
            if (table == null || !hasDefaultRoute(table)) {
                isolated.add(s.subnetId());
            }
        }
        if (!isolated.isEmpty() && !missingEndpoints.isEmpty()) {
            report.refuse("subnet" + (isolated.size() == 1 ? " " : "s ") + String.join(", ", isolated) + " of " + vpc
                    + " have no route to the internet (no 0.0.0.0/0 route) and the VPC lacks endpoints for "
                    + String.join(", ", missingEndpoints) + "; AGC's compute needs the internet (a NAT gateway) or "
                    + "those VPC endpoints");
        } else if (!missingEndpoints.isEmpty()) {
            report.warn("vpc " + vpc + " has no VPC endpoint for " + String.join(", ", missingEndpoints)
                    + " (recommended: traffic to those services otherwise goes through the NAT gateways, which costs more)");
        }
    }

    private static final String MAIN = "<main>";
    private static final String VPC_MAX_ELASTIC_IPS = "vpc-max-elastic-ips";

    private static Map<String, RouteTable> routeTables(List<RouteTable> tables) {
        Map<String, RouteTable> byKey = new HashMap<>();
        for (RouteTable t : tables) {
            for (RouteTableAssociation a : t.associations()) {
                if (Boolean.TRUE.equals(a.main())) {
                    byKey.put(MAIN, t);
                } else if (a.subnetId() != null) {
                    byKey.put(a.subnetId(), t);
                }
            }
        }
        return byKey;
    }

    private static boolean hasDefaultRoute(RouteTable table) {
        for (Route r : table.routes()) {
            if ("0.0.0.0/0".equals(r.destinationCidrBlock()) && (r.natGatewayId() != null
                    || (r.gatewayId() != null && !"local".equals(r.gatewayId())) || r.transitGatewayId() != null
                    || r.instanceId() != null || r.networkInterfaceId() != null || r.vpcPeeringConnectionId() != null)) {
                return true;
            }
        }
        return false;
    }

    /** The recommended endpoints (short names such as {@code ecr.api}) the VPC lacks. */
    List<String> missingEndpoints(String vpc, String region) {
        Set<String> present = new HashSet<>();
        for (VpcEndpoint e : aws.ec2().describeVpcEndpointsPaginator(r -> r.filters(
                Filter.builder().name("vpc-id").values(vpc).build())).vpcEndpoints()) {
            String prefix = "com.amazonaws." + region + ".";
            if (e.serviceName() != null && e.serviceName().startsWith(prefix)) {
                present.add(e.serviceName().substring(prefix.length()));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : GATEWAY_ENDPOINTS) {
            if (!present.contains(name)) {
                missing.add(name);
            }
        }
        for (String name : INTERFACE_ENDPOINTS) {
            if (!present.contains(name)) {
                missing.add(name);
            }
        }
        return missing;
    }

    private void checkAmi(String ami, PreflightReport report) {
        List<Image> images;
        try {
            images = aws.ec2().describeImages(r -> r.imageIds(ami)).images();
        } catch (Ec2Exception e) {
            if (!isNotFound(e)) {
                throw e;
            }
            images = List.of();
        }
        if (images.isEmpty()) {
            report.refuse("ami " + ami + " does not exist in region " + aws.region() + " (or is not visible to account "
                    + account + "); check the id and the region");
            return;
        }
        Image image = images.get(0);
        if (!account.equals(image.ownerId())) {
            report.refuse("ami " + ami + " belongs to account " + image.ownerId() + ", not " + account
                    + "; AGC needs a private AMI of this account: copy it into the account (aws ec2 copy-image) and "
                    + "use the copy's id");
        } else {
            report.note("ami " + ami + ": owned by account " + account);
        }
    }

    private void checkElasticIpQuota(String region, PreflightReport report) {
        Ec2Client ec2 = aws.ec2();
        int nats = AvailabilityZones.forRegion(region);
        Optional<Integer> max = Optional.empty();
        for (AccountAttribute a : ec2.describeAccountAttributes(r -> r.attributeNamesWithStrings(VPC_MAX_ELASTIC_IPS))
                .accountAttributes()) {
            if (VPC_MAX_ELASTIC_IPS.equals(a.attributeName()) && !a.attributeValues().isEmpty()) {
                max = Optional.of(Integer.parseInt(a.attributeValues().get(0).attributeValue()));
            }
        }
        if (max.isEmpty()) {
            report.warn("EC2 did not report the Elastic IP quota (vpc-max-elastic-ips); the " + nats
                    + " NAT gateways need " + nats + " free Elastic IPs");
            return;
        }
        var addresses = ec2.describeAddresses(r -> { }).addresses();
        long used = addresses.size();
        long ours = addresses.stream().filter(a -> a.tags().stream().anyMatch(
                t -> RegionStack.APPLICATION_TAG.equals(t.key()) && RegionStack.APPLICATION_NAME.equals(t.value()))).count();
        long needed = Math.max(0, nats - ours);
        long free = max.get() - used;
        if (free < needed) {
            report.refuse("Elastic IP quota: the " + nats + " NAT gateways need " + needed + " new Elastic IP"
                    + (needed == 1 ? "" : "s") + " but only " + Math.max(0, free) + " of " + max.get() + " are free in "
                    + region + " (" + used + " allocated); release unused addresses, request a higher "
                    + "'EC2-VPC Elastic IPs' quota, or activate with --usePublicSubnets (no NAT gateways)");
        } else {
            report.note("Elastic IPs: " + needed + " needed for NAT gateways, " + free + " of " + max.get() + " free");
        }
    }

    /** A subnet lookup that asks EC2 now (a cached answer may be stale), with a throwaway cache. */
    private PrivateSubnetLookup freshLookup() {
        try {
            Path dir = Files.createTempDirectory("agc-preflight-");
            dir.toFile().deleteOnExit();
            Path cache = dir.resolve(ContextCache.FILE_NAME);
            cache.toFile().deleteOnExit();
            return new PrivateSubnetLookup(new ContextCache(cache), aws.environment());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isNotFound(Ec2Exception e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                && e.awsErrorDetails().errorCode().contains("NotFound");
    }
}
