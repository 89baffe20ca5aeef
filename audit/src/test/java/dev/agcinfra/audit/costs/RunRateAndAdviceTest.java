package dev.agcinfra.audit.costs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.costs.CostsReport.Advice;
import dev.agcinfra.audit.costs.CostsReport.RegionCosts;
import dev.agcinfra.audit.costs.LiveItem.LiveElasticIp;
import dev.agcinfra.audit.costs.LiveItem.LiveInterfaceEndpoint;
import dev.agcinfra.audit.costs.LiveItem.LiveNatGateway;
import dev.agcinfra.audit.costs.LiveItem.NatTraffic;
import dev.agcinfra.audit.estimate.Category;
import dev.agcinfra.audit.estimate.EstimateReport.PricedItem;
import dev.agcinfra.audit.estimate.PriceTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Pricing live inventories with the estimate's model, the budget, and advice: pure, no AWS. */
class RunRateAndAdviceTest {

    static final PriceTable PRICES = PriceTable.embedded();
    static final String ACCOUNT = "123456789012";
    static final BillingPeriods PERIODS = BillingPeriods.of(LocalDate.parse("2026-08-15"));

    /** AGC core as the costs job reads it: 3 NAT gateways with EIPs (tagged too), 7 endpoints x 3 AZs, 1 idle EIP. */
    static RegionInventory agcCore(String region) {
        RegionInventory inventory = new RegionInventory(ACCOUNT, region);
        for (int i = 1; i <= 3; i++) {
            inventory.add(new LiveNatGateway(region, "nat-" + i, "nat-" + i, 1, List.of("eipalloc-" + i)));
            inventory.add(new LiveElasticIp(region, "eipalloc-" + i, "203.0.113.1" + i, "nat-" + i, true));
        }
        for (int i = 1; i <= 7; i++) {
            inventory.add(new LiveInterfaceEndpoint(region, "vpce-" + i, null, "com.amazonaws." + region + ".svc" + i, 3));
        }
        inventory.add(new LiveElasticIp(region, "eipalloc-idle", "203.0.113.99", "idle", false));
        return inventory;
    }

    static CostsReport report(BigDecimal budget, RegionInventory... inventories) {
        return CostsReport.build(TagFilter.DEFAULT, List.of(inventories), PRICES, null, budget, List.of(),
                Advisor.defaults(), PERIODS);
    }

