package dev.agcinfra.audit.retained;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.aws.AwsCall;
import dev.agcinfra.audit.batch.ItemReader;
import dev.agcinfra.audit.batch.Job;
import dev.agcinfra.audit.batch.RegionContext;
import dev.agcinfra.audit.batch.Step;
import dev.agcinfra.audit.provenance.Owned;
import dev.agcinfra.audit.provenance.Ownership;
import dev.agcinfra.audit.provenance.Protection;
import dev.agcinfra.audit.provenance.StateHistory;
import dev.agcinfra.audit.provenance.StateHistoryReader;
import dev.agcinfra.audit.resources.LogGroupItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * The {@code retained} job's two jobs: {@link #activity} decides, per region, whether agc-infra is active; then
 * {@link #findings} reads the deactivated regions only.
 *
 * <p>Every finding's owner is proven by {@link #ownership}: agc-infra's state history of the region and the settings
 * file; tags only find the candidates. Steps of {@link #findings}, in this order for each region, so that orphans
 * come first:
 * <ol>
 *   <li>{@code nat-gateways}, {@code vpc-endpoints}, {@code elastic-ips}, {@code vpcs}: EC2 with a {@code tag:<key>}
 *       filter; what still bills by the hour, and the VPC holding it;</li>
 *   <li>{@code buckets}: see {@link BucketReader};</li>
 *   <li>{@code log-groups}: tagged log groups (Tagging API) and every log group under AGC's name prefixes (the
 *       {@code resources} job's), each once, with {@code storedBytes} and retention.</li>
 * </ol>
 */
public final class RetainedJob {

    /** The job's name, also its command's. */
    public static final String NAME = "retained";

    /**
     * The operation named in the error when agc-infra's state could not be read (ListObjectVersions or GetObject of
     * the state files): the findings it leaves unproven are owned by {@code unknown}, and the report goes on.
     */
    public static final String READ_STATE = "ReadTerraformState";

    private RetainedJob() {
    }

    /** One item per region: whether {@code /agc/_common/vpc} exists (SSM GetParameter). */
    public static Job<RegionStatus> activity() {
        return new Job<>(NAME + "-activity", List.of(new Step<RegionStatus, RegionStatus>("activity", "ssm",
                "GetParameter", RetainedJob::activityReader, scope -> status -> status)));
    }

    public static ItemReader<RegionStatus> activityReader(RegionContext context) {
        return () -> {
            RegionStatus status;
            try {
                String vpc = context.clients().ssm()
                        .getParameter(r -> r.name(RegionStatus.ACTIVE_PARAMETER)).parameter().value();
                status = new RegionStatus(context.region(), true, vpc, context.scope().account());
            } catch (ParameterNotFoundException e) {
                status = new RegionStatus(context.region(), false, null, context.scope().account());
            }
            return Stream.of(List.of(status));
        };
    }

    /** The findings of deactivated regions. */
    public static Job<Finding> findings(RetainedOptions options) {
        TagFilter tag = options.tag();
        Protection protection = options.protection();
        Filter ec2Filter = Filter.builder().name("tag:" + tag.key()).values(tag.value()).build();
        return new Job<>(NAME, List.of(
                new Step<Owned<NatGateway>, Finding>("nat-gateways", "ec2", "DescribeNatGateways",
                        context -> owned(context, protection, ItemReader.of(context.clients().ec2()
                                .describeNatGatewaysPaginator(r -> r.filter(ec2Filter)), r -> r.natGateways())),
                        scope -> processors(scope, options)::natGateway),
                new Step<Owned<VpcEndpoint>, Finding>("vpc-endpoints", "ec2", "DescribeVpcEndpoints",
                        context -> owned(context, protection, ItemReader.of(context.clients().ec2()
                                .describeVpcEndpointsPaginator(r -> r.filters(ec2Filter)), r -> r.vpcEndpoints())),
                        scope -> processors(scope, options)::vpcEndpoint),
                new Step<Owned<Address>, Finding>("elastic-ips", "ec2", "DescribeAddresses",
                        context -> owned(context, protection, () -> Stream.of(context.clients().ec2()
                                .describeAddresses(r -> r.filters(ec2Filter)).addresses())),
                        scope -> processors(scope, options)::elasticIp),
                new Step<Owned<Vpc>, Finding>("vpcs", "ec2", "DescribeVpcs",
                        context -> owned(context, protection, ItemReader.of(context.clients().ec2()
                                .describeVpcsPaginator(r -> r.filters(ec2Filter)), r -> r.vpcs())),
                        scope -> processors(scope, options)::vpc),
                new Step<Owned<BucketItem>, Finding>("buckets", "tagging", "GetResources",
                        context -> BucketReader.of(context, tag, protection, options.maxObjects()),
                        scope -> processors(scope, options)::bucket),
                new Step<Owned<LogGroupItem>, Finding>("log-groups", "logs", "DescribeLogGroups",
                        context -> owned(context, protection,
                                logGroupReader(context, tag, options.logGroupPrefixes())),
                        scope -> processors(scope, options)::logGroup)));
    }

    /**
     * The region's ownership evidence: every version of agc-infra's state files (read once per partition, by the
     * first step that needs it) and the settings. An AWS error that keeps the state from being read is reported as
     * an error of the run; what it leaves unproven is then owned by {@code unknown}.
     */
    public static Ownership ownership(RegionContext context, Protection protection) {
        return context.data("ownership", () -> {
            StateHistory history = StateHistoryReader.read(context.clients().s3(), context.region(),
                    protection.stateBucket(context.scope().account(), context.region()));
            history.failure().ifPresent(e -> context.recordError("s3", READ_STATE, e));
            return new Ownership(history, protection);
        });
    }

    /** {@code reader}'s items, each with the region's ownership evidence. */
    static <T> ItemReader<Owned<T>> owned(RegionContext context, Protection protection, ItemReader<T> reader) {
        return () -> {
            Ownership ownership = ownership(context, protection);
            return reader.pages().map(page -> page.stream().map(item -> new Owned<>(item, ownership)).toList());
        };
    }

    private static RetainedProcessors processors(dev.agcinfra.audit.batch.RegionScope scope, RetainedOptions options) {
        return new RetainedProcessors(scope, options.tag(), options.protection(), options.logGroupPrefixes(),
                options.pricing());
    }

    /**
     * Tagged log groups (Tagging API, {@code logs:log-group}) and those under the prefixes, each once; the untagged
     * ones found by prefix get their tags from ListTagsForResource.
     */
    static ItemReader<LogGroupItem> logGroupReader(RegionContext context, TagFilter tag, List<String> prefixes) {
        return () -> {
            Map<String, Map<String, String>> tagged = new LinkedHashMap<>();
            AwsCall.call("tagging", "GetResources", () -> {
                // "logs", not "logs:log-group": the Tagging API's narrower filter is answered with nothing by some
                // implementations (moto); the log groups are kept by their ARN.
                context.clients().tagging().getResourcesPaginator(r -> r.tagFilters(
                                f -> f.key(tag.key()).values(tag.value())).resourceTypeFilters("logs"))
                        .resourceTagMappingList().stream()
                        .filter(mapping -> mapping.resourceARN().contains(":log-group:"))
                        .forEach(mapping -> tagged.put(logGroupName(mapping), tagsOf(mapping)));
                return null;
            });
            Set<String> seen = new LinkedHashSet<>();
            Stream<List<LogGroupItem>> byPrefix = prefixes.stream()
                    .flatMap(prefix -> context.clients().logs()
                            .describeLogGroupsPaginator(r -> r.logGroupNamePrefix(prefix)).stream())
                    .map(page -> {
                        List<LogGroupItem> items = new ArrayList<>();
                        for (LogGroup group : page.logGroups()) {
                            if (seen.add(group.logGroupName())) {
                                Map<String, String> tags = tagged.containsKey(group.logGroupName())
                                        ? tagged.get(group.logGroupName()) : logGroupTags(context, group);
                                items.add(new LogGroupItem(group, tags));
                            }
                        }
                        return items;
                    });
            Stream<List<LogGroupItem>> taggedOnly = tagged.keySet().stream()
                    .filter(name -> prefixes.stream().noneMatch(name::startsWith))
                    .map(name -> {
                        List<LogGroupItem> items = new ArrayList<>();
                        if (!seen.add(name)) {
                            return items;
                        }
                        for (LogGroup group : AwsCall.call("logs", "DescribeLogGroups", () -> context.clients().logs()
                                .describeLogGroups(r -> r.logGroupNamePrefix(name)).logGroups())) {
                            if (group.logGroupName().equals(name)) {
                                items.add(new LogGroupItem(group, tagged.get(name)));
                            }
                        }
                        return items;
                    });
            return Stream.concat(byPrefix, taggedOnly);
        };
    }

    private static String logGroupName(ResourceTagMapping mapping) {
        String arn = mapping.resourceARN();
        String name = arn.substring(arn.indexOf(":log-group:") + ":log-group:".length());
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }

    private static Map<String, String> tagsOf(ResourceTagMapping mapping) {
        Map<String, String> tags = new LinkedHashMap<>();
        mapping.tags().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    private static Map<String, String> logGroupTags(RegionContext context, LogGroup group) {
        String arn = group.logGroupArn() != null ? group.logGroupArn()
                : group.arn() != null && group.arn().endsWith(":*") ? group.arn().substring(0, group.arn().length() - 2)
                : "arn:" + context.scope().awsPartition() + ":logs:" + context.region() + ":"
                        + context.scope().account() + ":log-group:" + group.logGroupName();
        return new LinkedHashMap<>(AwsCall.call("logs", "ListTagsForResource",
                () -> context.clients().logs().listTagsForResource(r -> r.resourceArn(arn)).tags()));
    }
}
