package dev.agcinfra.audit.estimate;

import dev.agcinfra.audit.report.Money;
import static dev.agcinfra.audit.estimate.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.audit.estimate.ComparisonReport.StackComparison;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonReportTest {

    private static ComparisonReport compare(String... fixtures) {
        List<StackInventory> stacks = new ArrayList<>();
        for (String fixture : fixtures) {
            stacks.addAll(StackLoader.load(resource(fixture)));
        }
        return ComparisonReport.compare(stacks, PriceTable.embedded(), UsageAssumptions.NONE);
    }

    @Test
    void theDefaultCoreCostsTwoHundredSixtyTwoEightyPrivateNothingPublicAndOneEightyNineEightyWithOneNat() {
        StackComparison core = compare("default-us-east-1").stacks().get(0);

        assertThat(Money.round(core.scenario(Scenario.PRIVATE_SUBNETS).estimate().monthlyUsd()))
                .isEqualByComparingTo("262.80");
        assertThat(core.scenario(Scenario.PUBLIC_SUBNETS).estimate().monthlyUsd()).isEqualByComparingTo("0");
        // One NAT gateway $32.85 + its EIP $3.65 + the same 21 endpoint-AZs $153.30.
        assertThat(Money.round(core.scenario(Scenario.SINGLE_NAT_GATEWAY).estimate().monthlyUsd()))
                .isEqualByComparingTo("189.80");
    }

    @Test
    void onlyStacksThatCreateAVpcAreCompared() {
        ComparisonReport report = compare("two-regions", "own-vpc-us-east-1");

        assertThat(report.stacks()).extracting(StackComparison::stack)
                .containsExactly("agc-core-us-east-1", "agc-core-sa-east-1");
    }

    @Test
    void aStackSynthesizedWithPublicSubnetsCannotBePricedAsPrivateAndSaysSo() {
        StackComparison stack = compare("public-subnets-us-east-1").stacks().get(0);

        assertThat(stack.scenario(Scenario.PRIVATE_SUBNETS).estimate()).isNull();
        assertThat(stack.scenario(Scenario.PRIVATE_SUBNETS).note()).contains("usePublicSubnets");
        assertThat(stack.scenario(Scenario.PUBLIC_SUBNETS).estimate().monthlyUsd()).isEqualByComparingTo("0");
        assertThat(stack.scenario(Scenario.SINGLE_NAT_GATEWAY).estimate()).isNull();
    }

    @Test
    void totalsAddUpPerScenario() {
        ComparisonReport report = compare("two-regions");

        // sa-east-1: 3 NATs $203.67 + 3 EIPs $10.95 + 21 endpoint-AZs $321.93; one NAT: $67.89 + $3.65 + $321.93.
        assertThat(Money.round(report.totalMonthlyUsd(Scenario.PRIVATE_SUBNETS))).isEqualByComparingTo("799.35");
        assertThat(Money.round(report.totalMonthlyUsd(Scenario.SINGLE_NAT_GATEWAY))).isEqualByComparingTo("583.27");
        assertThat(report.totalMonthlyUsd(Scenario.PUBLIC_SUBNETS)).isEqualByComparingTo("0");
        assertThat(report.incomplete(Scenario.PRIVATE_SUBNETS)).isFalse();
    }

    @Test
    void totalsFlagTheScenariosWithUnknownItems() {
        // Given the two regions and a core in ca-west-1, which has no sourced NAT gateway price
        ComparisonReport report = compare("two-regions", "core-ca-west-1");

        // Then the NAT gateways of ca-west-1 are left out of the totals, and the totals say so
        assertThat(Money.round(report.totalMonthlyUsd(Scenario.PRIVATE_SUBNETS))).isEqualByComparingTo("978.93");
        assertThat(report.incomplete(Scenario.PRIVATE_SUBNETS)).isTrue();
        assertThat(report.incomplete(Scenario.SINGLE_NAT_GATEWAY)).isTrue();
        assertThat(report.incomplete(Scenario.PUBLIC_SUBNETS)).as("no NAT gateway left to price").isFalse();
    }
}