    static BigDecimal cents(BigDecimal usd) {
        return usd.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal monthly(RegionCosts region, Category category) {
        return region.estimate().items().stream().filter(i -> i.category() == category).map(PricedItem::monthlyUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Nested
    @DisplayName("the run rate of AGC core in us-east-1")
    class UsEast1 {

        final RegionCosts region = report(null, agcCore("us-east-1")).regions().get(0);

        @Test
        @DisplayName("is 3 NAT gateways $98.55 + 21 endpoint-AZs $153.30 + 4 public IPv4 $14.60 = $266.45")
        void figures() {
            assertThat(cents(monthly(region, Category.NAT_GATEWAY_HOURS))).isEqualByComparingTo("98.55");
            assertThat(cents(monthly(region, Category.INTERFACE_ENDPOINT_HOURS))).isEqualByComparingTo("153.30");
            assertThat(cents(monthly(region, Category.PUBLIC_IPV4_HOURS))).isEqualByComparingTo("14.60");
            assertThat(cents(region.estimatedMonthlyUsd())).isEqualByComparingTo("266.45");
        }

        @Test
        @DisplayName("prices a NAT gateway's Elastic IP once, with the gateway")
        void natElasticIpOnce() {
            assertThat(region.publicIpv4()).isEqualTo(4);
            assertThat(region.estimate().items()).filteredOn(i -> i.address().equals("eipalloc-1")).isEmpty();
            assertThat(region.estimate().items()).filteredOn(i -> i.address().equals("eipalloc-idle")).hasSize(1);
            assertThat(region.idleElasticIps()).isEqualTo(1);
            assertThat(region.endpointNetworkInterfaces()).isEqualTo(21);
        }

        @Test
        @DisplayName("lists data processing by its unit price, never at an invented volume")
        void usageBased() {
            assertThat(region.estimate().usageBased()).extracting(u -> u.category())
                    .contains(Category.NAT_GATEWAY_DATA, Category.INTERFACE_ENDPOINT_DATA);
            assertThat(region.estimate().items()).noneMatch(i -> i.category().usageBased());
        }
    }

    @Nested
    @DisplayName("a regional NAT gateway (natGateways: regional) with two AWS-assigned addresses")
    class RegionalNatGateway {

        final RegionInventory inventory = new RegionInventory(ACCOUNT, "us-east-1");

        {
            inventory.add(new LiveNatGateway("us-east-1", "nat-r", null, 2, List.of("eipalloc-a", "eipalloc-b"),
                    true));
            inventory.add(new LiveInterfaceEndpoint("us-east-1", "vpce-1", null, "com.amazonaws.us-east-1.logs", 3));
            inventory.add(new NatTraffic("us-east-1", "nat-r", new BigDecimal("0.2"), 14));
        }

        final CostsReport report = report(null, inventory);
        final RegionCosts region = report.regions().get(0);

        @Test
        @DisplayName("prices its two public IPv4 addresses but never its hours or data at the zonal price")
        void hoursUnknown() {
            assertThat(cents(monthly(region, Category.PUBLIC_IPV4_HOURS))).isEqualByComparingTo("7.30");
            assertThat(monthly(region, Category.NAT_GATEWAY_HOURS)).isZero();
            assertThat(region.estimate().unknown()).extracting(u -> u.address() + " " + u.category())
                    .containsExactlyInAnyOrder("nat-r nat-gateway-hours", "nat-r nat-gateway-data");
            assertThat(report.complete()).isFalse();
        }

        @Test
        @DisplayName("says its savings leave out the gateway's unpriced hours")
        void adviceSaysWhatIsUnpriced() {
            List<Advice> advice = report.advice();

            assertThat(advice).extracting(Advice::kind).containsExactly("public-subnets", "idle-nat-gateway");
            assertThat(advice.get(0).message()).startsWith("public subnets (AGC's usePublicSubnets) would save more "
                    + "than $29.20 a month in us-east-1: 1 NAT gateway ($0.00 plus the regional NAT gateway's hours, "
                    + "which have no sourced price)");
            assertThat(advice.get(1).message()).contains("costs $7.30 a month with its public IPv4 addresses, plus "
                    + "the regional NAT gateway's hours, which have no sourced price");
        }
    }

    @Test
    @DisplayName("without its three NAT gateways' Elastic IPs tagged, the addresses still bill with the gateways")
    void untaggedNatElasticIps() {
        RegionInventory inventory = new RegionInventory(ACCOUNT, "us-east-1");
        inventory.add(new LiveNatGateway("us-east-1", "nat-1", null, 1, List.of("eipalloc-untagged")));

        RegionCosts region = report(null, inventory).regions().get(0);

        assertThat(cents(monthly(region, Category.PUBLIC_IPV4_HOURS))).isEqualByComparingTo("3.65");
        assertThat(region.publicIpv4()).isEqualTo(1);
    }

    @Test
    @DisplayName("an item without a sourced price is unknown, not $0, and the report says the total is a lower bound")
    void unknownPrices() {
        // Given: ca-west-1 has endpoint and IPv4 prices in the table, but no NAT gateway price
        CostsReport report = report(null, agcCore("ca-west-1"));

        // Then
        RegionCosts region = report.regions().get(0);
        assertThat(region.estimate().unknown()).hasSize(3 + 3)
                .allMatch(u -> u.category() == Category.NAT_GATEWAY_HOURS || u.category() == Category.NAT_GATEWAY_DATA);
        assertThat(region.estimate().items()).noneMatch(i -> i.category() == Category.NAT_GATEWAY_HOURS);
        assertThat(cents(monthly(region, Category.INTERFACE_ENDPOINT_HOURS))).isEqualByComparingTo("168.63");
        assertThat(report.complete()).isFalse();
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w)
                .contains("ca-west-1", "nat-gateway-hours", "unknown", "lower bound"));
    }

    @Nested
    @DisplayName("the budget")
    class Budget {

        @Test
        @DisplayName("is exceeded only above the estimated total, not at it")
        void exceeded() {
            assertThat(report(new BigDecimal("266.44"), agcCore("us-east-1")).overBudget()).isTrue();
            assertThat(report(new BigDecimal("266.45"), agcCore("us-east-1")).overBudget()).isFalse();
            assertThat(report(null, agcCore("us-east-1")).overBudget()).isFalse();
        }

        @Test
        @DisplayName("counts every region")
        void everyRegion() {
            CostsReport report = report(new BigDecimal("500"), agcCore("us-east-1"), agcCore("us-west-2"));

            assertThat(cents(report.totalEstimatedMonthlyUsd())).isEqualByComparingTo("532.90");
            assertThat(report.overBudget()).isTrue();
        }
    }

    @Nested
    @DisplayName("advice")
    class Advising {

        @Test
        @DisplayName("public subnets would save the NAT gateways, their IPv4 addresses and the endpoints: $262.80")
        void publicSubnets() {
            Advice advice = report(null, agcCore("us-east-1")).advice().get(0);

            assertThat(advice.kind()).isEqualTo("public-subnets");
            assertThat(cents(advice.monthlyUsd())).isEqualByComparingTo("262.80");
        }

        @Test
        @DisplayName("counts one NAT gateway and one interface endpoint in the singular")
        void singular() {
            RegionInventory inventory = new RegionInventory(ACCOUNT, "us-east-1");
            inventory.add(new LiveNatGateway("us-east-1", "nat-1", null, 1, List.of()));
            inventory.add(new LiveInterfaceEndpoint("us-east-1", "vpce-1", null, "com.amazonaws.us-east-1.logs", 1));

            Advice advice = report(null, inventory).advice().get(0);

            assertThat(advice.message()).contains(": 1 NAT gateway ($32.85), its public IPv4 address ($3.65) and "
                    + "1 interface endpoint ($7.30) go").doesNotContain("gateways").doesNotContain("endpoints");
        }

        @Test
        @DisplayName("in a deactivated region is cleanup of what still bills, and nothing else")
        void deactivatedRegion() {
            RegionInventory inventory = agcCore("us-east-1");
            inventory.add(new NatTraffic("us-east-1", "nat-1", new BigDecimal("0.4"), 14));
            inventory.add(new LiveItem.RegionActivity("us-east-1", false));

            List<Advice> advice = report(null, inventory).advice();

            assertThat(advice).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo("cleanup");
                assertThat(cents(a.monthlyUsd())).isEqualByComparingTo("266.45");
                assertThat(a.message()).contains("AGC is not active in us-east-1 (no /agc/_common/vpc)",
                        "agc-audit cleanup --region us-east-1").doesNotContain("public subnets");
            });
        }

