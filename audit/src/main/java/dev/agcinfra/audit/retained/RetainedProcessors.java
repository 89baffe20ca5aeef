package dev.agcinfra.audit.retained;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.batch.RegionScope;
import dev.agcinfra.audit.resources.LogGroupItem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * The {@code retained} job's item processors: pure functions from what a reader gave to a {@link Finding}, with owner,
 * monthly cost, reason and cleanup command. No AWS calls; {@code null} leaves an item out.
 */
public final class RetainedProcessors {

    /** NAT gateway states that still bill (or soon will). */
    static final Set<String> NAT_BILLING_STATES = Set.of("pending", "available");
    /** Endpoint states that still bill. */
    static final Set<String> ENDPOINT_BILLING_STATES = Set.of("pendingacceptance", "pending", "available");

    private final RegionScope scope;
    private final TagFilter tag;
    private final UserResources user;
    private final RetainedPricing pricing;

    public RetainedProcessors(RegionScope scope, TagFilter tag, UserResources user, RetainedPricing pricing) {
        this.scope = scope;
        this.tag = tag;
        this.user = user;
        this.pricing = pricing;
    }

    private String region() {
        return scope.region();
    }

    /** A tagged NAT gateway that still bills; deleted, deleting and failed ones are left out. */
    public Finding natGateway(NatGateway nat) {
        Map<String, String> tags = ec2Tags(nat.tags());
        if (!tagged(tags) || !NAT_BILLING_STATES.contains(nat.stateAsString())) {
            return null;
        }
        BigDecimal monthly = pricing.natGateway(region());
        return new Finding(region(), Kind.ORPHAN, Finding.NAT_GATEWAY, nat.natGatewayId(), tags.get("Name"), Owner.AGC,
                nat.stateAsString(), nat.vpcId(), null, null, null, null, monthly,
                "NAT gateway left running in a deactivated region: bills every hour, plus data processed"
                        + (monthly == null ? "; no sourced NAT gateway price for " + region() : "")
                        + "; its Elastic IP is listed on its own",
                CleanupCommands.natGateway(region(), nat.natGatewayId()));
    }

    /** A tagged interface endpoint that still bills; gateway endpoints are free and go with their VPC. */
    public Finding vpcEndpoint(VpcEndpoint endpoint) {
        Map<String, String> tags = ec2Tags(endpoint.tags());
        String state = endpoint.stateAsString() == null ? null : endpoint.stateAsString().toLowerCase(java.util.Locale.ROOT);
        if (!tagged(tags) || endpoint.vpcEndpointType() != VpcEndpointType.INTERFACE
                || state != null && !ENDPOINT_BILLING_STATES.contains(state)) {
            return null;
        }
        int azs = Math.max(endpoint.networkInterfaceIds().size(), endpoint.subnetIds().size());
        BigDecimal monthly = pricing.interfaceEndpoint(region(), azs);
        return new Finding(region(), Kind.ORPHAN, Finding.VPC_ENDPOINT, endpoint.vpcEndpointId(),
                tags.getOrDefault("Name", endpoint.serviceName()), Owner.AGC, state, endpoint.vpcId(), null, null,
                null, null, monthly,
                "interface endpoint " + endpoint.serviceName() + " in " + Math.max(1, azs) + " AZ"
                        + (azs == 1 ? "" : "s") + " left in a deactivated region: bills every hour per AZ"
                        + (monthly == null ? "; no sourced interface endpoint price for " + region() : ""),
                CleanupCommands.vpcEndpoint(region(), endpoint.vpcEndpointId()));
    }

    /** A tagged Elastic IP: a public IPv4 address bills every hour, in use or idle. */
    public Finding elasticIp(Address address) {
        Map<String, String> tags = ec2Tags(address.tags());
        if (!tagged(tags) || address.allocationId() == null) {
            return null;
        }
        String use = address.associationId() == null && address.networkInterfaceId() == null ? "idle"
                : "in use" + (address.networkInterfaceId() != null ? " by " + address.networkInterfaceId() : "")
                        + " (a NAT gateway's address is released after the NAT gateway is deleted)";
        BigDecimal monthly = pricing.publicIpv4(region());
        return new Finding(region(), Kind.ORPHAN, Finding.ELASTIC_IP, address.allocationId(), tags.get("Name"),
                Owner.AGC, address.associationId() == null ? "unassociated" : "associated", null, null, null, null,
                null, monthly, "Elastic IP " + address.publicIp() + " " + use
                        + ": a public IPv4 address bills every hour"
                        + (monthly == null ? "; no sourced public IPv4 price for " + region() : ""),
                CleanupCommands.elasticIp(region(), address.allocationId()));
    }

