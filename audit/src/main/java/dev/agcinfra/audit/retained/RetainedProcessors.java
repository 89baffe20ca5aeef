package dev.agcinfra.audit.retained;

import dev.agcinfra.audit.report.Money;
import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.batch.RegionScope;
import dev.agcinfra.audit.provenance.Owned;
import dev.agcinfra.audit.provenance.Owner;
import dev.agcinfra.audit.provenance.Protection;
import dev.agcinfra.audit.provenance.Provenance;
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
 * The {@code retained} job's item processors: pure functions from what a reader gave to a {@link Finding}, with owner
 * and provenance, monthly cost, reason and cleanup command. No AWS calls; {@code null} leaves an item out.
 *
 * <p>Tags only make something a candidate. Its owner comes from the region's {@link Ownership} (agc-infra's state
 * history and the settings file); only log groups that AGC's context app creates, which no agc-infra state lists,
 * are agc's by AGC's name rule (the tag and an AGC name prefix), and the region's state bucket is agc's when it
 * carries the tag that {@code account activate} puts on the state bucket it creates.
 */
public final class RetainedProcessors {

    /** NAT gateway states that still bill (or soon will). */
    static final Set<String> NAT_BILLING_STATES = Set.of("pending", "available");
    /** Endpoint states that still bill. */
    static final Set<String> ENDPOINT_BILLING_STATES = Set.of("pendingacceptance", "pending", "available");

    private final RegionScope scope;
    private final TagFilter tag;
    private final Protection protection;
    private final List<String> logGroupPrefixes;
    private final RetainedPricing pricing;

    public RetainedProcessors(RegionScope scope, TagFilter tag, Protection protection, List<String> logGroupPrefixes,
            RetainedPricing pricing) {
        this.scope = scope;
        this.tag = tag;
        this.protection = protection;
        this.logGroupPrefixes = List.copyOf(logGroupPrefixes);
        this.pricing = pricing;
    }

    private String region() {
        return scope.region();
    }

    /** A tagged NAT gateway that still bills; deleted, deleting and failed ones are left out. */
    public Finding natGateway(Owned<NatGateway> owned) {
        NatGateway nat = owned.item();
        Map<String, String> tags = ec2Tags(nat.tags());
        if (!tagged(tags) || !NAT_BILLING_STATES.contains(nat.stateAsString())) {
            return null;
        }
        Provenance provenance = owned.ownership().of(nat.natGatewayId());
        BigDecimal monthly = pricing.natGateway(region());
        return new Finding(region(), Kind.ORPHAN, Finding.NAT_GATEWAY, nat.natGatewayId(), tags.get("Name"),
                provenance, nat.stateAsString(), nat.vpcId(), null, null, null, null, monthly,
                "NAT gateway left running in a deactivated region: bills every hour, plus data processed"
                        + (monthly == null ? "; no sourced NAT gateway price for " + region() : "")
                        + "; its Elastic IP is listed on its own; " + ownerNote(provenance),
                removable(provenance, CleanupCommands.natGateway(region(), nat.natGatewayId())),
                scope.account());
    }