        @Test
        @DisplayName("in an active region is the same as when activity is not known")
        void activeRegion() {
            RegionInventory inventory = agcCore("us-east-1");
            inventory.add(new LiveItem.RegionActivity("us-east-1", true));

            assertThat(report(null, inventory).advice()).extracting(Advice::kind)
                    .containsExactly("public-subnets", "idle-elastic-ip");
        }

        @Test
        @DisplayName("is not given for public subnets where there is nothing to save")
        void nothingToSave() {
            RegionInventory empty = new RegionInventory(ACCOUNT, "us-east-1");

            assertThat(report(null, empty).advice()).isEmpty();
        }

        @Test
        @DisplayName("names a NAT gateway below 1 GB in the window, not one above, nor one CloudWatch did not report")
        void idleNatGateways() {
            RegionInventory inventory = agcCore("us-east-1");
            inventory.add(new NatTraffic("us-east-1", "nat-1", new BigDecimal("0.4"), 14));
            inventory.add(new NatTraffic("us-east-1", "nat-2", new BigDecimal("12"), 14));

            List<Advice> idle = report(null, inventory).advice().stream()
                    .filter(a -> a.kind().equals("idle-nat-gateway")).toList();

            assertThat(idle).extracting(Advice::resource).containsExactly("nat-1");
            assertThat(cents(idle.get(0).monthlyUsd())).isEqualByComparingTo("36.50");
            assertThat(idle.get(0).message()).contains("0.4 GB in the last 14 days");
        }

        @Test
        @DisplayName("names each idle Elastic IP with what it costs")
        void idleElasticIp() {
            List<Advice> idle = report(null, agcCore("us-east-1")).advice().stream()
                    .filter(a -> a.kind().equals("idle-elastic-ip")).toList();

            assertThat(idle).extracting(Advice::resource).containsExactly("eipalloc-idle");
            assertThat(cents(idle.get(0).monthlyUsd())).isEqualByComparingTo("3.65");
        }
    }

    @Test
    @DisplayName("errors of the regions and of Cost Explorer are all in the report")
    void errors() {
        AuditError regionError = new AuditError(ACCOUNT, "eu-west-1", "ec2", "DescribeNatGateways", "AuthFailure", "no");
        AuditError ceError = new AuditError(ACCOUNT, "us-east-1", "ce", "GetCostAndUsage", "AccessDeniedException", "no");
        CostExplorerReader.Result actuals = new CostExplorerReader.Result(ACCOUNT, null, List.of(ACCOUNT), 0, List.of(),
                List.of(ceError));

        CostsReport report = CostsReport.build(TagFilter.DEFAULT, List.of(agcCore("us-east-1")), PRICES, actuals,
                null, List.of(regionError), Advisor.defaults(), PERIODS);

        assertThat(report.errors()).containsExactly(regionError, ceError);
        assertThat(report.regions().get(0).actual()).isNull();
        assertThat(report.hasActuals()).isFalse();
    }
}
