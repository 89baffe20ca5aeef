package dev.agcinfra.audit.security;

import dev.agcinfra.audit.security.SecurityGroupItem.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The security rules (every rule but drift), pure: a resource read from the account or from a synthesized stack in,
 * its findings out. Each broken rule gives one finding per resource, naming what is wrong and how to fix it: AWS CLI
 * commands live, the Terraform change in a stack.
 *
 * <p>A security group rule open to the internet is reported once, as {@link Rule#SG_OPEN_INGRESS}, even when it is
 * in the default or the endpoint group: the other two rules judge what is left.
 */
public final class SecurityRules {

    private SecurityRules() {
    }

    /** The findings of one resource. */
    public static List<Finding> check(Checkable item, Target target) {
        if (item instanceof SecurityGroupItem group) {
            return securityGroup(group, target);
        } else if (item instanceof BucketSettings bucket) {
            return bucket(bucket, target);
        } else if (item instanceof TableItem table) {
            return table(table, target);
        } else if (item instanceof SubnetItem subnet) {
            return subnet(subnet, target);
        } else if (item instanceof VpcItem vpc) {
            return vpc(vpc, target);
        } else if (item instanceof EndpointItem endpoint) {
            return endpoint(endpoint, target);
        }
        throw new IllegalArgumentException("no rules for " + item);
    }

    static List<Finding> securityGroup(SecurityGroupItem group, Target target) {
        List<Finding> findings = new ArrayList<>();
        String where = group.vpcId() == null ? "" : " in " + group.vpcId();
        List<Permission> open = group.permissions().stream().filter(p -> p.ingress() && p.fromAnywhere()).toList();
        if (!open.isEmpty()) {
            findings.add(Finding.of(Rule.SG_OPEN_INGRESS, target, group.resourceType(), group.id(),
                    group.label() + where + " admits the internet: " + describe(open),
                    target.isLive() ? revokeAll(group, open, target) + "; AGC's instances and endpoints need no "
                            + "inbound traffic from the internet"
                            : "remove the ingress from " + sources(open) + " (" + origins(open) + "); agc-infra's "
                            + "stacks open nothing to the internet",
                    openIngressReferences(open)));
        }
        List<Permission> rest = group.permissions().stream().filter(p -> !(p.ingress() && p.fromAnywhere())).toList();
        if (group.role() == Role.DEFAULT && !rest.isEmpty()) {
            findings.add(Finding.of(Rule.SG_DEFAULT_RULES, target, group.resourceType(), group.id(),
                    group.label() + where + " has " + count(rest, "rule") + ": " + describe(rest),
                    defaultGroupFix(group, rest, target)));
        }
        if (group.role() == Role.ENDPOINTS) {
            List<Permission> beyond = rest.stream().filter(p -> p.ingress() && !httpsFromVpc(p, group)).toList();
            if (!beyond.isEmpty()) {
                findings.add(Finding.of(Rule.SG_ENDPOINTS_SCOPE, target, group.resourceType(), group.id(),
                        group.label() + where + " admits more than TCP 443 from the VPC's CIDR: " + describe(beyond),
                        target.isLive() ? revokeAll(group, beyond, target) + "; the endpoints need only TCP 443 from "
                                + "the VPC's CIDR"
                                : "keep only TCP 443 from the VPC's CIDR: remove " + origins(beyond)));
            }
        }
        return findings;
    }

    static List<Finding> bucket(BucketSettings bucket, Target target) {
        List<Finding> findings = new ArrayList<>();
        boolean live = target.isLive();
        String name = bucket.name() != null ? bucket.name() : "BUCKET";
        String restore = !live ? "" : bucket.role() == BucketSettings.Role.STATE
                ? " (agc-infra account activate also sets it on the state bucket)"
                : " (for the bucket agc-infra created, terraform apply of " + target.dataStack() + " also restores it)";
        List<String> off = bucket.publicAccess().off();
        if (!off.isEmpty()) {
            findings.add(Finding.of(Rule.S3_PUBLIC_ACCESS, target, bucket.resourceType(), bucket.id(),
                    bucket.label() + " does not block all public access: " + String.join(", ", off) + " off",
                    live ? "aws s3api put-public-access-block --bucket " + name + " --public-access-block-configuration "
                            + "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,"
                            + "RestrictPublicBuckets=true" + restore
                            : "give " + bucket.id() + " an aws_s3_bucket_public_access_block with block_public_acls, "
                            + "ignore_public_acls, block_public_policy and restrict_public_buckets all true",
                    publicAccessReferences(bucket.publicAccess())));
        }
        TlsOnlyPolicy.Verdict tls = TlsOnlyPolicy.check(bucket.policy(), bucket.arns());
        if (!tls.tlsOnly()) {
            String statement = "{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                    + "\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::" + name + "\",\"arn:aws:s3:::" + name
                    + "/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}";
            findings.add(Finding.of(Rule.S3_TLS_ONLY, target, bucket.resourceType(), bucket.id(),
                    bucket.label() + " allows requests without TLS: " + tls.why(),
                    live ? "add this statement to the bucket policy (aws s3api get-bucket-policy, then "
                            + "put-bucket-policy --bucket " + name + "): " + statement + restore
                            : "give " + bucket.id() + " an aws_s3_bucket_policy with a statement denying s3:* to "
                            + "\"*\" on the bucket and its objects when aws:SecureTransport is \"false\""));
        }
        if (bucket.sseAlgorithm() == null) {
            findings.add(Finding.of(Rule.S3_ENCRYPTION, target, bucket.resourceType(), bucket.id(),
                    bucket.label() + " has no default encryption",
                    live ? "aws s3api put-bucket-encryption --bucket " + name + " --server-side-encryption-configuration "
                            + "'{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":{\"SSEAlgorithm\":\"aws:kms\"},"
                            + "\"BucketKeyEnabled\":true}]}'" + restore
                            : "give " + bucket.id() + " an aws_s3_bucket_server_side_encryption_configuration "
                            + "(agc-infra's: sse_algorithm aws:kms with bucket_key_enabled)"));
        }
        if (!"BucketOwnerEnforced".equals(bucket.objectOwnership())) {
            findings.add(Finding.of(Rule.S3_OBJECT_OWNERSHIP, target, bucket.resourceType(), bucket.id(),
                    bucket.label() + " does not enforce object ownership ("
                            + (bucket.objectOwnership() == null ? "no ownership controls" : bucket.objectOwnership())
                            + "), so ACLs still apply",
                    live ? "move any access an ACL grants into the bucket policy, then aws s3api "
                            + "put-bucket-ownership-controls --bucket " + name
                            + " --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'"
                            : "give " + bucket.id() + " an aws_s3_bucket_ownership_controls with object_ownership "
                            + "BucketOwnerEnforced"));
        }
        if (bucket.role() == BucketSettings.Role.STATE && !"Enabled".equals(bucket.versioning())) {
            findings.add(Finding.of(Rule.S3_STATE_VERSIONING, target, bucket.resourceType(), bucket.id(),
                    bucket.label() + " is not versioned (" + (bucket.versioning() == null ? "never enabled"
                            : bucket.versioning()) + ")",
                    live ? "aws s3api put-bucket-versioning --bucket " + name
                            + " --versioning-configuration Status=Enabled (agc-infra account activate also turns it on)"
                            : "give " + bucket.id() + " an aws_s3_bucket_versioning with status Enabled"));
        }
        return findings;
    }

    static List<Finding> table(TableItem table, Target target) {
        if (table.pointInTimeRecovery()) {
            return List.of();
        }
        return List.of(Finding.of(Rule.DYNAMODB_PITR, target, table.resourceType(), table.id(),
                table.label() + " has point-in-time recovery off",
                target.isLive() ? "aws dynamodb update-continuous-backups" + target.regionFlag() + " --table-name "
                        + table.id() + " --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true "
                        + "(terraform apply of " + target.coreStack() + " also turns it back on)"
                        : "set point_in_time_recovery { enabled = true } on " + table.id()));
    }

    static List<Finding> subnet(SubnetItem subnet, Target target) {
        if (subnet.type() != SubnetItem.Type.PRIVATE || !subnet.mapPublicIpOnLaunch()) {
            return List.of();
        }
        return List.of(Finding.of(Rule.SUBNET_PRIVATE_PUBLIC_IP, target, subnet.resourceType(), subnet.id(),
                subnet.label() + (subnet.vpcId() == null ? "" : " in " + subnet.vpcId())
                        + " gives every instance launched in it a public IPv4 address",
                target.isLive() ? "aws ec2 modify-subnet-attribute" + target.regionFlag() + " --subnet-id " + subnet.id()
                        + " --no-map-public-ip-on-launch (terraform apply of " + target.coreStack()
                        + " also restores it)"
                        : "set map_public_ip_on_launch = false on " + subnet.id()));
    }

    static List<Finding> vpc(VpcItem vpc, Target target) {
        List<Finding> findings = new ArrayList<>();
        if (vpc.publicSubnetMode()) {
            findings.add(Finding.of(Rule.SUBNET_PUBLIC_MODE, target, vpc.resourceType(), vpc.id(),
                    vpc.label() + " has only public subnets that give instances public IPv4 addresses "
                            + "(usePublicSubnets): AGC's batch instances are on the internet, as AGC warns",
                    "keep their security groups closed to inbound traffic; to take them off the internet, run this "
                            + "region with private subnets (usePublicSubnets: false, after agc-infra account "
                            + "deactivate; agc-audit estimate --compare shows what the NAT gateways cost)"));
        }
        if (!vpc.flowLogs()) {
            findings.add(Finding.of(Rule.VPC_FLOW_LOGS, target, vpc.resourceType(), vpc.id(),
                    vpc.label() + " has no flow logs (agc-infra creates them only with flowLogs: true: they bill "
                            + "per GB)",
                    target.isLive() ? "nothing, if that is your choice; to record the traffic of a VPC agc-infra "
                            + "created, set flowLogs: true for its region in agc.yaml and activate again; of your own "
                            + "VPC: aws ec2 create-flow-logs" + target.regionFlag() + " --resource-type VPC "
                            + "--resource-ids " + vpc.id() + " --traffic-type ALL --log-destination-type s3 "
                            + "--log-destination arn:aws:s3:::BUCKET/vpc-flow-logs/"
                            : "nothing, if that is your choice; to record the VPC's traffic, set flowLogs: true for "
                            + "the stack's region in agc.yaml (or add an aws_flow_log for " + vpc.id() + ")"));
        }
        return findings;
    }

    static List<Finding> endpoint(EndpointItem endpoint, Target target) {
        if (!endpoint.isInterface() || endpoint.privateDns()) {
            return List.of();
        }
        return List.of(Finding.of(Rule.ENDPOINT_PRIVATE_DNS, target, endpoint.resourceType(), endpoint.id(),
                endpoint.label() + " has private DNS off: traffic to the service still goes through the NAT "
                        + "gateways, billed twice",
                target.isLive() ? "aws ec2 modify-vpc-endpoint" + target.regionFlag() + " --vpc-endpoint-id "
                        + endpoint.id() + " --private-dns-enabled (terraform apply of " + target.coreStack()
                        + " also turns it on)"
                        : "set private_dns_enabled = true on " + endpoint.id()));
    }

    /** TCP, only port 443, from within the VPC's CIDR: all the endpoint group should admit. */
    private static boolean httpsFromVpc(Permission permission, SecurityGroupItem group) {
        return permission.protocol().equals("tcp") && permission.fromPort() == 443 && permission.toPort() == 443
                && group.vpcCidrs().stream().anyMatch(cidr -> Cidrs.within(permission.source(), cidr));
    }

    private static String defaultGroupFix(SecurityGroupItem group, List<Permission> rules, Target target) {
        if (target.isLive()) {
            return "remove every rule: " + revokeAll(group, rules, target) + " (in a VPC agc-infra created, "
                    + "terraform apply of " + target.coreStack() + " also does: its aws_default_security_group keeps "
                    + "the group empty)";
        }
        if (group.note() != null) {
            return "adopt the VPC's default security group with an aws_default_security_group that has no ingress or "
                    + "egress, as agc-infra's AgcVpc does";
        }
        return "remove every ingress and egress of " + group.id() + " (" + origins(rules) + ")";
    }

    private static List<String> openIngressReferences(List<Permission> open) {
        List<String> references = new ArrayList<>();
        if (open.stream().anyMatch(p -> p.covers(22))) {
            references.add("CKV_AWS_24");
        }
        if (open.stream().anyMatch(p -> p.covers(3389))) {
            references.add("CKV_AWS_25");
        }
        if (open.stream().anyMatch(p -> p.covers(80))) {
            references.add("CKV_AWS_260");
        }
        if (open.stream().anyMatch(Permission::allPorts)) {
            references.add("CKV_AWS_277");
        }
        references.add("AVD-AWS-0107");
        return references;
    }

    /** CKV_AWS_53 to 56: one per block, in S3's order. */
    private static List<String> publicAccessReferences(BucketSettings.PublicAccess access) {
        List<String> references = new ArrayList<>();
        if (!access.blockPublicAcls()) {
            references.add("CKV_AWS_53");
        }
        if (!access.blockPublicPolicy()) {
            references.add("CKV_AWS_54");
        }
        if (!access.ignorePublicAcls()) {
            references.add("CKV_AWS_55");
        }
        if (!access.restrictPublicBuckets()) {
            references.add("CKV_AWS_56");
        }
        return references;
    }

    private static String describe(List<Permission> permissions) {
        return permissions.stream().map(Permission::describe).collect(Collectors.joining(", "));
    }

    private static String sources(List<Permission> permissions) {
        return permissions.stream().map(Permission::source).distinct().collect(Collectors.joining(" and "));
    }

    private static String origins(List<Permission> permissions) {
        return permissions.stream().map(Permission::origin).filter(o -> o != null).distinct()
                .collect(Collectors.joining(", "));
    }

    private static String count(List<?> items, String noun) {
        return items.size() + " " + noun + (items.size() == 1 ? "" : "s");
    }

    /** One AWS CLI command per rule, joined with {@code ; }. */
    private static String revokeAll(SecurityGroupItem group, List<Permission> permissions, Target target) {
        return permissions.stream().map(p -> revoke(group.id(), p, target)).collect(Collectors.joining("; "));
    }

    /** {@code aws ec2 revoke-security-group-ingress --region R --group-id G --ip-permissions '...'}. */
    static String revoke(String groupId, Permission p, Target target) {
        StringBuilder spec = new StringBuilder("IpProtocol=").append(p.protocol());
        if (!p.protocol().equals("-1")) {
            spec.append(",FromPort=").append(p.fromPort()).append(",ToPort=").append(p.toPort());
        }
        String source = p.source();
        if (source.startsWith("sg-")) {
            spec.append(",UserIdGroupPairs=[{GroupId=").append(source).append("}]");
        } else if (source.startsWith("pl-")) {
            spec.append(",PrefixListIds=[{PrefixListId=").append(source).append("}]");
        } else if (source.contains(":")) {
            spec.append(",Ipv6Ranges=[{CidrIpv6=").append(source).append("}]");
        } else {
            spec.append(",IpRanges=[{CidrIp=").append(source).append("}]");
        }
        return "aws ec2 revoke-security-group-" + (p.ingress() ? "ingress" : "egress") + target.regionFlag()
                + " --group-id " + groupId + " --ip-permissions '" + spec + "'";
    }
}
