package dev.agcinfra.audit.estimate;

import dev.agcinfra.audit.report.Quantities;
import dev.agcinfra.audit.estimate.EstimateReport.FreeItem;
import dev.agcinfra.audit.estimate.EstimateReport.PricedItem;
import dev.agcinfra.audit.estimate.EstimateReport.StackEstimate;
import dev.agcinfra.audit.estimate.EstimateReport.UnknownItem;
import dev.agcinfra.audit.estimate.EstimateReport.UsageBasedItem;
import dev.agcinfra.audit.estimate.StackInventory.ElasticIp;
import dev.agcinfra.audit.estimate.StackInventory.GatewayEndpoint;
import dev.agcinfra.audit.estimate.StackInventory.InterfaceEndpoint;
import dev.agcinfra.audit.estimate.StackInventory.NatGateway;
import dev.agcinfra.audit.estimate.UsageAssumptions.Usage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices stack inventories: pure, no I/O, no AWS. Money is never rounded here; outputs round to cents.
 *
 * <ul>
 *   <li>NAT gateway: {@code count × 730} hours; its public IPv4 address is priced with its Elastic IP, or on its own
 *       when its allocation is not an EIP of the stack (never twice). A regional NAT gateway is unknown, with the
 *       reason: its hours, its data, and the addresses AWS assigns it in automatic mode.
 *   <li>Interface endpoint: {@code count × AZs × 730} endpoint-AZ-hours.
 *   <li>Elastic IP: {@code count × 730} address-hours, in use or idle.
 *   <li>Data: priced only with an assumed volume; endpoint data tiered over all interface endpoints of the region,
 *       across stacks of the same region in input order.
 *   <li>Flow log to CloudWatch Logs: by what it ingests, listed with the region's price (no volume is assumed).
 * </ul>
 */
public final class CostEstimator {

    /** Hours in a month, as infracost ({@code HourToMonthUnitMultiplier}) and the AWS calculator use. */
    public static final int HOURS_PER_MONTH = 730;

    private static final BigDecimal HOURS = BigDecimal.valueOf(HOURS_PER_MONTH);

    /** Why a regional NAT gateway's hours and data are unknown. */
    static final String REGIONAL_NAT_GATEWAY = "a regional NAT gateway (availability_mode = \"regional\") bills under "
            + "its own usage types (RegionalNatGateway-*), for which no price is sourced; the NAT gateway figures of the "
            + "price table are the zonal NAT gateway's and are not used in its place";
    /** Why the public IPv4 addresses of a regional NAT gateway in automatic mode are unknown. */
    static final String REGIONAL_NAT_ADDRESSES = "a regional NAT gateway in automatic mode gets its public IPv4 "
            + "addresses from AWS, in each AZ where it is active and more as it needs ports (auto_scaling_ips), each "
            + "billed as a public IPv4 address; how many is known only after apply";

    private final PriceSource prices;
    private final UsageAssumptions usage;

    public CostEstimator(PriceSource prices, UsageAssumptions usage) {
        this.prices = Objects.requireNonNull(prices, "prices must be non-null");
        this.usage = Objects.requireNonNull(usage, "usage must be non-null");
    }

    public EstimateReport estimate(List<StackInventory> stacks) {
        Map<String, BigDecimal> endpointGbByRegion = new HashMap<>();
        List<StackEstimate> estimates = new ArrayList<>();
        for (StackInventory stack : stacks) {
            estimates.add(new StackPricing(stack, usage.forStack(stack.stack()), endpointGbByRegion).price());
        }
        return new EstimateReport(HOURS_PER_MONTH, prices.description(), estimates);
    }

    /** The pricing of one stack: collects its lines. */
    private final class StackPricing {
        private final StackInventory stack;
        private final Usage usage;
        private final Map<String, BigDecimal> endpointGbByRegion;
        private final List<PricedItem> items = new ArrayList<>();
        private final List<UsageBasedItem> usageBased = new ArrayList<>();
        private final List<UnknownItem> unknown = new ArrayList<>();
        private final List<FreeItem> free = new ArrayList<>();

