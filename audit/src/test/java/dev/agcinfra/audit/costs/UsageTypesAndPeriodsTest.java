package dev.agcinfra.audit.costs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.costs.UsageTypes.UsageType;
import dev.agcinfra.audit.estimate.Category;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;

/** Usage types to regions and categories, and the billing periods: pure functions. */
class UsageTypesAndPeriodsTest {

    @Nested
    @DisplayName("a usage type")
    class UsageTypes_ {

        @ParameterizedTest(name = "{0} is {2} in {1}")
        @CsvSource({
            "NatGateway-Hours,              us-east-1,      nat-gateway-hours",
            "NatGateway-Bytes,              us-east-1,      nat-gateway-data",
            "USE1-VpcEndpoint-Hours,        us-east-1,      interface-endpoint-hours",
            "USE1-VpcEndpoint-Bytes,        us-east-1,      interface-endpoint-data",
            "USE1-PublicIPv4:InUseAddress,  us-east-1,      public-ipv4-hours",
            "USE1-PublicIPv4:IdleAddress,   us-east-1,      public-ipv4-hours",
            "EU-NatGateway-Hours,           eu-west-1,      nat-gateway-hours",
            "EUC1-VpcEndpoint-Hours,        eu-central-1,   interface-endpoint-hours",
            "SAE1-NatGateway-Bytes,         sa-east-1,      nat-gateway-data",
            "APS3-PublicIPv4:IdleAddress,   ap-south-1,     public-ipv4-hours",
            "USW2-NatGateway-Hours,         us-west-2,      nat-gateway-hours",
        })
        void mapsToItsRegionAndCategory(String usageType, String region, String category) {
            UsageType parsed = UsageTypes.parse(usageType);

            assertThat(parsed.region()).isEqualTo(region);
            assertThat(parsed.category()).isEqualTo(Category.fromId(category).orElseThrow());
        }

        @Test
        @DisplayName("without a prefix is us-east-1, and anything else than the five categories has none")
        void withoutPrefixOrCategory() {
            UsageType storage = UsageTypes.parse("TimedStorage-ByteHrs");

            assertThat(storage.prefix()).isNull();
            assertThat(storage.region()).isEqualTo("us-east-1");
            assertThat(storage.category()).isNull();
            assertThat(UsageTypes.parse("USE1-TimedStorage-ByteHrs").category()).isNull();
        }

        @Test
        @DisplayName("with a prefix that is not a known billing code has no region, never a guessed one")
        void unknownPrefix() {
            UsageType parsed = UsageTypes.parse("MES1-NatGateway-Hours");

            assertThat(parsed.prefix()).isEqualTo("MES1");
            assertThat(parsed.region()).isNull();
            assertThat(parsed.category()).isEqualTo(Category.NAT_GATEWAY_HOURS);
        }

        @Test
        @DisplayName("whose first word is not all capitals has no prefix")
        void mixedCaseFirstWordIsNoPrefix() {
            assertThat(UsageTypes.parse("DataTransfer-Out-Bytes").prefix()).isNull();
        }
    }

    @Nested
    @DisplayName("the billing periods")
    class Periods {

        @Test
        @DisplayName("in mid-month are last month [1st, 1st) and month to date [1st, today), ends exclusive")
        void midMonth() {
            BillingPeriods periods = BillingPeriods.of(LocalDate.parse("2026-08-15"));

            assertThat(periods.lastMonthStart()).isEqualTo("2026-07-01");
            assertThat(periods.thisMonthStart()).isEqualTo("2026-08-01");
            assertThat(periods.today()).isEqualTo("2026-08-15");
            assertThat(periods.hasMonthToDate()).isTrue();
            assertThat(periods.isLastMonth(LocalDate.parse("2026-07-01"))).isTrue();
            assertThat(periods.isLastMonth(LocalDate.parse("2026-08-01"))).isFalse();
        }

        @Test
        @DisplayName("on the 1st have an empty month to date, and in January reach back into December")
        void firstOfJanuary() {
            BillingPeriods periods = BillingPeriods.of(LocalDate.parse("2027-01-01"));

            assertThat(periods.lastMonthStart()).isEqualTo("2026-12-01");
            assertThat(periods.thisMonthStart()).isEqualTo("2027-01-01");
            assertThat(periods.hasMonthToDate()).isFalse();
        }

        @Test
        @DisplayName("come from an injected clock, in UTC")
        void fromClock() {
            Clock lateEvening = Clock.fixed(Instant.parse("2026-08-31T23:30:00Z"), ZoneOffset.ofHours(-5));

            assertThat(BillingPeriods.of(lateEvening).today()).isEqualTo("2026-08-31");
        }

        @Test
        @DisplayName("make one request from the 1st of last month to today, filtered by the tag, grouped twice")
        void request() {
            GetCostAndUsageRequest request = CostExplorerReader.request(TagFilter.DEFAULT,
                    BillingPeriods.of(LocalDate.parse("2026-08-15")));

            assertThat(request.timePeriod().start()).isEqualTo("2026-07-01");
            assertThat(request.timePeriod().end()).isEqualTo("2026-08-15");
            assertThat(request.granularityAsString()).isEqualTo("MONTHLY");
            assertThat(request.filter().tags().key()).isEqualTo("application-name");
            assertThat(request.filter().tags().values()).containsExactly("agc");
            assertThat(request.groupBy()).extracting(g -> g.key()).containsExactly("SERVICE", "USAGE_TYPE");
            assertThat(request.metrics()).containsExactly("UnblendedCost", "UsageQuantity");
        }
    }

    @Test
    @DisplayName("Cost Explorer is called in us-east-1 for the commercial partition, whatever regions are audited")
    void callRegion() {
        assertThat(CostExplorerReader.callRegion("eu-west-1")).isEqualTo("us-east-1");
        assertThat(CostExplorerReader.callRegion("cn-north-1")).isEqualTo("cn-northwest-1");
        assertThat(CostExplorerReader.callRegion("us-gov-east-1")).isEqualTo("us-gov-west-1");
    }
}