    /** A tagged interface endpoint that still bills; gateway endpoints are free and go with their VPC. */
    public Finding vpcEndpoint(Owned<VpcEndpoint> owned) {
        VpcEndpoint endpoint = owned.item();
        Map<String, String> tags = ec2Tags(endpoint.tags());
        String state = endpoint.stateAsString() == null ? null : endpoint.stateAsString().toLowerCase(java.util.Locale.ROOT);
        if (!tagged(tags) || endpoint.vpcEndpointType() != VpcEndpointType.INTERFACE
                || state != null && !ENDPOINT_BILLING_STATES.contains(state)) {
            return null;
        }
        Provenance provenance = owned.ownership().of(endpoint.vpcEndpointId());
        int azs = Math.max(endpoint.networkInterfaceIds().size(), endpoint.subnetIds().size());
        BigDecimal monthly = pricing.interfaceEndpoint(region(), azs);
        return new Finding(region(), Kind.ORPHAN, Finding.VPC_ENDPOINT, endpoint.vpcEndpointId(),
                tags.getOrDefault("Name", endpoint.serviceName()), provenance, state, endpoint.vpcId(), null, null,
                null, null, monthly,
                "interface endpoint " + endpoint.serviceName() + " in " + Math.max(1, azs) + " AZ"
                        + (azs == 1 ? "" : "s") + " left in a deactivated region: bills every hour per AZ"
                        + (monthly == null ? "; no sourced interface endpoint price for " + region() : "")
                        + "; " + ownerNote(provenance),
                removable(provenance, CleanupCommands.vpcEndpoint(region(), endpoint.vpcEndpointId())),
                scope.account());
    }

    /** A tagged Elastic IP: a public IPv4 address bills every hour, in use or idle. */
    public Finding elasticIp(Owned<Address> owned) {
        Address address = owned.item();
        Map<String, String> tags = ec2Tags(address.tags());
        if (!tagged(tags) || address.allocationId() == null) {
            return null;
        }
        Provenance provenance = owned.ownership().of(address.allocationId());
        boolean associated = !blank(address.associationId()) || !blank(address.networkInterfaceId());
        String use = !associated ? "idle"
                : "in use" + (blank(address.networkInterfaceId()) ? "" : " by " + address.networkInterfaceId())
                        + " (a NAT gateway's address is released after the NAT gateway is deleted)";
        BigDecimal monthly = pricing.publicIpv4(region());
        return new Finding(region(), Kind.ORPHAN, Finding.ELASTIC_IP, address.allocationId(), tags.get("Name"),
                provenance, associated ? "associated" : "unassociated", null, null, null, null,
                null, monthly, "Elastic IP " + address.publicIp() + " " + use
                        + ": a public IPv4 address bills every hour"
                        + (monthly == null ? "; no sourced public IPv4 price for " + region() : "")
                        + "; " + ownerNote(provenance),
                removable(provenance, CleanupCommands.elasticIp(region(), address.allocationId())),
                scope.account());
    }

    /** A tagged VPC: free itself, but it holds the orphans. */
    public Finding vpc(Owned<Vpc> owned) {
        Vpc vpc = owned.item();
        Map<String, String> tags = ec2Tags(vpc.tags());
        if (!tagged(tags)) {
            return null;
        }
        Provenance provenance = owned.ownership().of(vpc.vpcId());
        String reason = provenance.owner() == Owner.AGC
                ? "VPC left in a deactivated region: free itself, it holds what bills; its subnets, route tables and "
                        + "internet gateway must go first ('agc-audit cleanup --region " + region() + "' does it in order)"
                : "VPC carrying the tag in a deactivated region";
        return new Finding(region(), Kind.ORPHAN, Finding.VPC, vpc.vpcId(), tags.get("Name"), provenance,
                vpc.stateAsString(), vpc.vpcId(), null, null, null, null, Money.toHundredthOfCent(BigDecimal.ZERO),
                reason + "; " + ownerNote(provenance),
                removable(provenance, CleanupCommands.vpc(region(), vpc.vpcId())),
                scope.account());
    }

