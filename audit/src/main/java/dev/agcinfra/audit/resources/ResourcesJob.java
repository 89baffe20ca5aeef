package dev.agcinfra.audit.resources;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.aws.AwsCall;
import dev.agcinfra.aws.AwsErrors;
import dev.agcinfra.audit.batch.ItemReader;
import dev.agcinfra.audit.batch.Job;
import dev.agcinfra.audit.batch.RegionContext;
import dev.agcinfra.audit.batch.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;

/**
 * The {@code resources} job: every resource that carries the tag, per region.
 *
 * <p>Steps, in this order for each region (earlier steps win when the same ARN comes twice):
 * <ol>
 *   <li>{@code nat-gateways}: EC2 DescribeNatGateways with a {@code tag:<key>} filter (gives the state);</li>
 *   <li>{@code vpc-endpoints}: EC2 DescribeVpcEndpoints, same filter (the Tagging API can miss endpoints);</li>
 *   <li>{@code elastic-ips}: EC2 DescribeAddresses, same filter (associated or idle);</li>
 *   <li>{@code tagged}: Tagging API GetResources, every page; S3 buckets placed in their own region by
 *       GetBucketLocation;</li>
 *   <li>{@code log-groups}: CloudWatch Logs DescribeLogGroups under each AGC name prefix, because the log groups
 *       Lambda and Batch create for AGC are often untagged; those the tagged step already listed are skipped, the
 *       others get their tags from ListTagsForResource.</li>
 * </ol>
 */
public final class ResourcesJob {

    /** The job's name, also its command's. */
    public static final String NAME = "resources";

    /**
     * Log group name prefixes AGC uses: {@code /aws/lambda/Agc-} for the Lambda functions of its CDK stacks
     * ({@code Agc-Core-...}, {@code Agc-Context-...}) and {@code Agc-} for groups its stacks name themselves
     * ({@code Agc-Context-<project>-<user>-<context>-...LogGroup...}). Batch job logs go to the shared
     * {@code /aws/batch/job} group, which is not AGC's alone, so it is not a prefix.
     */
    public static final List<String> DEFAULT_LOG_GROUP_PREFIXES = List.of("/aws/lambda/Agc-", "Agc-");

    /** Results per Tagging API page (the API's maximum). */
    public static final int TAGGING_PAGE_SIZE = 100;

    private static final String TAGGED_LOG_GROUPS = "resources.tagged-log-groups";

    private ResourcesJob() {
    }

    /**
     * The job for a tag, a set of audited regions (a bucket outside them is not reported) and log group prefixes.
     */
    public static Job<Resource> create(TagFilter tag, List<String> auditedRegions, List<String> logGroupPrefixes) {
        Set<String> audited = Set.copyOf(auditedRegions);
        Filter ec2Filter = Filter.builder().name("tag:" + tag.key()).values(tag.value()).build();
        List<String> prefixes = List.copyOf(logGroupPrefixes);
        return new Job<>(NAME, List.of(
                new Step<NatGateway, Resource>("nat-gateways", "ec2", "DescribeNatGateways",
                        context -> ItemReader.of(
                                context.clients().ec2().describeNatGatewaysPaginator(r -> r.filter(ec2Filter)),
                                response -> response.natGateways()),
                        scope -> new NatGatewayProcessor(scope, tag)),
                new Step<VpcEndpoint, Resource>("vpc-endpoints", "ec2", "DescribeVpcEndpoints",
                        context -> ItemReader.of(
                                context.clients().ec2().describeVpcEndpointsPaginator(r -> r.filters(ec2Filter)),
                                response -> response.vpcEndpoints()),
                        scope -> new VpcEndpointProcessor(scope, tag)),
                new Step<Address, Resource>("elastic-ips", "ec2", "DescribeAddresses",
                        context -> () -> Stream.of(context.clients().ec2()
                                .describeAddresses(r -> r.filters(ec2Filter)).addresses()),
                        scope -> new ElasticIpProcessor(scope, tag)),
                new Step<TaggedResource, Resource>("tagged", "tagging", "GetResources",
                        context -> taggedReader(context, tag),
                        scope -> new TaggedResourceProcessor(scope, audited)),
                new Step<LogGroupItem, Resource>("log-groups", "logs", "DescribeLogGroups",
                        context -> logGroupReader(context, prefixes),
                        LogGroupProcessor::new)));
    }

