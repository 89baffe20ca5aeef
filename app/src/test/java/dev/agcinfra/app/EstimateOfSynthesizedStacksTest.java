package dev.agcinfra.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.audit.estimate.Category;
import dev.agcinfra.audit.estimate.ComparisonReport;
import dev.agcinfra.audit.estimate.CostEstimator;
import dev.agcinfra.audit.estimate.EstimateReport;
import dev.agcinfra.audit.estimate.EstimateReport.StackEstimate;
import dev.agcinfra.audit.estimate.PriceTable;
import dev.agcinfra.audit.estimate.Scenario;
import dev.agcinfra.audit.estimate.StackLoader;
import dev.agcinfra.audit.estimate.UsageAssumptions;
import dev.agcinfra.audit.estimate.UsageAssumptions.Usage;
import dev.agcinfra.audit.report.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The audit's offline estimate on what this app really synthesizes (not hand-written fixtures): the figures of
 * aws-prices.md for the default region, fewer NAT gateways, flow logs, the regions of aws-prices-regions.md, and
 * nothing hourly for public-subnet or own-VPC regions.
 */
class EstimateOfSynthesizedStacksTest {

    @TempDir
    static Path dir;
    static Path outdir;

    @BeforeAll
    static void synthesize() throws IOException {
        outdir = OfflineSynth.cdktfOut(dir, """
                account: "123456789012"
                regions:
                  us-east-1: {}
                  eu-west-1: { usePublicSubnets: true }
                  us-west-2:
                    vpc: vpc-0123456789abcdef0
                    subnets: [subnet-0123456789abcdef0, subnet-0fedcba9876543210, subnet-00112233445566778]
                    bucket: my-existing-results-bucket
                  sa-east-1: {}
                """);
    }

    static Map<String, StackEstimate> estimate(UsageAssumptions usage) {
        return estimate(outdir, usage);
    }

    static Map<String, StackEstimate> estimate(Path cdktfOut, UsageAssumptions usage) {
        EstimateReport report = new CostEstimator(PriceTable.embedded(), usage).estimate(StackLoader.load(cdktfOut));
        return report.stacks().stream().collect(Collectors.toMap(StackEstimate::stack, Function.identity()));
    }

    /** A priced line as the comparison below needs it: what, how much, at which price. */
    static String line(EstimateReport.PricedItem item) {
        return item.address() + " " + item.category() + " " + item.quantity().stripTrailingZeros().toPlainString()
                + " x " + item.unitPriceUsd().stripTrailingZeros().toPlainString();
    }

    static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void theDefaultRegionCosts262Dollars80AMonthBeforeData() {
        StackEstimate core = estimate(UsageAssumptions.NONE).get("agc-core-us-east-1");

        assertThat(core.monthlyUsd(Category.NAT_GATEWAY_HOURS)).isEqualByComparingTo(usd("98.55"));
        assertThat(core.monthlyUsd(Category.INTERFACE_ENDPOINT_HOURS)).isEqualByComparingTo(usd("153.30"));
        assertThat(core.monthlyUsd(Category.PUBLIC_IPV4_HOURS)).isEqualByComparingTo(usd("10.95"));
        assertThat(core.monthlyUsd()).isEqualByComparingTo(usd("262.80"));
        assertThat(core.items()).filteredOn(i -> i.category() == Category.NAT_GATEWAY_HOURS)
                .extracting(i -> i.address()).containsExactlyInAnyOrder(
                        "aws_nat_gateway.vpc_public_subnet1_nat_gateway", "aws_nat_gateway.vpc_public_subnet2_nat_gateway",
                        "aws_nat_gateway.vpc_public_subnet3_nat_gateway");
        assertThat(core.free()).hasSize(2);
        assertThat(core.unknown()).isEmpty();
    }

    @Test
    void publicSubnetOwnVpcAndDataStacksCostNothingByTheHour() {
        Map<String, StackEstimate> stacks = estimate(UsageAssumptions.NONE);

        for (String stack : new String[] {"agc-core-eu-west-1", "agc-core-us-west-2", "agc-data-us-east-1", "agc-data-eu-west-1"}) {
            assertThat(stacks.get(stack).monthlyUsd()).as(stack).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(stacks.get(stack).unknown()).as(stack).isEmpty();
        }
    }

