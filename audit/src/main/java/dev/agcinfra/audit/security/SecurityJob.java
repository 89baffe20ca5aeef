package dev.agcinfra.audit.security;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.aws.AwsCall;
import dev.agcinfra.aws.AwsCall.AwsCallException;
import dev.agcinfra.aws.AwsErrors;
import dev.agcinfra.audit.batch.ItemReader;
import dev.agcinfra.audit.batch.Job;
import dev.agcinfra.audit.batch.RegionContext;
import dev.agcinfra.audit.batch.Step;
import dev.agcinfra.audit.provenance.Owned;
import dev.agcinfra.audit.provenance.Ownership;
import dev.agcinfra.audit.provenance.Protection;
import dev.agcinfra.audit.retained.BucketReader;
import dev.agcinfra.audit.retained.RetainedJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.FlowLog;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.OwnershipControls;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionConfiguration;

/**
 * The live {@code security} job: per region, AGC's resources read and judged by the same rules as the synthesized
 * stacks, plus drift.
 *
 * <p>Which resources: the <em>AGC VPCs</em> (tagged, or listed as created by agc-infra's Terraform state) and, in
 * them, every subnet, endpoint and security group (whatever their tags, so that a resource that lost its tag is still
 * checked); the buckets {@code retained} looks at (tagged, the default results bucket, the state bucket, those the
 * settings or the state name), each only when it is in the region; the table {@code Agc}. Steps, in this order:
 * {@code vpcs}, {@code subnets}, {@code vpc-endpoints}, {@code security-groups}, {@code buckets}, {@code table}.
 * Every resource comes with the region's ownership evidence (agc-infra's state history, read once per region), which
 * the drift rules need.
 */
public final class SecurityJob {

    /** The job's name, also its command's. */
    public static final String NAME = "security";

    /** AGC's table. */
    public static final String TABLE = "Agc";

    private static final String VPCS = "security.vpcs";
    private static final String SUBNETS = "security.subnets";
    private static final String ENDPOINTS = "security.endpoints";

    /**
     * What the job is told.
     *
     * @param tag          the tag that marks AGC's resources
     * @param protection   what the settings file names, and the state bucket template
     * @param stateBuckets per region, the state bucket a synthesized stack's backend names (wins over the template)
     * @param expected     the synthesized stacks for the drift rule, or {@link Drift.Expected#NONE}
     */
    public record Options(TagFilter tag, Protection protection, Map<String, String> stateBuckets,
            Drift.Expected expected) {

        public Options {
            Objects.requireNonNull(tag, "tag must be non-null");
            Objects.requireNonNull(protection, "protection must be non-null");
            stateBuckets = Map.copyOf(stateBuckets);
            Objects.requireNonNull(expected, "expected must be non-null");
        }

        /** The settings' protection, with the region's state bucket from its synthesized stack when there is one. */
        Protection protection(String region) {
            String bucket = stateBuckets.get(region);
            return bucket == null ? protection : new Protection(protection.protectedIds(), bucket);
        }
    }

    private SecurityJob() {
    }

    public static Job<Checked> create(Options options) {
        Filter tagged = Filter.builder().name("tag:" + options.tag().key()).values(options.tag().value()).build();
        return new Job<>(NAME, List.of(
                step("vpcs", "ec2", "DescribeVpcs", options, context -> {
                    List<Vpc> vpcs = vpcs(context, options, tagged);
                    if (vpcs.isEmpty()) {
                        return List.of();
                    }
                    Set<String> flowLogs = new LinkedHashSet<>();
                    ec2(context, "DescribeFlowLogs", ec2 -> ec2.describeFlowLogsPaginator(r -> r.filter(
                                    Filter.builder().name("resource-id").values(ids(vpcs, Vpc::vpcId)).build()))
                            .flowLogs().stream().map(FlowLog::resourceId).toList()).forEach(flowLogs::add);
                    List<Subnet> subnets = subnets(context, options, tagged);
                    return vpcs.stream().map(vpc -> (Checkable) LiveItems.vpc(vpc, flowLogs, subnets)).toList();
                }),
                step("subnets", "ec2", "DescribeSubnets", options, context -> subnets(context, options, tagged)
                        .stream().map(subnet -> (Checkable) LiveItems.subnet(subnet)).toList()),
                step("vpc-endpoints", "ec2", "DescribeVpcEndpoints", options, context -> endpoints(context, options,
                        tagged).stream().map(endpoint -> (Checkable) LiveItems.endpoint(endpoint)).toList()),
                step("security-groups", "ec2", "DescribeSecurityGroups", options, context -> {
                    List<Vpc> vpcs = vpcs(context, options, tagged);
                    if (vpcs.isEmpty()) {
                        return List.of();
                    }
                    Map<String, List<String>> cidrs = new LinkedHashMap<>();
                    vpcs.forEach(vpc -> cidrs.put(vpc.vpcId(), LiveItems.cidrs(vpc)));
                    Set<String> endpointGroups = new LinkedHashSet<>();
                    endpoints(context, options, tagged).stream().filter(e -> "Interface".equals(
                            e.vpcEndpointTypeAsString())).forEach(e -> e.groups().forEach(
                                    g -> endpointGroups.add(g.groupId())));
                    List<SecurityGroup> groups = ec2(context, "DescribeSecurityGroups", ec2 -> ec2
                            .describeSecurityGroupsPaginator(r -> r.filters(inVpcs(vpcs))).securityGroups().stream()
                            .toList());
                    return groups.stream().map(group -> (Checkable) LiveItems.securityGroup(group,
                            cidrs.getOrDefault(group.vpcId(), List.of()), endpointGroups)).toList();
                }),
                step("buckets", "s3", "HeadBucket", options, context -> buckets(context, options)),
                step("table", "dynamodb", "DescribeTable", options, SecurityJob::table)));
    }