    /** GetResources page by page; each page's buckets are located with GetBucketLocation. */
    static ItemReader<TaggedResource> taggedReader(RegionContext context, TagFilter tag) {
        Set<String> taggedLogGroups = context.data(TAGGED_LOG_GROUPS, HashSet::new);
        return () -> context.clients().tagging()
                .getResourcesPaginator(r -> r.tagFilters(software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter
                                .builder().key(tag.key()).values(tag.value()).build())
                        .resourcesPerPage(TAGGING_PAGE_SIZE))
                .stream()
                .map(page -> {
                    List<TaggedResource> items = new ArrayList<>(page.resourceTagMappingList().size());
                    for (ResourceTagMapping mapping : page.resourceTagMappingList()) {
                        String arn = mapping.resourceARN();
                        if (arn.startsWith("arn:") && arn.contains(":s3:::") && !arn.contains("/")) {
                            items.add(new TaggedResource(mapping, bucketRegion(context, Arn.parse(arn).id())));
                        } else {
                            if (arn.contains(":logs:") && arn.contains(":log-group:")) {
                                taggedLogGroups.add(arn);
                            }
                            items.add(new TaggedResource(mapping, null));
                        }
                    }
                    return items;
                });
    }

    /**
     * The bucket's region: GetBucketLocation gives no constraint for us-east-1 and {@code EU} for eu-west-1. When the
     * call fails (e.g. no s3:GetBucketLocation permission) the error is recorded and null returned: the bucket is
     * then listed in the region whose API returned it, and the other resources are still read.
     */
    static String bucketRegion(RegionContext context, String bucket) {
        String constraint;
        try {
            constraint = context.clients().s3().getBucketLocation(r -> r.bucket(bucket)).locationConstraintAsString();
        } catch (SdkException e) {
            if (AwsErrors.isRegionWide(e)) {
                throw new AwsCall.AwsCallException("s3", "GetBucketLocation", e);
            }
            context.recordError("s3", "GetBucketLocation", e);
            return null;
        }
        if (constraint == null || constraint.isEmpty()) {
            return "us-east-1";
        }
        if (constraint.equals(BucketLocationConstraint.EU.toString())) {
            return "eu-west-1";
        }
        return constraint;
    }

    /** DescribeLogGroups for each prefix, skipping groups the tagged step listed; the rest with their tags. */
    static ItemReader<LogGroupItem> logGroupReader(RegionContext context, List<String> prefixes) {
        Set<String> taggedLogGroups = context.data(TAGGED_LOG_GROUPS, HashSet::new);
        return () -> prefixes.stream()
                .flatMap(prefix -> context.clients().logs()
                        .describeLogGroupsPaginator(r -> r.logGroupNamePrefix(prefix))
                        .stream())
                .map(page -> {
                    List<LogGroupItem> items = new ArrayList<>();
                    for (LogGroup group : page.logGroups()) {
                        String arn = LogGroupProcessor.arn(context.scope(), new LogGroupItem(group, Map.of()));
                        if (!taggedLogGroups.contains(arn)) {
                            items.add(new LogGroupItem(group, logGroupTags(context, arn)));
                        }
                    }
                    return items;
                });
    }

    private static Map<String, String> logGroupTags(RegionContext context, String arn) {
        return new LinkedHashMap<>(AwsCall.call("logs", "ListTagsForResource",
                () -> context.clients().logs().listTagsForResource(r -> r.resourceArn(arn)).tags()));
    }
}