    @Test
    void pricesNatDataFromTheAssumedVolumeAndEveryHourlyItemOfSaoPaulo() {
        Map<String, StackEstimate> stacks = estimate(UsageAssumptions.of(new Usage(new BigDecimal("100"), null), Map.of()));

        assertThat(stacks.get("agc-core-us-east-1").monthlyUsd(Category.NAT_GATEWAY_DATA)).isEqualByComparingTo(usd("4.50"));
        StackEstimate saoPaulo = stacks.get("agc-core-sa-east-1");
        assertThat(saoPaulo.monthlyUsd(Category.NAT_GATEWAY_HOURS)).isEqualByComparingTo(usd("203.67"));
        // aws-prices-regions.md: sa-east-1 interface endpoint $0.021 per AZ-hour, 21 endpoint-AZs
        assertThat(saoPaulo.monthlyUsd(Category.INTERFACE_ENDPOINT_HOURS)).isEqualByComparingTo(usd("321.93"));
        assertThat(saoPaulo.unknown()).isEmpty();
    }

    @Test
    void reportsWhatHasNoSourcedPriceAsUnknown(@TempDir Path other) throws IOException {
        // Given ca-west-1, whose NAT gateway price aws-prices-regions.md leaves unknown
        Path caWest = OfflineSynth.cdktfOut(other, "account: \"123456789012\"\nregions: { ca-west-1: {} }\n");

        // When
        StackEstimate core = estimate(caWest, UsageAssumptions.NONE).get("agc-core-ca-west-1");

        // Then
        assertThat(core.unknown()).extracting(u -> u.category()).containsOnly(Category.NAT_GATEWAY_HOURS,
                Category.NAT_GATEWAY_DATA).hasSize(6);
        assertThat(core.monthlyUsd(Category.NAT_GATEWAY_HOURS)).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(core.monthlyUsd(Category.INTERFACE_ENDPOINT_HOURS)).isEqualByComparingTo(usd("168.63"));
    }

    @Nested
    class FewerNatGateways {

        static Path oneNat;
        static Path twoNats;

        @BeforeAll
        static void synthesize(@TempDir Path one, @TempDir Path two) throws IOException {
            oneNat = OfflineSynth.cdktfOut(one, "account: \"123456789012\"\nregions: { us-east-1: { natGateways: 1 } }\n");
            twoNats = OfflineSynth.cdktfOut(two, "account: \"123456789012\"\nnatGateways: 2\nregions: { us-east-1: {} }\n");
        }

        @Test
        void oneNatGatewayInUsEast1Costs189Dollars80TwoNatGatewaysAndTheirAddressesLessThan262Dollars80() {
            StackEstimate core = estimate(oneNat, UsageAssumptions.NONE).get("agc-core-us-east-1");

            assertThat(core.monthlyUsd()).isEqualByComparingTo(usd("189.80"));
            assertThat(core.monthlyUsd(Category.NAT_GATEWAY_HOURS)).isEqualByComparingTo(usd("32.85"));
            assertThat(core.monthlyUsd(Category.PUBLIC_IPV4_HOURS)).isEqualByComparingTo(usd("3.65"));
            assertThat(core.monthlyUsd(Category.INTERFACE_ENDPOINT_HOURS)).isEqualByComparingTo(usd("153.30"));
            assertThat(core.items()).filteredOn(i -> i.category() == Category.NAT_GATEWAY_HOURS)
                    .extracting(i -> i.address()).containsExactly("aws_nat_gateway.vpc_public_subnet1_nat_gateway");
            assertThat(core.unknown()).isEmpty();
        }

        @Test
        void twoNatGatewaysCost226Dollars30() {
            StackEstimate core = estimate(twoNats, UsageAssumptions.NONE).get("agc-core-us-east-1");

            assertThat(core.monthlyUsd()).isEqualByComparingTo(usd("226.30"));
            assertThat(core.monthlyUsd(Category.NAT_GATEWAY_HOURS)).isEqualByComparingTo(usd("65.70"));
        }

