package dev.agcinfra.audit.security;

import dev.agcinfra.audit.security.SecurityGroupItem.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockStateCode;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.OwnershipControls;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * What the AWS APIs answer, as the resources the rules check: pure conversions of SDK model objects (the live job's
 * readers make the calls and join their answers).
 */
public final class LiveItems {

    private LiveItems() {
    }

    /**
     * A VPC with what the rules need to know about it.
     *
     * @param flowLogResources the resources that have a flow log (DescribeFlowLogs' {@code resourceId}s)
     * @param subnets          the VPC's subnets
     */
    public static VpcItem vpc(Vpc vpc, Set<String> flowLogResources, Collection<Subnet> subnets) {
        List<SubnetItem> items = subnets.stream().filter(s -> vpc.vpcId().equals(s.vpcId())).map(LiveItems::subnet)
                .toList();
        boolean publicMode = !items.isEmpty() && items.stream()
                .allMatch(s -> s.type() == SubnetItem.Type.PUBLIC && s.mapPublicIpOnLaunch());
        return new VpcItem(vpc.vpcId(), vpc.cidrBlock(), flowLogResources.contains(vpc.vpcId()), publicMode,
                tags(vpc.tags()));
    }

    /** The IPv4 CIDRs associated with a VPC (its primary one first). */
    public static List<String> cidrs(Vpc vpc) {
        List<String> cidrs = new ArrayList<>();
        if (vpc.cidrBlock() != null) {
            cidrs.add(vpc.cidrBlock());
        }
        vpc.cidrBlockAssociationSet().stream()
                .filter(a -> a.cidrBlockState() == null || a.cidrBlockState().state() == null
                        || a.cidrBlockState().state() == VpcCidrBlockStateCode.ASSOCIATED)
                .map(a -> a.cidrBlock())
                .filter(cidr -> cidr != null && !cidrs.contains(cidr))
                .forEach(cidrs::add);
        return cidrs;
    }

    public static SubnetItem subnet(Subnet subnet) {
        Map<String, String> tags = tags(subnet.tags());
        return new SubnetItem(subnet.subnetId(), subnet.vpcId(), subnet.cidrBlock(),
                SubnetItem.Type.fromTag(tags.get(SubnetItem.TYPE_TAG)), Boolean.TRUE.equals(subnet.mapPublicIpOnLaunch()),
                tags);
    }

    public static EndpointItem endpoint(VpcEndpoint endpoint) {
        return new EndpointItem(endpoint.vpcEndpointId(), endpoint.vpcId(), endpoint.serviceName(),
                endpoint.vpcEndpointTypeAsString(), Boolean.TRUE.equals(endpoint.privateDnsEnabled()),
                tags(endpoint.tags()));
    }

    /**
     * A security group with its rules, one source each.
     *
     * @param vpcCidrs       its VPC's IPv4 CIDRs
     * @param endpointGroups the groups AGC's interface endpoints use
     */
    public static SecurityGroupItem securityGroup(SecurityGroup group, List<String> vpcCidrs,
            Set<String> endpointGroups) {
        Role role = "default".equals(group.groupName()) ? Role.DEFAULT
                : endpointGroups.contains(group.groupId()) ? Role.ENDPOINTS : Role.OTHER;
        List<Permission> permissions = new ArrayList<>();
        group.ipPermissions().forEach(p -> permissions.addAll(permissions(true, p)));
        group.ipPermissionsEgress().forEach(p -> permissions.addAll(permissions(false, p)));
        return new SecurityGroupItem(group.groupId(), group.groupName(), group.vpcId(), vpcCidrs, role, permissions,
                tags(group.tags()), null);
    }

    /** One permission per source of an EC2 rule (CIDRs, IPv6 CIDRs, security groups, prefix lists). */
    static List<Permission> permissions(boolean ingress, IpPermission rule) {
        int from = rule.fromPort() == null ? -1 : rule.fromPort();
        int to = rule.toPort() == null ? -1 : rule.toPort();
        List<String> sources = new ArrayList<>();
        rule.ipRanges().forEach(r -> sources.add(r.cidrIp()));
        rule.ipv6Ranges().forEach(r -> sources.add(r.cidrIpv6()));
        rule.userIdGroupPairs().forEach(p -> sources.add(p.groupId()));
        rule.prefixListIds().forEach(p -> sources.add(p.prefixListId()));
        return sources.stream().map(source -> new Permission(ingress, rule.ipProtocol(), from, to, source, null))
                .toList();
    }

    /**
     * A bucket's protections from its S3 answers; {@code null} for each that S3 answered "not found".
     *
     * @param versioning the versioning status, {@code null} when never enabled
     */
    public static BucketSettings bucket(String name, BucketSettings.Role role, PublicAccessBlockConfiguration block,
            String policy, ServerSideEncryptionConfiguration encryption, OwnershipControls ownership,
            BucketVersioningStatus versioning, List<software.amazon.awssdk.services.s3.model.Tag> tagSet) {
        BucketSettings.PublicAccess access = block == null ? BucketSettings.PublicAccess.NONE
                : new BucketSettings.PublicAccess(Boolean.TRUE.equals(block.blockPublicAcls()),
                        Boolean.TRUE.equals(block.ignorePublicAcls()), Boolean.TRUE.equals(block.blockPublicPolicy()),
                        Boolean.TRUE.equals(block.restrictPublicBuckets()));
        String algorithm = null;
        Boolean bucketKey = null;
        if (encryption != null) {
            for (ServerSideEncryptionRule rule : encryption.rules()) {
                if (rule.applyServerSideEncryptionByDefault() != null) {
                    algorithm = rule.applyServerSideEncryptionByDefault().sseAlgorithmAsString();
                }
                if (rule.bucketKeyEnabled() != null) {
                    bucketKey = rule.bucketKeyEnabled();
                }
            }
        }
        String objectOwnership = ownership == null || ownership.rules().isEmpty() ? null
                : ownership.rules().get(0).objectOwnershipAsString();
        Map<String, String> tags = new LinkedHashMap<>();
        tagSet.forEach(t -> tags.put(t.key(), t.value()));
        return new BucketSettings(name, name, role, access, policy, List.of("arn:aws:s3:::" + name), algorithm,
                bucketKey, objectOwnership, versioning == null ? null : versioning.toString(), tags);
    }

    /** AGC's table from DescribeTable, DescribeContinuousBackups and ListTagsOfResource. */
    public static TableItem table(TableDescription table, ContinuousBackupsDescription backups,
            List<software.amazon.awssdk.services.dynamodb.model.Tag> tagList) {
        boolean pitr = backups != null && backups.pointInTimeRecoveryDescription() != null
                && backups.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()
                == PointInTimeRecoveryStatus.ENABLED;
        String billing = table.billingModeSummary() != null && table.billingModeSummary().billingMode() != null
                ? table.billingModeSummary().billingModeAsString() : BillingMode.PROVISIONED.toString();
        String hash = null;
        String range = null;
        for (KeySchemaElement key : table.keySchema()) {
            if (key.keyType() == KeyType.HASH) {
                hash = key.attributeName();
            } else if (key.keyType() == KeyType.RANGE) {
                range = key.attributeName();
            }
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tagList.forEach(t -> tags.put(t.key(), t.value()));
        return new TableItem(table.tableName(), pitr, billing, hash, range, tags);
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(t -> map.put(t.key(), t.value()));
        return map;
    }
}