    /** A step whose reader gives one page: the resources {@code read} returns, each with the region's evidence. */
    private static Step<Owned<Checkable>, Checked> step(String name, String service, String operation,
            Options options, Function<RegionContext, List<Checkable>> read) {
        return new Step<>(name, service, operation,
                context -> () -> {
                    Ownership ownership = RetainedJob.ownership(context, options.protection(context.region()));
                    List<Owned<Checkable>> page = read.apply(context).stream()
                            .map(item -> new Owned<>(item, ownership)).toList();
                    return Stream.of(page);
                },
                scope -> owned -> check(owned, Target.live(scope.region()), options.expected())
                        .inAccount(scope.account()));
    }

    /** The processor: the security rules and the drift rules of one resource. Pure. */
    static Checked check(Owned<Checkable> owned, Target target, Drift.Expected expected) {
        Checkable item = owned.item();
        List<Finding> findings = new ArrayList<>(SecurityRules.check(item, target));
        findings.addAll(Drift.check(item, owned.ownership().of(item.id()), expected, target));
        return new Checked(target.region(), item.resourceType(), item.id(), findings);
    }

    /** AGC's VPCs: tagged, or created by agc-infra by its state (read once per region). */
    static List<Vpc> vpcs(RegionContext context, Options options, Filter tagged) {
        return once(context, VPCS, () -> {
            Map<String, Vpc> vpcs = new LinkedHashMap<>();
            ec2(context, "DescribeVpcs", ec2 -> ec2.describeVpcsPaginator(r -> r.filters(tagged)).vpcs().stream()
                    .toList()).forEach(vpc -> vpcs.put(vpc.vpcId(), vpc));
            List<String> created = RetainedJob.ownership(context, options.protection(context.region())).history()
                    .managed().entrySet().stream()
                    .filter(e -> e.getValue().address().startsWith("aws_vpc.") && !vpcs.containsKey(e.getKey()))
                    .map(Map.Entry::getKey).sorted().toList();
            if (!created.isEmpty()) {
                ec2(context, "DescribeVpcs", ec2 -> ec2.describeVpcsPaginator(r -> r.filters(
                                Filter.builder().name("vpc-id").values(created).build())).vpcs().stream().toList())
                        .forEach(vpc -> vpcs.put(vpc.vpcId(), vpc));
            }
            return List.copyOf(vpcs.values());
        });
    }

    static List<Subnet> subnets(RegionContext context, Options options, Filter tagged) {
        return once(context, SUBNETS, () -> {
            List<Vpc> vpcs = vpcs(context, options, tagged);
            return vpcs.isEmpty() ? List.<Subnet>of() : ec2(context, "DescribeSubnets", ec2 -> ec2
                    .describeSubnetsPaginator(r -> r.filters(inVpcs(vpcs))).subnets().stream().toList());
        });
    }

    static List<VpcEndpoint> endpoints(RegionContext context, Options options, Filter tagged) {
        return once(context, ENDPOINTS, () -> {
            List<Vpc> vpcs = vpcs(context, options, tagged);
            return vpcs.isEmpty() ? List.<VpcEndpoint>of() : ec2(context, "DescribeVpcEndpoints", ec2 -> ec2
                    .describeVpcEndpointsPaginator(r -> r.filters(inVpcs(vpcs))).vpcEndpoints().stream().toList());
        });
    }

    /**
     * The buckets {@code retained} looks at, each read when it is in this region: public access block, policy,
     * encryption, ownership controls, versioning, tags. A bucket whose settings cannot be read is reported as an
     * error of the run and skipped; the others are still read.
     */
    static List<Checkable> buckets(RegionContext context, Options options) {
        Protection protection = options.protection(context.region());
        Ownership ownership = RetainedJob.ownership(context, protection);
        Map<String, Boolean> candidates = AwsCall.call("tagging", "GetResources",
                () -> BucketReader.candidates(context, options.tag(), protection, ownership.history()));
        String stateBucket = protection.stateBucket(context.scope().account(), context.region());
        List<Checkable> buckets = new ArrayList<>();
        candidates.forEach((name, byNameOnly) -> {
            try {
                if (inRegion(context, name, byNameOnly)) {
                    buckets.add(bucket(context.clients().s3(), name, name.equals(stateBucket)
                            ? BucketSettings.Role.STATE : BucketSettings.Role.RESULTS));
                }
            } catch (AwsCallException e) {
                if (AwsErrors.isRegionWide(e.getCause())) {
                    throw e;
                }
                context.recordError(e.service(), e.operation(), e.getCause());
            }
        });
        return buckets;
    }