        @Test
        void theOneNatColumnOfCompareIsExactlyWhatNatGateways1Synthesizes() {
            // Given the default core, compared
            ComparisonReport report = ComparisonReport.compare(StackLoader.load(outdir), PriceTable.embedded(),
                    UsageAssumptions.NONE);
            StackEstimate column = report.stacks().stream().filter(s -> s.stack().equals("agc-core-us-east-1"))
                    .findFirst().orElseThrow().scenario(Scenario.SINGLE_NAT_GATEWAY).estimate();

            // When the same region is synthesized with natGateways: 1
            StackEstimate synthesized = estimate(oneNat, UsageAssumptions.NONE).get("agc-core-us-east-1");

            // Then the lines are the same, address by address
            assertThat(column.items()).extracting(EstimateOfSynthesizedStacksTest::line)
                    .containsExactlyInAnyOrderElementsOf(synthesized.items().stream()
                            .map(EstimateOfSynthesizedStacksTest::line).toList());
            assertThat(column.monthlyUsd()).isEqualByComparingTo(synthesized.monthlyUsd());
        }
    }

    @Nested
    class RegionalNatGateway {

        static Path regional;

        @BeforeAll
        static void synthesize(@TempDir Path dir) throws IOException {
            regional = OfflineSynth.cdktfOut(dir, """
                    account: "123456789012"
                    regions: { us-east-1: { natGateways: regional } }
                    """);
        }

        @Test
        void itsHoursDataAndAddressesAreUnknownWithTheReasonAndTheEndpointsArePricedAsBefore() {
            StackEstimate core = estimate(regional, UsageAssumptions.of(new Usage(new BigDecimal("100"), null), Map.of()))
                    .get("agc-core-us-east-1");

            // Then nothing of the NAT gateway is priced, not even from the zonal price, and no Elastic IP is there
            assertThat(core.items()).extracting(i -> i.category()).containsOnly(Category.INTERFACE_ENDPOINT_HOURS);
            assertThat(core.monthlyUsd()).isEqualByComparingTo(usd("153.30"));
            assertThat(core.unknown()).extracting(u -> u.address() + " " + u.category()).containsExactly(
                    "aws_nat_gateway.vpc_regional_nat_gateway nat-gateway-hours",
                    "aws_nat_gateway.vpc_regional_nat_gateway nat-gateway-data",
                    "aws_nat_gateway.vpc_regional_nat_gateway public-ipv4-hours");
            assertThat(core.unknown().get(0).reason()).isEqualTo("a regional NAT gateway (availability_mode = "
                    + "\"regional\") bills under its own usage types (RegionalNatGateway-*), for which no price is "
                    + "sourced; the NAT gateway figures of the price table are the zonal NAT gateway's and are not used in "
                    + "its place");
            assertThat(core.unknown().get(2).reason()).startsWith("a regional NAT gateway in automatic mode gets its "
                    + "public IPv4 addresses from AWS").endsWith("how many is known only after apply");
        }

        @Test
        void compareKeepsItsNatGatewayUnknownInTheColumnsWithOneAndPricesThePublicSubnetColumn() {
            ComparisonReport report = ComparisonReport.compare(StackLoader.load(regional), PriceTable.embedded(),
                    UsageAssumptions.NONE);
            var core = report.stacks().stream().filter(s -> s.stack().equals("agc-core-us-east-1")).findFirst()
                    .orElseThrow();

            for (Scenario withNat : new Scenario[] {Scenario.PRIVATE_SUBNETS, Scenario.SINGLE_NAT_GATEWAY}) {
                StackEstimate column = core.scenario(withNat).estimate();
                assertThat(column.unknown()).as(withNat.id()).extracting(u -> u.category()).containsExactly(
                        Category.NAT_GATEWAY_HOURS, Category.NAT_GATEWAY_DATA, Category.PUBLIC_IPV4_HOURS);
                assertThat(column.monthlyUsd()).as(withNat.id()).isEqualByComparingTo(usd("153.30"));
            }
            StackEstimate publicSubnets = core.scenario(Scenario.PUBLIC_SUBNETS).estimate();
            assertThat(publicSubnets.unknown()).isEmpty();
            assertThat(publicSubnets.monthlyUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        }

        @Test
        void theReportSaysTheEstimateIsIncomplete() {
            EstimateReport report = new CostEstimator(PriceTable.embedded(), UsageAssumptions.NONE)
                    .estimate(StackLoader.load(regional));

            assertThat(report.hasUnknown()).isTrue();
        }
    }

