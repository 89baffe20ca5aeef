package dev.agcinfra.audit.costs;

import dev.agcinfra.audit.report.Money;
import dev.agcinfra.audit.report.Quantities;
import dev.agcinfra.audit.costs.CostsReport.Advice;
import dev.agcinfra.audit.costs.CostsReport.RegionCosts;
import dev.agcinfra.audit.costs.LiveItem.LiveElasticIp;
import dev.agcinfra.audit.costs.LiveItem.LiveNatGateway;
import dev.agcinfra.audit.costs.LiveItem.NatTraffic;
import dev.agcinfra.audit.estimate.Category;
import dev.agcinfra.audit.estimate.EstimateReport.PricedItem;
import dev.agcinfra.audit.retained.RegionStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the run rate could be lower: pure rules over a region's inventory and its priced estimate.
 *
 * <ul>
 *   <li>{@code cleanup}: a deactivated region (no {@code /agc/_common/vpc}) where tagged NAT gateways, interface
 *       endpoints or Elastic IPs still bill: they are leftovers, to review with {@code retained} and remove with
 *       {@code cleanup}. The only advice for such a region: public subnets or idle resources mean nothing there;</li>
 *   <li>{@code public-subnets}: a region with NAT gateways or interface endpoints would drop them, and the NAT
 *       gateways' public IPv4 addresses, with AGC's {@code usePublicSubnets};</li>
 *   <li>{@code idle-elastic-ip}: an Elastic IP attached to nothing still bills by the hour;</li>
 *   <li>{@code idle-nat-gateway}: a NAT gateway that carried less than {@link #DEFAULT_IDLE_NAT_GB} GB in the traffic
 *       window bills its hours for almost nothing (only said when CloudWatch was read for it).</li>
 * </ul>
 * Savings count priced items only: an item with no known price adds nothing, and a message that leaves one out says so
 * (a regional NAT gateway's hours).
 */
public final class Advisor {

    /** Below this many GB over the traffic window, a NAT gateway carries "almost no data". */
    public static final BigDecimal DEFAULT_IDLE_NAT_GB = BigDecimal.ONE;

    /** What a regional NAT gateway's priced figures leave out (see the estimate's unknown items). */
    static final String REGIONAL_HOURS = "the regional NAT gateway's hours, which have no sourced price";

    private final BigDecimal idleNatGb;

    public Advisor(BigDecimal idleNatGb) {
        this.idleNatGb = idleNatGb;
    }

    /** The rules with the default threshold. */
    public static Advisor defaults() {
        return new Advisor(DEFAULT_IDLE_NAT_GB);
    }

    public List<Advice> advise(RegionInventory inventory, RegionCosts costs) {
        List<Advice> advice = new ArrayList<>();
        String region = inventory.region();
        List<PricedItem> items = costs.estimate().items();
        if (inventory.deactivated()) {
            if (costs.natGateways() > 0 || costs.interfaceEndpoints() > 0 || costs.publicIpv4() > 0) {
                BigDecimal total = costs.estimate().monthlyUsd();
                advice.add(new Advice(region, "cleanup", null, total, String.format(Locale.ROOT,
                        "AGC is not active in %s (no %s), yet %s, %s and %s carrying the tag still cost about %s "
                                + "a month: leftovers of a deactivation that did not finish, or of an earlier activation; see "
                                + "which agc-infra created with agc-audit retained --regions %s, and remove those with "
                                + "agc-audit cleanup --region %s",
                        region, RegionStatus.ACTIVE_PARAMETER, count(costs.natGateways(), "NAT gateway"),
                        count(costs.interfaceEndpoints(), "interface endpoint"),
                        count(costs.publicIpv4(), "public IPv4 address"), Money.table(total), region, region)));
            }
            return advice;
        }
        if (costs.natGateways() > 0 || costs.interfaceEndpoints() > 0) {
            BigDecimal nat = sum(items, Category.NAT_GATEWAY_HOURS, null);
            BigDecimal natIps = BigDecimal.ZERO;
            for (LiveNatGateway gateway : inventory.natGateways()) {
                natIps = natIps.add(sum(items, Category.PUBLIC_IPV4_HOURS, gateway.id()));
            }
            BigDecimal endpoints = sum(items, Category.INTERFACE_ENDPOINT_HOURS, null);
            BigDecimal total = nat.add(natIps).add(endpoints);
            boolean regional = inventory.natGateways().stream().anyMatch(LiveNatGateway::regional);
            advice.add(new Advice(region, "public-subnets", null, total, String.format(Locale.ROOT,
                    "public subnets (AGC's usePublicSubnets) would save %s %s a month in %s: %s (%s), "
                            + "%s (%s) and %s (%s) go, and so do their "
                            + "data charges; batch instances then get public IPv4 addresses, billed while they run",
                    regional ? "more than" : "about", Money.table(total), region,
                    count(costs.natGateways(), "NAT gateway"),
                    regional ? Money.table(nat) + " plus " + REGIONAL_HOURS : Money.table(nat),
                    costs.natGateways() == 1 ? "its public IPv4 address" : "their public IPv4 addresses",
                    Money.table(natIps),
                    count(costs.interfaceEndpoints(), "interface endpoint"), Money.table(endpoints))));
        }
        for (LiveElasticIp eip : inventory.idleElasticIps()) {
            BigDecimal monthly = sum(items, Category.PUBLIC_IPV4_HOURS, eip.allocationId());
            advice.add(new Advice(region, "idle-elastic-ip", eip.allocationId(), monthly,
                    "Elastic IP " + (eip.publicIp() == null ? eip.allocationId() : eip.publicIp() + " ("
                            + eip.allocationId() + ")") + (eip.name() == null ? "" : " '" + eip.name() + "'")
                            + " is attached to nothing and costs " + Money.table(monthly)
                            + " a month: release it if nothing needs the address"));
        }
        for (LiveNatGateway nat : inventory.natGateways()) {
            NatTraffic traffic = inventory.traffic(nat.id());
            if (traffic == null || traffic.gb().compareTo(idleNatGb) >= 0) {
                continue;
            }
            BigDecimal monthly = sum(items, Category.NAT_GATEWAY_HOURS, nat.id())
                    .add(sum(items, Category.PUBLIC_IPV4_HOURS, nat.id()));
            advice.add(new Advice(region, "idle-nat-gateway", nat.id(), monthly, String.format(Locale.ROOT,
                    "NAT gateway %s%s carried %s GB in the last %d days but costs %s a month with its public IPv4 "
                            + "address%s: if nothing in its private subnets needs the internet, deactivate the "
                            + "region's AGC contexts, or use public subnets",
                    nat.id(), nat.name() == null ? "" : " '" + nat.name() + "'",
                    Quantities.plain(traffic.gb().setScale(2, java.math.RoundingMode.HALF_UP)).toPlainString(),
                    traffic.days(), Money.table(monthly), nat.regional() ? "es, plus " + REGIONAL_HOURS : "")));
        }
        return advice;
    }

    /** {@code 1 NAT gateway}, {@code 3 NAT gateways}. */
    static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : what.endsWith("s") ? "es" : "s");
    }

    /** The monthly cost of a category's priced items, of one resource or ({@code null}) all. */
    private static BigDecimal sum(List<PricedItem> items, Category category, String resource) {
        return items.stream()
                .filter(i -> i.category() == category && (resource == null || resource.equals(i.address())))
                .map(PricedItem::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