    /**
     * A bucket of the region. The region's state bucket (named by the settings' template) is agc's when tagged, and
     * removable only when it holds nothing but agc-infra's state and lock files of the region and no state file
     * still lists a managed resource. Any other bucket is owned as its provenance says; one holding state files
     * that still list managed resources is never removable.
     */
    public Finding bucket(Owned<BucketItem> owned) {
        BucketItem bucket = owned.item();
        String name = bucket.name();
        boolean state = name.equals(protection.stateBucket(scope.account(), region()));
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
        } else if (bucket.objects() == null) {
            reason.append("; size unknown, its objects could not be listed");
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
        Provenance provenance;
        if (state) {
            provenance = tagged(bucket.tags())
                    ? Provenance.of(Provenance.Source.STATE_BUCKET, "agc-infra's state bucket of " + region()
                            + " (stateBucket " + protection.stateBucketTemplate() + "), tagged " + tag
                            + " as account activate tags the state bucket it creates")
                    : Provenance.of(Provenance.Source.UNTAGGED, "the user's: the state bucket of " + region()
                            + " is not tagged " + tag + ", so account activate did not create it");
        } else {
            provenance = owned.ownership().of(name);
        }
        reason.append("; ").append(ownerNote(provenance));
        String cleanup = null;
        String kept = null;
        if (provenance.owner() == Owner.AGC) {
            kept = bucket.keepReason(region()).orElse(null);
            if (kept == null) {
                cleanup = CleanupCommands.bucket(region(), name, bucket.versioned());
            } else {
                reason.append("; ").append(kept);
            }
        }
        return new Finding(region(), kind, Finding.S3_BUCKET, name, null, provenance, null, null, bucket.sizeBytes(),
                bucket.objects(), bucket.sizeSource(), null, monthly, reason.toString(), cleanup, scope.account(), kept);
    }

    /**
     * A log group, tagged or under an AGC prefix: agc's when agc-infra's state lists it, or by AGC's name rule (tagged
     * and under an AGC prefix: AGC's context app made it, and no agc-infra state can list it); else the user's.
     */
    public Finding logGroup(Owned<LogGroupItem> owned) {
        LogGroupItem item = owned.item();
        String name = item.group().logGroupName();
        Long bytes = item.group().storedBytes();
        Integer retention = item.group().retentionInDays();
        BigDecimal monthly = pricing.logsStorage(region(), bytes);
        boolean tagged = tagged(item.tags());
        Provenance provenance = owned.ownership().of(name);
        if (provenance.source() != Provenance.Source.STATE && provenance.source() != Provenance.Source.SETTINGS) {
            String prefix = logGroupPrefixes.stream().filter(name::startsWith).findFirst().orElse(null);
            if (tagged && prefix != null) {
                provenance = Provenance.of(Provenance.Source.AGC_NAME_RULE, "created by AGC's context app: tagged "
                        + tag + " and named under AGC's prefix " + prefix + " (AGC's rule: no agc-infra state lists "
                        + "what contexts create)");
            } else if (!tagged) {
                provenance = Provenance.of(Provenance.Source.UNTAGGED, "not tagged " + tag + " (created under an AGC "
                        + "name prefix, often by Lambda)");
            }
        }
        String reason = "log group kept by deactivation: " + (retention == null ? "never expires" : "expires after "
                + retention + " days") + ", " + (bytes == null ? "stored bytes unknown" : bytes + " bytes stored")
                + (monthly == null && bytes != null ? "; no sourced CloudWatch Logs storage price for " + region() : "")
                + "; " + ownerNote(provenance);
        return new Finding(region(), Kind.LOG_GROUP, Finding.LOG_GROUP, name, item.tags().get("Name"), provenance,
                null, null, bytes, null, null, retention, monthly, reason,
                removable(provenance, CleanupCommands.logGroup(region(), name)),
                scope.account());
    }

    /** The ownership part of a finding's reason. */
    static String ownerNote(Provenance provenance) {
        return switch (provenance.owner()) {
            case AGC -> provenance.describe();
            case USER -> provenance.describe() + ": reported, never deleted";
            case UNKNOWN -> "owner unknown, kept: " + provenance.describe();
        };
    }

    private static String removable(Provenance provenance, String command) {
        return provenance.owner() == Owner.AGC ? command : null;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private boolean tagged(Map<String, String> tags) {
        return tag.value().equals(tags.get(tag.key()));
    }

    static Map<String, String> ec2Tags(List<Tag> tags) {
        return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
    }
}