        StackPricing(StackInventory stack, Usage usage, Map<String, BigDecimal> endpointGbByRegion) {
            this.stack = stack;
            this.usage = usage;
            this.endpointGbByRegion = endpointGbByRegion;
        }

        StackEstimate price() {
            List<NatGateway> zonal = new ArrayList<>();
            for (NatGateway nat : stack.natGateways()) {
                if (nat.regional()) {
                    regional(nat);
                    continue;
                }
                zonal.add(nat);
                hourly(nat.address(), Category.NAT_GATEWAY_HOURS, nat.count(), Count.ONE);
                if (nat.otherPublicIps() > 0) {
                    hourly(nat.address(), Category.PUBLIC_IPV4_HOURS, nat.count(), Count.of(nat.otherPublicIps()));
                }
                if (usage.natGb() == null && !isZero(nat.count())) {
                    usageBased(nat.address(), Category.NAT_GATEWAY_DATA, "GB processed");
                }
            }
            if (usage.natGb() != null && !zonal.isEmpty()) {
                natData(zonal, usage.natGb());
            }
            for (ElasticIp eip : stack.elasticIps()) {
                hourly(eip.address(), Category.PUBLIC_IPV4_HOURS, eip.count(), Count.ONE);
            }
            for (InterfaceEndpoint endpoint : stack.interfaceEndpoints()) {
                hourly(endpoint.address(), Category.INTERFACE_ENDPOINT_HOURS, endpoint.count(), endpoint.azs());
                if (usage.endpointGb() == null && !isZero(endpoint.count())) {
                    usageBased(endpoint.address(), Category.INTERFACE_ENDPOINT_DATA, "GB processed");
                }
            }
            if (usage.endpointGb() != null && !stack.interfaceEndpoints().isEmpty()) {
                endpointData(usage.endpointGb());
            }
            for (StackInventory.FlowLog flowLog : stack.flowLogs()) {
                if (!isZero(flowLog.count())) {
                    usageBased(flowLog.address(), Category.LOGS_INGESTION,
                            "GB ingested (flow logs are vended logs: the first 10 TB a month; less above)");
                }
            }
            for (GatewayEndpoint endpoint : stack.gatewayEndpoints()) {
                free.add(new FreeItem(endpoint.address(), "gateway-endpoint",
                        "gateway endpoints are free" + (endpoint.service().isEmpty() ? "" : " (" + endpoint.service() + ")")));
            }
            stack.unsupported().forEach(u -> unknown.add(new UnknownItem(u.address(), u.category(), u.reason())));
            return new StackEstimate(stack.stack(), stack.region(), items, usageBased, unknown, free);
        }

        /**
         * A regional NAT gateway: unknown, with the reason, for its hours and its data (never the zonal price in
         * their place); its addresses are priced as EIPs when they are EIPs of the stack, else unknown too.
         */
        private void regional(NatGateway nat) {
            if (isZero(nat.count())) {
                return;
            }
            unknown.add(new UnknownItem(nat.address(), Category.NAT_GATEWAY_HOURS, REGIONAL_NAT_GATEWAY));
            unknown.add(new UnknownItem(nat.address(), Category.NAT_GATEWAY_DATA, REGIONAL_NAT_GATEWAY));
            if (nat.awsAssignsAddresses()) {
                unknown.add(new UnknownItem(nat.address(), Category.PUBLIC_IPV4_HOURS, REGIONAL_NAT_ADDRESSES));
            } else if (nat.otherPublicIps() > 0) {
                hourly(nat.address(), Category.PUBLIC_IPV4_HOURS, nat.count(), Count.of(nat.otherPublicIps()));
            }
        }

        /** {@code count × perResource × 730} hours of {@code category}. */
        private void hourly(String address, Category category, Count count, Count perResource) {
            Count units = count.times(perResource);
            if (!units.known()) {
                unknown.add(new UnknownItem(address, category, units.problem()));
                return;
            }
            if (units.value() == 0) {
                return; // count = 0: Terraform creates nothing
            }
            priceOf(address, category).ifPresent(price -> {
                BigDecimal quantity = HOURS.multiply(BigDecimal.valueOf(units.value()));
                items.add(new PricedItem(address, category, quantity, category.unit(), price.firstUsd(),
                        quantity.multiply(price.firstUsd()), null, price.source()));
            });
        }