    /** Whether the bucket exists in this region (HeadBucket's region header); a bucket found only by name that S3 denies is another account's. */
    private static boolean inRegion(RegionContext context, String name, boolean byNameOnly) {
        S3Client s3 = context.clients().s3();
        String region;
        try {
            region = AwsCall.call("s3", "HeadBucket", () -> s3.headBucket(r -> r.bucket(name)).bucketRegion());
        } catch (AwsCallException e) {
            if (e.getCause() instanceof S3Exception s3e && (s3e.statusCode() == 404 || s3e.statusCode() == 301
                    || byNameOnly && s3e.statusCode() == 403)) {
                return false;
            }
            throw e;
        }
        if (region == null) {
            String constraint = AwsCall.call("s3", "GetBucketLocation",
                    () -> s3.getBucketLocation(r -> r.bucket(name)).locationConstraintAsString());
            region = constraint == null || constraint.isEmpty() ? "us-east-1"
                    : constraint.equals("EU") ? "eu-west-1" : constraint;
        }
        return context.region().equals(region);
    }

    static BucketSettings bucket(S3Client s3, String name, BucketSettings.Role role) {
        PublicAccessBlockConfiguration block = orNull("GetPublicAccessBlock",
                () -> s3.getPublicAccessBlock(r -> r.bucket(name)).publicAccessBlockConfiguration());
        String policy = orNull("GetBucketPolicy", () -> s3.getBucketPolicy(r -> r.bucket(name)).policy());
        ServerSideEncryptionConfiguration encryption = orNull("GetBucketEncryption",
                () -> s3.getBucketEncryption(r -> r.bucket(name)).serverSideEncryptionConfiguration());
        OwnershipControls ownership = orNull("GetBucketOwnershipControls",
                () -> s3.getBucketOwnershipControls(r -> r.bucket(name)).ownershipControls());
        BucketVersioningStatus versioning = AwsCall.call("s3", "GetBucketVersioning",
                () -> s3.getBucketVersioning(r -> r.bucket(name)).status());
        List<software.amazon.awssdk.services.s3.model.Tag> tags = orNull("GetBucketTagging",
                () -> s3.getBucketTagging(r -> r.bucket(name)).tagSet());
        return LiveItems.bucket(name, role, block, policy, encryption, ownership, versioning,
                tags == null ? List.of() : tags);
    }

    /** An S3 read whose "not found" answer (404: no such configuration) means the setting is absent. */
    private static <T> T orNull(String operation, Supplier<T> call) {
        try {
            return AwsCall.call("s3", operation, call);
        } catch (AwsCallException e) {
            if (e.getCause() instanceof S3Exception s3e && s3e.statusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** AGC's table, when the region has one. */
    static List<Checkable> table(RegionContext context) {
        DynamoDbClient dynamo = context.clients().dynamoDb();
        TableDescription table;
        try {
            table = AwsCall.call("dynamodb", "DescribeTable", () -> dynamo.describeTable(r -> r.tableName(TABLE))
                    .table());
        } catch (AwsCallException e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                return List.of();
            }
            throw e;
        }
        ContinuousBackupsDescription backups = AwsCall.call("dynamodb", "DescribeContinuousBackups",
                () -> dynamo.describeContinuousBackups(r -> r.tableName(TABLE)).continuousBackupsDescription());
        List<software.amazon.awssdk.services.dynamodb.model.Tag> tags = AwsCall.call("dynamodb",
                "ListTagsOfResource", () -> dynamo.listTagsOfResource(r -> r.resourceArn(table.tableArn())).tags());
        return List.of(LiveItems.table(table, backups, tags));
    }

    /**
     * A lookup several steps share, made once per region: its answer is kept, and so is its failure, which ends the
     * first step that needs it (reported once); later steps then see nothing rather than fail again.
     */
    private static <T> List<T> once(RegionContext context, String key, Supplier<List<T>> lookup) {
        Lookup<T> shared = context.data(key, Lookup::new);
        if (shared.failed) {
            return List.of();
        }
        if (shared.value == null) {
            try {
                shared.value = lookup.get();
            } catch (RuntimeException e) {
                shared.failed = true;
                throw e;
            }
        }
        return shared.value;
    }

    /** A shared lookup's answer, or that it failed. */
    private static final class Lookup<T> {
        List<T> value;
        boolean failed;
    }

    private static <T> T ec2(RegionContext context, String operation, Function<Ec2Client, T> call) {
        return AwsCall.call("ec2", operation, () -> call.apply(context.clients().ec2()));
    }

    private static Filter inVpcs(List<Vpc> vpcs) {
        return Filter.builder().name("vpc-id").values(ids(vpcs, Vpc::vpcId)).build();
    }

    private static <T> List<String> ids(List<T> items, Function<T, String> id) {
        return items.stream().map(id).toList();
    }
}
