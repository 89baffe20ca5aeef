package dev.agcinfra.audit.estimate;

import dev.agcinfra.audit.report.Money;
import static dev.agcinfra.audit.estimate.Fixtures.endpointOnly;
import static dev.agcinfra.audit.estimate.Fixtures.natOnly;
import static dev.agcinfra.audit.estimate.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.audit.estimate.EstimateReport.PricedItem;
import dev.agcinfra.audit.estimate.EstimateReport.StackEstimate;
import dev.agcinfra.audit.estimate.StackInventory.NatGateway;
import dev.agcinfra.audit.estimate.UsageAssumptions.Usage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Golden figures from shared/reference/aws-prices.md (infracost's tests and the AGC core), priced with the embedded table. */
class CostEstimatorTest {

    private static final PriceTable PRICES = PriceTable.embedded();

    private static StackEstimate priceOne(StackInventory stack, Usage usage) {
        return new CostEstimator(PRICES, new UsageAssumptions(usage, Map.of())).estimate(List.of(stack)).stacks().get(0);
    }

    private static StackEstimate priceOne(StackInventory stack) {
        return priceOne(stack, Usage.NONE);
    }

    private static BigDecimal cents(BigDecimal usd) {
        return Money.round(usd);
    }

    @Nested
    @DisplayName("infracost's reference figures")
    class InfracostFigures {

        @Test
        void oneNatGatewayInUsEast1CostsThirtyTwoDollarsEightyFiveAMonth() {
            StackEstimate estimate = priceOne(natOnly("us-east-1"));

            assertThat(estimate.items()).singleElement().satisfies(item -> {
                assertThat(item.category()).isEqualTo(Category.NAT_GATEWAY_HOURS);
                assertThat(item.quantity()).isEqualByComparingTo("730");
                assertThat(item.unitPriceUsd()).isEqualByComparingTo("0.045");
                assertThat(cents(item.monthlyUsd())).isEqualByComparingTo("32.85");
            });
        }

        @Test
        void oneHundredGbThroughANatGatewayInUsEast1CostFourDollarsFifty() {
            StackEstimate estimate = priceOne(natOnly("us-east-1"), new Usage(usd("100"), null));

            assertThat(cents(estimate.monthlyUsd(Category.NAT_GATEWAY_DATA))).isEqualByComparingTo("4.50");
            assertThat(estimate.usageBased()).isEmpty();
        }

        @Test
        void oneNatGatewayInSaEast1CostsSixtySevenDollarsEightyNineAMonth() {
            assertThat(cents(priceOne(natOnly("sa-east-1")).monthlyUsd())).isEqualByComparingTo("67.89");
        }

        @Test
        void anInterfaceEndpointInOneAzCostsSevenDollarsThirtyAMonth() {
            assertThat(cents(priceOne(endpointOnly("us-east-1", 1)).monthlyUsd())).isEqualByComparingTo("7.30");
        }

        @Test
        void anInterfaceEndpointInTwoAzsBills1460HoursForFourteenDollarsSixty() {
            StackEstimate estimate = priceOne(endpointOnly("us-east-1", 2));

            assertThat(estimate.items()).singleElement().satisfies(item -> {
                assertThat(item.quantity()).isEqualByComparingTo("1460");
                assertThat(cents(item.monthlyUsd())).isEqualByComparingTo("14.60");
            });
        }

        @Test
        void oneThousandGbThroughAnInterfaceEndpointCostTenDollars() {
            StackEstimate estimate = priceOne(endpointOnly("us-east-1", 1), new Usage(null, usd("1000")));

            assertThat(cents(estimate.monthlyUsd(Category.INTERFACE_ENDPOINT_DATA))).isEqualByComparingTo("10.00");
        }

        @Test
        void sevenMillionGbThroughInterfaceEndpointsArePricedInThreeTiers() {
            StackEstimate estimate = priceOne(endpointOnly("us-east-1", 1), new Usage(null, usd("7000000")));

            List<PricedItem> data = estimate.items().stream()
                    .filter(i -> i.category() == Category.INTERFACE_ENDPOINT_DATA).toList();
            assertThat(data).extracting(PricedItem::tier).containsExactly("first 1 PB", "next 4 PB", "above 5 PB");
            assertThat(data).extracting(i -> cents(i.monthlyUsd()))
                    .containsExactly(usd("10000.00"), usd("24000.00"), usd("8000.00"));
            assertThat(cents(estimate.monthlyUsd(Category.INTERFACE_ENDPOINT_DATA))).isEqualByComparingTo("42000.00");
        }
    }

    @Nested
    @DisplayName("the AGC core stacks")
    class AgcCore {

        @Test
        void theDefaultUsEast1CoreCostsTwoHundredSixtyTwoDollarsEightyBeforeData() {
            StackInventory core = StackLoader.load(Fixtures.resource("default-us-east-1")).get(0);

            StackEstimate estimate = priceOne(core);

            assertThat(cents(estimate.monthlyUsd(Category.NAT_GATEWAY_HOURS))).isEqualByComparingTo("98.55");
            assertThat(cents(estimate.monthlyUsd(Category.INTERFACE_ENDPOINT_HOURS))).isEqualByComparingTo("153.30");
            assertThat(cents(estimate.monthlyUsd(Category.PUBLIC_IPV4_HOURS))).isEqualByComparingTo("10.95");
            assertThat(cents(estimate.monthlyUsd())).isEqualByComparingTo("262.80");
            assertThat(estimate.unknown()).isEmpty();
        }

        @Test
        void theDefaultCoreListsEachNatGatewayEipAndEndpointOnceAndTheGatewayEndpointsAsFree() {
            StackEstimate estimate = priceOne(StackLoader.load(Fixtures.resource("default-us-east-1")).get(0));

            assertThat(estimate.items()).filteredOn(i -> i.category() == Category.NAT_GATEWAY_HOURS).hasSize(3);
            assertThat(estimate.items()).filteredOn(i -> i.category() == Category.PUBLIC_IPV4_HOURS)
                    .hasSize(3).allSatisfy(i -> assertThat(i.address()).startsWith("aws_eip."));
            assertThat(estimate.items()).filteredOn(i -> i.category() == Category.INTERFACE_ENDPOINT_HOURS)
                    .hasSize(7).allSatisfy(i -> assertThat(i.quantity()).isEqualByComparingTo("2190"));
            assertThat(estimate.free()).extracting(EstimateReport.FreeItem::address)
                    .containsExactlyInAnyOrder("aws_vpc_endpoint.Endpoints_S3", "aws_vpc_endpoint.Endpoints_Dynamodb");
            assertThat(estimate.usageBased()).hasSize(10);
            assertThat(estimate.usageBased()).filteredOn(u -> u.category() == Category.NAT_GATEWAY_DATA)
                    .allSatisfy(u -> assertThat(u.unitPrice()).isEqualTo("$0.045 per GB processed"));
        }

        @Test
        void aPublicSubnetsCoreCostsNothingForTheseItems() {
            StackEstimate estimate = priceOne(StackLoader.load(Fixtures.resource("public-subnets-us-east-1")).get(0));

            assertThat(estimate.monthlyUsd()).isEqualByComparingTo("0");
            assertThat(estimate.items()).isEmpty();
            assertThat(estimate.unknown()).isEmpty();
        }

        @Test
        void anOwnVpcCoreCostsNothingForTheseItems() {
            StackEstimate estimate = priceOne(StackLoader.load(Fixtures.resource("own-vpc-us-east-1")).get(0));

            assertThat(estimate.monthlyUsd()).isEqualByComparingTo("0");
            assertThat(estimate.items()).isEmpty();
            assertThat(estimate.unknown()).isEmpty();
        }
    }

    @Nested
    @DisplayName("prices that are not known")
    class Unknown {

        @Test
        void aRegionWithoutASourcedNatGatewayPriceReportsItAsUnknownNotAsFreeAndPricesTheRest() {
            // ca-west-1: aws-prices-regions.md has its endpoint price but no NAT gateway price
            StackInventory stack = Fixtures.stack("ca-west-1", List.of(Fixtures.nat("aws_nat_gateway.nat")), List.of(),
                    List.of(Fixtures.endpoint("aws_vpc_endpoint.logs", 3)), List.of());

            StackEstimate estimate = priceOne(stack);

            assertThat(estimate.unknown()).hasSize(2).allSatisfy(u -> {
                assertThat(u.address()).isEqualTo("aws_nat_gateway.nat");
                assertThat(u.reason()).contains("no sourced price").contains("ca-west-1");
            });
            assertThat(estimate.unknown()).extracting(EstimateReport.UnknownItem::category)
                    .containsExactly(Category.NAT_GATEWAY_HOURS, Category.NAT_GATEWAY_DATA);
            assertThat(estimate.items()).singleElement().satisfies(item -> {
                assertThat(item.category()).isEqualTo(Category.INTERFACE_ENDPOINT_HOURS);
                assertThat(item.unitPriceUsd()).isEqualByComparingTo("0.011");
            });
        }

        @Test
        void aRegionWithNoFiguresAtAllReportsItsNatGatewayAsUnknown() {
            StackEstimate estimate = priceOne(natOnly("eu-south-2"));

            assertThat(estimate.items()).isEmpty();
            assertThat(estimate.unknown()).extracting(EstimateReport.UnknownItem::category)
                    .containsExactly(Category.NAT_GATEWAY_HOURS, Category.NAT_GATEWAY_DATA);
        }

        @Test
        void aRegionThatIsNotALiteralMakesEveryItemUnknown() {
            StackInventory stack = new StackInventory("s", null, "the AWS provider's region is an expression", true,
                    List.of(Fixtures.nat("aws_nat_gateway.nat")), List.of(), List.of(), List.of(), List.of());

            StackEstimate estimate = priceOne(stack);

            assertThat(estimate.items()).isEmpty();
            assertThat(estimate.unknown()).isNotEmpty()
                    .allSatisfy(u -> assertThat(u.reason()).contains("region is an expression"));
        }

        @Test
        void aResourceWithCountZeroIsNotBilled() {
            StackInventory stack = Fixtures.stack("us-east-1", List.of(new StackInventory.NatGateway(
                    "aws_nat_gateway.off", Count.of(0), true, List.of(), 1)), List.of(), List.of(), List.of());

            StackEstimate estimate = priceOne(stack);

            assertThat(estimate.items()).isEmpty();
            assertThat(estimate.usageBased()).isEmpty();
            assertThat(estimate.unknown()).isEmpty();
        }

        @Test
        void aCountThatIsAnExpressionIsReportedAsUnknownNeverGuessed() {
            StackInventory stack = Fixtures.stack("us-east-1", List.of(), List.of(), List.of(
                    new StackInventory.InterfaceEndpoint("aws_vpc_endpoint.ssm", "ssm",
                            Count.unknown("count is an expression"), Count.of(3))), List.of());

            StackEstimate estimate = priceOne(stack);

            assertThat(estimate.items()).isEmpty();
            assertThat(estimate.unknown()).singleElement().satisfies(u -> {
                assertThat(u.category()).isEqualTo(Category.INTERFACE_ENDPOINT_HOURS);
                assertThat(u.reason()).contains("count is an expression");
            });
        }
    }

    @Nested
    @DisplayName("usage assumptions")
    class Usages {

        @Test
        void endpointDataTiersContinueAcrossStacksOfTheSameRegion() {
            UsageAssumptions usage = new UsageAssumptions(new Usage(null, usd("800000")), Map.of());
            StackInventory first = endpointOnly("us-east-1", 1);
            StackInventory second = new StackInventory("second", "us-east-1", null, true, List.of(), List.of(),
                    first.interfaceEndpoints(), List.of(), List.of());

            EstimateReport report = new CostEstimator(PRICES, usage).estimate(List.of(first, second));

            // 800,000 GB at $0.01, then 200,000 GB at $0.01 and 600,000 GB at $0.006.
            assertThat(cents(report.stacks().get(0).monthlyUsd(Category.INTERFACE_ENDPOINT_DATA))).isEqualByComparingTo("8000.00");
            assertThat(cents(report.stacks().get(1).monthlyUsd(Category.INTERFACE_ENDPOINT_DATA))).isEqualByComparingTo("5600.00");
        }

        @Test
        void aStacksOwnAssumptionWinsOverTheGlobalOne() {
            UsageAssumptions usage = new UsageAssumptions(new Usage(usd("100"), null),
                    Map.of("test-us-east-1", new Usage(usd("1000"), null)));

            EstimateReport report = new CostEstimator(PRICES, usage).estimate(List.of(natOnly("us-east-1")));

            assertThat(cents(report.stacks().get(0).monthlyUsd(Category.NAT_GATEWAY_DATA))).isEqualByComparingTo("45.00");
        }

        @Test
        void withoutAssumptionsTheDataCategoriesAreListedWithTheirUnitPriceOnly() {
            StackEstimate estimate = priceOne(endpointOnly("us-east-1", 1));

            assertThat(estimate.usageBased()).singleElement().satisfies(u -> assertThat(u.unitPrice())
                    .startsWith("$0.01 per GB processed (first 1 PB), $0.006 (next 4 PB), $0.004 (above 5 PB)"));
        }
    }

    @Nested
    @DisplayName("flow logs")
    class FlowLogs {

        private StackInventory withFlowLog(String region) {
            return new StackInventory("test-" + region, region, null, true, List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(new StackInventory.FlowLog("aws_flow_log.vpc_flow_log", Count.ONE)));
        }

        @Test
        void aFlowLogIsListedByWhatItIngestsAtTheRegionsCloudWatchLogsPriceAndAddsNothingHourly() {
            StackEstimate usEast1 = priceOne(withFlowLog("us-east-1"));
            StackEstimate euWest2 = priceOne(withFlowLog("eu-west-2"));

            assertThat(usEast1.items()).isEmpty();
            assertThat(usEast1.usageBased()).singleElement().satisfies(u -> {
                assertThat(u.address()).isEqualTo("aws_flow_log.vpc_flow_log");
                assertThat(u.category()).isEqualTo(Category.LOGS_INGESTION);
                assertThat(u.unitPrice()).startsWith("$0.5 per GB ingested");
                assertThat(u.source()).startsWith("shared/reference/aws-prices-regions.md [S2][S3][S4]");
            });
            assertThat(euWest2.usageBased()).singleElement()
                    .satisfies(u -> assertThat(u.unitPrice()).startsWith("$0.5985 per GB ingested"));
        }

        @Test
        void aRegionWithoutASourcedIngestionPriceReportsTheFlowLogAsUnknown() {
            StackEstimate estimate = priceOne(withFlowLog("eu-south-2"));

            assertThat(estimate.usageBased()).isEmpty();
            assertThat(estimate.unknown()).singleElement()
                    .satisfies(u -> assertThat(u.category()).isEqualTo(Category.LOGS_INGESTION));
        }
    }

    @Nested
    @DisplayName("a regional NAT gateway")
    class RegionalNatGateway {

        final NatGateway automatic = new NatGateway("aws_nat_gateway.regional", Count.ONE, true, List.of(), 0, true);
        final NatGateway zonal = new NatGateway("aws_nat_gateway.zonal", Count.ONE, true, List.of(), 1);

        @Test
        void isUnknownWithTheReasonForItsHoursDataAndTheAddressesAwsAssignsItNeverPricedAsAZonalOne() {
            StackEstimate estimate = priceOne(Fixtures.stack("us-east-1", List.of(automatic), List.of(), List.of(),
                    List.of()));

            assertThat(estimate.items()).isEmpty();
            assertThat(estimate.usageBased()).isEmpty();
            assertThat(estimate.unknown()).extracting(u -> u.category() + ": " + u.reason()).containsExactly(
                    "nat-gateway-hours: " + CostEstimator.REGIONAL_NAT_GATEWAY,
                    "nat-gateway-data: " + CostEstimator.REGIONAL_NAT_GATEWAY,
                    "public-ipv4-hours: " + CostEstimator.REGIONAL_NAT_ADDRESSES);
            assertThat(CostEstimator.REGIONAL_NAT_GATEWAY).contains("RegionalNatGateway-*", "no price is sourced");
        }

        @Test
        void anAssumedNatVolumeIsPricedForTheZonalGatewaysOnly() {
            StackEstimate estimate = priceOne(Fixtures.stack("us-east-1", List.of(zonal, automatic), List.of(),
                    List.of(), List.of()), new Usage(usd("100"), null));

            // 730 h × $0.045 + its own address 730 h × $0.005 + 100 GB × $0.045 through the zonal one
            assertThat(cents(estimate.monthlyUsd())).isEqualByComparingTo("41.00");
            assertThat(estimate.items()).filteredOn(i -> i.category() == Category.NAT_GATEWAY_DATA).singleElement()
                    .satisfies(i -> assertThat(i.address()).isEqualTo("aws_nat_gateway.zonal"));
            assertThat(estimate.unknown()).extracting(u -> u.address() + " " + u.category()).containsExactly(
                    "aws_nat_gateway.regional nat-gateway-hours", "aws_nat_gateway.regional nat-gateway-data",
                    "aws_nat_gateway.regional public-ipv4-hours");
        }

        @Test
        void inManualModeItsElasticIpsOfTheStackArePricedAsAddressesAndTheGatewayStaysUnknown() {
            NatGateway manual = new NatGateway("aws_nat_gateway.regional", Count.ONE, true, List.of("aws_eip.a"), 0, true);
            StackEstimate estimate = priceOne(Fixtures.stack("us-east-1", List.of(manual),
                    List.of(new StackInventory.ElasticIp("aws_eip.a", Count.ONE)), List.of(), List.of()));

            assertThat(estimate.items()).singleElement().satisfies(i -> {
                assertThat(i.category()).isEqualTo(Category.PUBLIC_IPV4_HOURS);
                assertThat(i.address()).isEqualTo("aws_eip.a");
            });
            assertThat(estimate.unknown()).extracting(u -> u.category()).containsExactly(Category.NAT_GATEWAY_HOURS,
                    Category.NAT_GATEWAY_DATA);
        }
    }

    @Test
    void theTotalIsTheSumOfTheStacksRoundedOnlyAtOutput() {
        EstimateReport report = new CostEstimator(PRICES, UsageAssumptions.NONE)
                .estimate(StackLoader.load(Fixtures.resource("two-regions")));

        // us-east-1 core 262.80 + sa-east-1 core: 3 NATs 203.67 + 3 EIPs 10.95 + 21 endpoint-AZs at $0.021 321.93.
        assertThat(cents(report.totalMonthlyUsd())).isEqualByComparingTo("799.35");
        assertThat(report.stacks()).extracting(s -> cents(s.monthlyUsd()).toPlainString())
                .containsExactly("0.00", "262.80", "0.00", "536.55");
        assertThat(report.hasUnknown()).isFalse();
    }
}
