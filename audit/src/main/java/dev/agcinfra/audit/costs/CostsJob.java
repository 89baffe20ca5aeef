package dev.agcinfra.audit.costs;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.batch.ItemProcessor;
import dev.agcinfra.audit.batch.ItemReader;
import dev.agcinfra.audit.batch.Job;
import dev.agcinfra.audit.batch.RegionContext;
import dev.agcinfra.audit.batch.RegionScope;
import dev.agcinfra.audit.batch.Step;
import dev.agcinfra.audit.retained.RegionStatus;
import dev.agcinfra.audit.retained.RetainedJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * The per-region part of the {@code costs} job: what bills by the hour, and how much the NAT gateways carry.
 *
 * <p>Steps, in this order for each region:
 * <ol>
 *   <li>{@code nat-gateways}: EC2 DescribeNatGateways with a {@code tag:<key>} filter (available ones bill);</li>
 *   <li>{@code interface-endpoints}: EC2 DescribeVpcEndpoints, same filter (interface endpoints and their network
 *       interfaces);</li>
 *   <li>{@code elastic-ips}: EC2 DescribeAddresses, same filter (associated or idle);</li>
 *   <li>{@code nat-traffic}: CloudWatch GetMetricData, BytesOutToDestination and BytesOutToSource of each NAT
 *       gateway of the first step over the last {@value #TRAFFIC_DAYS} days, for the "almost no data" advice;</li>
 *   <li>{@code activity}: SSM GetParameter {@code /agc/_common/vpc}, as {@code retained} reads it: whether the region
 *       is active, so that a deactivated region gets the cleanup advice.</li>
 * </ol>
 * Cost Explorer is global and is not part of the partitions: see {@link CostExplorerReader}.
 */
public final class CostsJob {

    /** The job's name, also its command's. */
    public static final String NAME = "costs";
    /** The window of the NAT gateway traffic check. */
    public static final int TRAFFIC_DAYS = 14;
    /** NAT gateways per GetMetricData call: two queries each, within the API's 500. */
    static final int NATS_PER_METRICS_CALL = 200;

    private static final String NAT_IDS = "costs.nat-gateway-ids";

    private CostsJob() {
    }

    /**
     * What the job writes: an item and the account it was read in (the processors' items name their region only).
     *
     * @param account the partition's account
     * @param item    the item
     */
    public record AccountItem(String account, LiveItem item) {
    }

    /**
     * The job for a tag; {@code clock} ends the traffic window.
     */
    public static Job<AccountItem> create(TagFilter tag, Clock clock) {
        Filter ec2Filter = Filter.builder().name("tag:" + tag.key()).values(tag.value()).build();
        return new Job<>(NAME, List.of(
                new Step<NatGateway, AccountItem>("nat-gateways", "ec2", "DescribeNatGateways",
                        context -> natGatewayReader(context, ec2Filter),
                        scope -> inAccount(scope, new NatGatewayCostProcessor(scope, tag))),
                new Step<VpcEndpoint, AccountItem>("interface-endpoints", "ec2", "DescribeVpcEndpoints",
                        context -> ItemReader.of(
                                context.clients().ec2().describeVpcEndpointsPaginator(r -> r.filters(ec2Filter)),
                                response -> response.vpcEndpoints()),
                        scope -> inAccount(scope, new InterfaceEndpointProcessor(scope, tag))),
                new Step<Address, AccountItem>("elastic-ips", "ec2", "DescribeAddresses",
                        context -> () -> Stream.of(context.clients().ec2()
                                .describeAddresses(r -> r.filters(ec2Filter)).addresses()),
                        scope -> inAccount(scope, new ElasticIpCostProcessor(scope, tag))),
                new Step<NatMetrics, AccountItem>("nat-traffic", "cloudwatch", "GetMetricData",
                        context -> natTrafficReader(context, clock),
                        scope -> inAccount(scope, new NatTrafficProcessor())),
                new Step<RegionStatus, AccountItem>("activity", "ssm", "GetParameter", RetainedJob::activityReader,
                        scope -> inAccount(scope, status -> new LiveItem.RegionActivity(status.region(),
                                Boolean.TRUE.equals(status.active()))))));
    }

    /** {@code processor}'s items with the partition's account. */
    static <I> ItemProcessor<I, AccountItem> inAccount(RegionScope scope, ItemProcessor<I, LiveItem> processor) {
        return in -> {
            LiveItem out = processor.process(in);
            return out == null ? null : new AccountItem(scope.account(), out);
        };
    }

    /** DescribeNatGateways page by page; remembers the available gateways for the traffic step. */
    static ItemReader<NatGateway> natGatewayReader(RegionContext context, Filter filter) {
        List<String> ids = context.data(NAT_IDS, ArrayList::new);
        return () -> context.clients().ec2().describeNatGatewaysPaginator(r -> r.filter(filter)).stream()
                .map(response -> {
                    response.natGateways().stream().filter(nat -> nat.state() == NatGatewayState.AVAILABLE)
                            .forEach(nat -> ids.add(nat.natGatewayId()));
                    return response.natGateways();
                });
    }

    /** GetMetricData for the gateways the first step found, {@value #NATS_PER_METRICS_CALL} per call. */
    static ItemReader<NatMetrics> natTrafficReader(RegionContext context, Clock clock) {
        List<String> ids = context.data(NAT_IDS, ArrayList::new);
        Instant end = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant start = end.minus(Duration.ofDays(TRAFFIC_DAYS));
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += NATS_PER_METRICS_CALL) {
            batches.add(ids.subList(i, Math.min(ids.size(), i + NATS_PER_METRICS_CALL)));
        }
        return () -> batches.stream().map(batch -> natMetrics(context, batch, start, end));
    }

    private static List<NatMetrics> natMetrics(RegionContext context, List<String> ids, Instant start, Instant end) {
        List<MetricDataQuery> queries = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            queries.add(bytesQuery("d" + i, id, "BytesOutToDestination"));
            queries.add(bytesQuery("s" + i, id, "BytesOutToSource"));
        }
        GetMetricDataRequest request = GetMetricDataRequest.builder().metricDataQueries(queries)
                .startTime(start).endTime(end).scanBy(ScanBy.TIMESTAMP_ASCENDING).build();
        Map<String, List<Double>> sums = new LinkedHashMap<>();
        ids.forEach(id -> sums.put(id, new ArrayList<>()));
        for (MetricDataResult result : context.clients().cloudWatch().getMetricDataPaginator(request)
                .metricDataResults()) {
            int index = Integer.parseInt(result.id().substring(1));
            sums.get(ids.get(index)).addAll(result.values());
        }
        return sums.entrySet().stream()
                .map(e -> new NatMetrics(context.region(), e.getKey(), e.getValue(), TRAFFIC_DAYS)).toList();
    }

    private static MetricDataQuery bytesQuery(String queryId, String natGatewayId, String metric) {
        return MetricDataQuery.builder().id(queryId).returnData(true)
                .metricStat(s -> s.stat("Sum").period(TRAFFIC_DAYS * 24 * 3600)
                        .metric(m -> m.namespace("AWS/NATGateway").metricName(metric)
                                .dimensions(d -> d.name("NatGatewayId").value(natGatewayId))))
                .build();
    }
}
