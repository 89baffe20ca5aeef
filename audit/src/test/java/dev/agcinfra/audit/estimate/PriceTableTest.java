package dev.agcinfra.audit.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceTableTest {

    /** Every commercial region of the aws partition at the time of writing. */
    private static final List<String> COMMERCIAL_REGIONS = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "af-south-1", "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2",
            "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ap-northeast-1",
            "ap-northeast-2", "ap-northeast-3", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1", "il-central-1",
            "me-south-1", "me-central-1", "mx-central-1", "sa-east-1");

    @TempDir
    Path temp;

    @Test
    void theEmbeddedTableListsEveryCommercialRegion() {
        assertThat(PriceTable.embedded().regions()).containsExactlyInAnyOrderElementsOf(COMMERCIAL_REGIONS);
    }

    @Test
    void everyEmbeddedFigureNamesItsSourceAndDate() {
        PriceTable table = PriceTable.embedded();
        for (String region : table.regions()) {
            for (Category category : Category.values()) {
                table.price(region, category).ifPresent(price -> {
                    assertThat(price.source()).as(region + " " + category).isNotBlank();
                    assertThat(price.date()).as(region + " " + category).matches("\\d{4}-\\d{2}-\\d{2}");
                });
            }
        }
    }

    @ParameterizedTest(name = "{1} in {0} is ${2} as aws-prices-regions.md lists it")
    @CsvSource({
        "us-east-1, nat-gateway-hours, 0.045", "us-west-2, nat-gateway-hours, 0.045",
        "eu-west-1, nat-gateway-hours, 0.048", "eu-central-1, nat-gateway-hours, 0.052",
        "ap-southeast-1, nat-gateway-hours, 0.059", "ap-northeast-1, nat-gateway-hours, 0.062",
        "sa-east-1, nat-gateway-hours, 0.093", "us-east-2, nat-gateway-hours, 0.045", "us-west-1, nat-gateway-hours, 0.048",
        "ca-central-1, nat-gateway-hours, 0.050", "eu-north-1, nat-gateway-hours, 0.046",
        "ap-south-1, nat-gateway-hours, 0.056", "ap-southeast-2, nat-gateway-hours, 0.059",
        "me-south-1, nat-gateway-hours, 0.0528", "il-central-1, nat-gateway-hours, 0.0504",
        "us-east-1, nat-gateway-data, 0.045", "eu-west-1, nat-gateway-data, 0.048", "sa-east-1, nat-gateway-data, 0.093",
        "eu-central-1, nat-gateway-data, 0.052", "ap-east-1, nat-gateway-data, 0.065",
        "us-east-1, interface-endpoint-hours, 0.01", "eu-west-1, interface-endpoint-hours, 0.011",
        "eu-central-1, interface-endpoint-hours, 0.012", "ap-southeast-1, interface-endpoint-hours, 0.013",
        "ap-northeast-1, interface-endpoint-hours, 0.014", "sa-east-1, interface-endpoint-hours, 0.021",
        "eu-north-1, interface-endpoint-hours, 0.0105", "af-south-1, interface-endpoint-hours, 0.01309",
        "ca-west-1, interface-endpoint-hours, 0.011", "mx-central-1, interface-endpoint-hours, 0.0105",
        "ca-west-1, interface-endpoint-data, 0.010", "ca-west-1, public-ipv4-hours, 0.005",
        "eu-south-2, public-ipv4-hours, 0.005", "mx-central-1, s3-standard-storage, 0.02415",
        "ap-northeast-1, s3-standard-storage, 0.025", "eu-west-2, logs-ingestion, 0.5985",
        "us-east-1, logs-ingestion, 0.50", "sa-east-1, logs-storage, 0.0408",
    })
    void theEmbeddedTableHoldsTheSourcedFigures(String region, String category, String usd) {
        assertThat(PriceTable.embedded().price(region, Category.fromId(category).orElseThrow()))
                .hasValueSatisfying(p -> assertThat(p.firstUsd()).isEqualByComparingTo(usd));
    }

    @ParameterizedTest(name = "{1} in {0} has no sourced figure")
    @CsvSource({"ca-west-1, nat-gateway-hours", "ca-west-1, nat-gateway-data", "mx-central-1, nat-gateway-hours",
        "mx-central-1, nat-gateway-data", "eu-south-2, nat-gateway-hours", "cn-north-1, public-ipv4-hours"})
    void aFigureWithoutASourceIsAbsentNotGuessed(String region, String category) {
        assertThat(PriceTable.embedded().price(region, Category.fromId(category).orElseThrow())).isEmpty();
    }

    @Test
    void theFiguresOfTheReferencesRegionsNameTheirSourceKeysAndTheDateOfTheirFeed() {
        PriceTable table = PriceTable.embedded();

        Price nat = table.price("us-east-2", Category.NAT_GATEWAY_HOURS).orElseThrow();
        Price endpoints = table.price("ap-southeast-2", Category.INTERFACE_ENDPOINT_HOURS).orElseThrow();
        Price crossChecked = table.price("us-east-1", Category.NAT_GATEWAY_HOURS).orElseThrow();

        assertThat(nat.source()).startsWith("shared/reference/aws-prices-regions.md [S1]: ").endsWith("(one source)");
        assertThat(nat.date()).isEqualTo("2026-09-03");
        assertThat(endpoints.source()).startsWith("shared/reference/aws-prices-regions.md [S2]: ");
        assertThat(endpoints.date()).isEqualTo("2025-06-13");
        assertThat(crossChecked.source()).startsWith("shared/reference/aws-prices-regions.md [S1][S3][S4][S7]: ")
                .doesNotContain("one source");
    }

    @Test
    void theInterfaceEndpointDataTiersAreTheSameInEveryRegionWithAnEndpointPrice() {
        PriceTable table = PriceTable.embedded();
        for (String region : table.regions()) {
            table.price(region, Category.INTERFACE_ENDPOINT_HOURS).ifPresent(hours -> {
                Price data = table.price(region, Category.INTERFACE_ENDPOINT_DATA).orElseThrow();
                assertThat(data.tiers()).as(region).extracting(t -> t.usd().toPlainString())
                        .containsExactly("0.01", "0.006", "0.004");
            });
        }
    }

    @Test
    void aPriceFileOverridesAndExtendsTheEmbeddedTable() throws IOException {
        Path file = temp.resolve("prices.json");
        Files.writeString(file, """
                {"currency": "USD", "regions": {
                  "eu-south-2": {"nat-gateway-hours": {"usd": 0.05, "source": "our invoice, 2026-10", "date": "2026-11-01"}},
                  "us-east-1": {"nat-gateway-hours": {"usd": "0.04", "source": "negotiated rate"}}}}
                """);

        PriceTable table = PriceTable.embedded().overriddenBy(PriceTable.fromFile(file));

        assertThat(table.price("eu-south-2", Category.NAT_GATEWAY_HOURS)).hasValueSatisfying(p -> {
            assertThat(p.firstUsd()).isEqualByComparingTo("0.05");
            assertThat(p.source()).isEqualTo("our invoice, 2026-10");
        });
        assertThat(table.price("us-east-1", Category.NAT_GATEWAY_HOURS).orElseThrow().firstUsd())
                .isEqualByComparingTo("0.04");
        assertThat(table.price("us-east-1", Category.PUBLIC_IPV4_HOURS).orElseThrow().firstUsd())
                .isEqualByComparingTo("0.005");
    }

    @Test
    void aPriceFileFigureWithoutASourceIsRejected() throws IOException {
        Path file = temp.resolve("prices.json");
        Files.writeString(file, "{\"regions\": {\"us-east-1\": {\"nat-gateway-hours\": {\"usd\": 0.05}}}}");

        assertThatThrownBy(() -> PriceTable.fromFile(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("regions.us-east-1.nat-gateway-hours").hasMessageContaining("source");
    }

    @Test
    void aPriceFileWithAnUnknownCategoryIsRejected() throws IOException {
        Path file = temp.resolve("prices.json");
        Files.writeString(file, "{\"regions\": {\"us-east-1\": {\"nat-hours\": {\"usd\": 0.05, \"source\": \"x\"}}}}");

        assertThatThrownBy(() -> PriceTable.fromFile(file)).hasMessageContaining("unknown category");
    }

    @Test
    void tiersMustEndUnboundedAndIncrease() {
        assertThatThrownBy(() -> new Price(Category.INTERFACE_ENDPOINT_DATA, "us-east-1",
                List.of(new Tier(new java.math.BigDecimal("10"), java.math.BigDecimal.ONE)), "s", null))
                .hasMessageContaining("unbounded");
    }
}