    /** A tagged VPC: free itself, but it holds the orphans; user-owned when the settings file names it. */
    public Finding vpc(Vpc vpc) {
        Map<String, String> tags = ec2Tags(vpc.tags());
        if (!tagged(tags)) {
            return null;
        }
        if (user.userVpc(region(), vpc.vpcId())) {
            return new Finding(region(), Kind.ORPHAN, Finding.VPC, vpc.vpcId(), tags.get("Name"), Owner.USER,
                    vpc.stateAsString(), vpc.vpcId(), null, null, null, null, BigDecimal.ZERO.setScale(RetainedPricing.SCALE),
                    "VPC named in the settings file: brought by the user, never deleted", null);
        }
        return new Finding(region(), Kind.ORPHAN, Finding.VPC, vpc.vpcId(), tags.get("Name"), Owner.AGC,
                vpc.stateAsString(), vpc.vpcId(), null, null, null, null, BigDecimal.ZERO.setScale(RetainedPricing.SCALE),
                "VPC left in a deactivated region: free itself, it holds what bills; its subnets, route tables and "
                        + "internet gateway must go first ('agc-audit cleanup --region " + region() + "' does it in order)",
                CleanupCommands.vpc(region(), vpc.vpcId()));
    }

    /** A bucket of the region: results bucket or state bucket, agc's when tagged and not named in the settings. */
    public Finding bucket(BucketItem bucket) {
        String name = bucket.name();
        boolean state = name.startsWith("agc-tfstate-") || name.equals(user.stateBucket(scope.account(), region()));
        Kind kind = state ? Kind.STATE_BUCKET : Kind.BUCKET;
        BigDecimal monthly = pricing.s3Storage(region(), bucket.sizeBytes());
        StringBuilder reason = new StringBuilder(state
                ? "Terraform state bucket: small, needed while any stack of " + region() + " exists"
                : "bucket kept by deactivation, with its objects");
        if (Finding.FROM_CLOUDWATCH.equals(bucket.sizeSource())) {
            reason.append("; more than ").append(bucket.maxObjects()).append(" objects, so size and count come from "
                    + "CloudWatch's daily S3 storage metrics (BucketSizeBytes, NumberOfObjects), not a listing");
            if (bucket.sizeBytes() == null) {
                reason.append(", which have no datapoint yet: size unknown");
            }
        } else {
            reason.append("; ").append(bucket.objects()).append(bucket.versioned() ? " versions" : " objects")
                    .append(" counted by listing");
        }
        if (bucket.deleteMarkers() > 0) {
            reason.append(" (and ").append(bucket.deleteMarkers())
                    .append(bucket.deleteMarkers() == 1 ? " delete marker)" : " delete markers)");
        }
        reason.append("; priced as S3 Standard");
        if (monthly == null && bucket.sizeBytes() != null) {
            reason.append(", no sourced S3 price for ").append(region());
        }
        Owner owner;
        String cleanup = null;
        if (user.userBucket(region(), name)) {
            owner = Owner.USER;
            reason.append("; named in the settings file: brought by the user, never deleted");
        } else if (!tagged(bucket.tags())) {
            owner = Owner.USER;
            reason.append("; not tagged ").append(tag).append(": reported, never deleted");
        } else {
            owner = Owner.AGC;
            if (!bucket.stateFiles().isEmpty()) {
                reason.append("; still holds state (").append(String.join(", ", bucket.stateFiles()))
                        .append("): not proposed for deletion while those stacks exist");
            } else {
                cleanup = CleanupCommands.bucket(region(), name, bucket.versioned());
            }
        }
        return new Finding(region(), kind, Finding.S3_BUCKET, name, null, owner, null, null, bucket.sizeBytes(),
                bucket.objects(), bucket.sizeSource(), null, monthly, reason.toString(), cleanup);
    }

    /** A log group, tagged or under an AGC prefix: agc's when tagged, else the user's (never deleted). */
    public Finding logGroup(LogGroupItem item) {
        String name = item.group().logGroupName();
        Long bytes = item.group().storedBytes();
        Integer retention = item.group().retentionInDays();
        BigDecimal monthly = pricing.logsStorage(region(), bytes);
        boolean tagged = tagged(item.tags());
        String reason = "log group kept by deactivation: " + (retention == null ? "never expires" : "expires after "
                + retention + " days") + ", " + (bytes == null ? "stored bytes unknown" : bytes + " bytes stored")
                + (monthly == null && bytes != null ? "; no sourced CloudWatch Logs storage price for " + region() : "")
                + (tagged ? "" : "; not tagged " + tag + " (created under an AGC name prefix, often by Lambda): "
                        + "reported, never deleted");
        return new Finding(region(), Kind.LOG_GROUP, Finding.LOG_GROUP, name, item.tags().get("Name"),
                tagged ? Owner.AGC : Owner.USER, null, null, bytes, null, null, retention, monthly, reason,
                tagged ? CleanupCommands.logGroup(region(), name) : null);
    }

    private boolean tagged(Map<String, String> tags) {
        return tag.value().equals(tags.get(tag.key()));
    }

    static Map<String, String> ec2Tags(List<Tag> tags) {
        return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
    }
}
