package dev.agcinfra.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.audit.estimate.Category;
import dev.agcinfra.audit.estimate.CostEstimator;
import dev.agcinfra.audit.estimate.EstimateReport;
import dev.agcinfra.audit.estimate.EstimateReport.StackEstimate;
import dev.agcinfra.audit.estimate.PriceTable;
import dev.agcinfra.audit.estimate.StackLoader;
import dev.agcinfra.audit.estimate.UsageAssumptions;
import dev.agcinfra.audit.estimate.UsageAssumptions.Usage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit's offline estimate on what this app really synthesizes (not hand-written fixtures): the figures of
 * aws-prices.md for the default region, and nothing hourly for public-subnet or own-VPC regions.
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
        EstimateReport report = new CostEstimator(PriceTable.embedded(), usage).estimate(StackLoader.load(outdir));
        return report.stacks().stream().collect(Collectors.toMap(StackEstimate::stack, Function.identity()));
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
    void pricesNatDataFromTheAssumedVolumeAndReportsUnsourcedPricesAsUnknown() {
        Map<String, StackEstimate> stacks = estimate(UsageAssumptions.of(new Usage(new BigDecimal("100"), null), Map.of()));

        assertThat(stacks.get("agc-core-us-east-1").monthlyUsd(Category.NAT_GATEWAY_DATA)).isEqualByComparingTo(usd("4.50"));
        StackEstimate saoPaulo = stacks.get("agc-core-sa-east-1");
        assertThat(saoPaulo.monthlyUsd(Category.NAT_GATEWAY_HOURS)).isEqualByComparingTo(usd("203.67"));
        assertThat(saoPaulo.unknown()).extracting(u -> u.category()).contains(Category.INTERFACE_ENDPOINT_HOURS);
        assertThat(saoPaulo.monthlyUsd(Category.INTERFACE_ENDPOINT_HOURS)).isEqualByComparingTo(BigDecimal.ZERO);
    }
}