        private void usageBased(String address, Category category, String perWhat) {
            priceOf(address, category).ifPresent(price -> usageBased.add(new UsageBasedItem(address, category,
                    category.unit(), price.describe(perWhat), price.source())));
        }

        private void natData(List<NatGateway> natGateways, BigDecimal gb) {
            String address = allOf("aws_nat_gateway", natGateways.stream().map(NatGateway::address).toList());
            priceOf(address, Category.NAT_GATEWAY_DATA).ifPresent(price -> {
                if (price.tiered()) {
                    tiered(address, price, BigDecimal.ZERO, gb);
                } else {
                    items.add(new PricedItem(address, Category.NAT_GATEWAY_DATA, gb, Category.NAT_GATEWAY_DATA.unit(),
                            price.firstUsd(), gb.multiply(price.firstUsd()), null, price.source()));
                }
            });
        }

        private void endpointData(BigDecimal gb) {
            String address = allOf("aws_vpc_endpoint",
                    stack.interfaceEndpoints().stream().map(InterfaceEndpoint::address).toList());
            priceOf(address, Category.INTERFACE_ENDPOINT_DATA).ifPresent(price -> {
                BigDecimal already = endpointGbByRegion.getOrDefault(stack.region(), BigDecimal.ZERO);
                endpointGbByRegion.put(stack.region(), already.add(gb));
                tiered(address, price, already, gb);
            });
        }

        /** One line per tier that {@code gb}, after {@code already} GB of the region, falls into. */
        private void tiered(String address, Price price, BigDecimal already, BigDecimal gb) {
            Category category = price.category();
            if (gb.signum() == 0) {
                items.add(new PricedItem(address, category, gb, category.unit(), price.firstUsd(), BigDecimal.ZERO,
                        price.tiered() ? tierLabel(price, 0) : null, price.source()));
                return;
            }
            BigDecimal lower = BigDecimal.ZERO;
            BigDecimal from = already;
            BigDecimal to = already.add(gb);
            for (int i = 0; i < price.tiers().size(); i++) {
                Tier tier = price.tiers().get(i);
                BigDecimal upper = tier.upTo();
                BigDecimal start = from.max(lower);
                BigDecimal end = upper == null ? to : to.min(upper);
                if (end.compareTo(start) > 0) {
                    BigDecimal quantity = end.subtract(start);
                    items.add(new PricedItem(address, category, quantity, category.unit(), tier.usd(),
                            quantity.multiply(tier.usd()), price.tiered() ? tierLabel(price, i) : null, price.source()));
                }
                if (upper == null) {
                    break;
                }
                lower = upper;
            }
        }

        private Optional<Price> priceOf(String address, Category category) {
            if (stack.region() == null) {
                unknown.add(new UnknownItem(address, category, stack.regionProblem()));
                return Optional.empty();
            }
            Optional<Price> price = prices.price(stack.region(), category);
            if (price.isEmpty()) {
                unknown.add(new UnknownItem(address, category, "no sourced price for " + category.id() + " in "
                        + stack.region() + "; give one with --price-file or use --pricing live"));
            }
            return price;
        }
    }

    private static boolean isZero(Count count) {
        return count.known() && count.value() == 0;
    }

    /** The one address, or {@code <type>.*} for all of them. */
    private static String allOf(String type, List<String> addresses) {
        return addresses.size() == 1 ? addresses.get(0) : type + ".*";
    }

    /** {@code first 1 PB}, {@code next 4 PB}, {@code above 5 PB}. */
    static String tierLabel(Price price, int index) {
        List<Tier> tiers = price.tiers();
        Tier tier = tiers.get(index);
        BigDecimal lower = index == 0 ? BigDecimal.ZERO : tiers.get(index - 1).upTo();
        if (tier.upTo() == null) {
            return "above " + Quantities.gb(lower);
        }
        return (index == 0 ? "first " : "next ") + Quantities.gb(tier.upTo().subtract(lower));
    }
}