    @Test
    void aFlowLogIsListedByWhatItIngestsAtTheRegionsCloudWatchLogsPrice(@TempDir Path other) throws IOException {
        // Given
        Path flowLogs = OfflineSynth.cdktfOut(other, """
                account: "123456789012"
                regions:
                  us-east-1: { flowLogs: true }
                  eu-west-2: { usePublicSubnets: true, flowLogs: true }
                """);

        // When
        Map<String, StackEstimate> stacks = estimate(flowLogs, UsageAssumptions.NONE);

        // Then: nothing by the hour, the ingestion by traffic at aws-prices-regions.md's price
        assertThat(stacks.get("agc-core-us-east-1").monthlyUsd()).isEqualByComparingTo(usd("262.80"));
        assertThat(stacks.get("agc-core-us-east-1").usageBased())
                .filteredOn(u -> u.category() == Category.LOGS_INGESTION).singleElement()
                .satisfies(u -> {
                    assertThat(u.address()).isEqualTo("aws_flow_log.vpc_flow_log");
                    assertThat(u.unitPrice()).startsWith("$0.5 per GB ingested");
                });
        assertThat(stacks.get("agc-core-eu-west-2").usageBased()).singleElement()
                .satisfies(u -> assertThat(u.unitPrice()).startsWith("$0.5985 per GB ingested"));
        assertThat(stacks.get("agc-core-eu-west-2").monthlyUsd()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Nested
    class EveryRegionPriced {

        static Map<String, StackEstimate> cores;

        @BeforeAll
        static void synthesize(@TempDir Path dir) throws IOException {
            Path out = OfflineSynth.cdktfOut(dir, """
                    account: "123456789012"
                    regions:
                      us-east-2: {}
                      ca-central-1: {}
                      eu-north-1: {}
                      ap-south-1: {}
                      ap-southeast-2: {}
                    """);
            cores = estimate(out, UsageAssumptions.NONE);
        }

        /**
         * The NAT gateway and interface endpoint hours of a default core in {@code region}: 3 NAT gateways and 7
         * interface endpoints in 3 AZs, 730 hours each, at aws-prices-regions.md's prices.
         */
        @ParameterizedTest(name = "{0}: NAT gateway ${1}/h, interface endpoint ${2}/AZ-h")
        @CsvSource({"us-east-2, 0.045, 0.010", "ca-central-1, 0.050, 0.011", "eu-north-1, 0.046, 0.0105",
            "ap-south-1, 0.056, 0.013", "ap-southeast-2, 0.059, 0.013"})
        void theNatGatewayAndEndpointHoursArePricedAsTheReferenceListsThem(String region, String natPerHour,
                                                                          String endpointPerAzHour) {
            StackEstimate core = cores.get("agc-core-" + region);

            assertThat(core.monthlyUsd(Category.NAT_GATEWAY_HOURS))
                    .isEqualByComparingTo(usd(natPerHour).multiply(usd("2190")));
            assertThat(core.monthlyUsd(Category.INTERFACE_ENDPOINT_HOURS))
                    .isEqualByComparingTo(usd(endpointPerAzHour).multiply(usd("15330")));
            assertThat(core.monthlyUsd(Category.PUBLIC_IPV4_HOURS)).isEqualByComparingTo(usd("10.95"));
            assertThat(core.unknown()).isEmpty();
            assertThat(core.items()).allSatisfy(i -> assertThat(i.source())
                    .startsWith("shared/reference/aws-prices-regions.md [S"));
        }

        @Test
        void inDollarsTheCoresCostWhatTheReferencePricesGive() {
            // eu-north-1: 3 × 730 × $0.046 = $100.74, 21 × 730 × $0.0105 = $160.965, 3 × 730 × $0.005 = $10.95
            assertThat(Money.round(cores.get("agc-core-eu-north-1").monthlyUsd())).isEqualByComparingTo(usd("272.66"));
            assertThat(Money.round(cores.get("agc-core-ca-central-1").monthlyUsd())).isEqualByComparingTo(usd("289.08"));
            assertThat(Money.round(cores.get("agc-core-ap-southeast-2").monthlyUsd())).isEqualByComparingTo(usd("339.45"));
            // us-east-2 is priced as us-east-1; ap-south-1: 3 × 730 × $0.056 + 21 × 730 × $0.013 + $10.95
            assertThat(Money.round(cores.get("agc-core-us-east-2").monthlyUsd())).isEqualByComparingTo(usd("262.80"));
            assertThat(Money.round(cores.get("agc-core-ap-south-1").monthlyUsd())).isEqualByComparingTo(usd("332.88"));
        }
    }
}
