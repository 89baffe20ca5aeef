package dev.agcinfra.audit.estimate;

import dev.agcinfra.audit.report.Json;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agcinfra.audit.AuditException;
import dev.agcinfra.cli.ExitCode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsRequest;
import software.amazon.awssdk.services.pricing.model.PricingException;

/**
 * Prices from the AWS Price List API ({@code GetProducts}), read once per region and kept for the run.
 *
 * <ul>
 *   <li>NAT gateway: service {@code AmazonEC2}, product family {@code NAT Gateway}, usage types
 *       {@code [<prefix>-]NatGateway-Hours} and {@code [<prefix>-]NatGateway-Bytes};
 *   <li>interface endpoints: service {@code AmazonVPC}, product family {@code VpcEndpoint}, usage types
 *       {@code [<prefix>-]VpcEndpoint-Hours} and {@code [<prefix>-]VpcEndpoint-Bytes} (tiered);
 *   <li>public IPv4: service {@code AmazonVPC}, usage type {@code [<prefix>-]PublicIPv4:InUseAddress}.
 * </ul>
 *
 * Each category takes the on-demand price dimensions of the matching products; when products disagree the price is
 * ambiguous and left unknown rather than picked.
 */
public final class LivePriceSource implements PriceSource {


    /**
     * A query of the Price List API and the usage types it prices; when the first service code has no matching
     * product, the next is asked (NAT gateways are listed under {@code AmazonEC2}; some tools find them under
     * {@code AmazonVPC}).
     */
    private record Query(List<String> serviceCodes, String productFamily, Map<Category, Pattern> usageTypes) {
    }

    private static final List<Query> QUERIES = List.of(
            new Query(List.of("AmazonEC2", "AmazonVPC"), "NAT Gateway", Map.of(
                    Category.NAT_GATEWAY_HOURS, usageType("NatGateway-Hours"),
                    Category.NAT_GATEWAY_DATA, usageType("NatGateway-Bytes"))),
            new Query(List.of("AmazonVPC"), "VpcEndpoint", Map.of(
                    Category.INTERFACE_ENDPOINT_HOURS, usageType("VpcEndpoint-Hours"),
                    Category.INTERFACE_ENDPOINT_DATA, usageType("VpcEndpoint-Bytes"))),
            new Query(List.of("AmazonVPC"), null, Map.of(
                    Category.PUBLIC_IPV4_HOURS, usageType("PublicIPv4:InUseAddress"))));

    private final PricingClient pricing;
    private final Clock clock;
    private final Map<String, Map<Category, Price>> byRegion = new HashMap<>();

    public LivePriceSource(PricingClient pricing, Clock clock) {
        this.pricing = Objects.requireNonNull(pricing, "pricing must be non-null");
        this.clock = Objects.requireNonNull(clock, "clock must be non-null");
    }

    @Override
    public Optional<Price> price(String region, Category category) {
        return Optional.ofNullable(prices(region).get(category));
    }

    @Override
    public String description() {
        return "AWS Price List API (GetProducts), read " + LocalDate.now(clock);
    }

    /**
     * Reads the prices of one region now, so that an AWS failure stops the run before any report is written.
     *
     * @throws AuditException with exit code 3 when the API cannot be read
     */
    public synchronized Map<Category, Price> prices(String region) {
        Map<Category, Price> prices = byRegion.get(region);
        if (prices == null) {
            prices = fetch(region);
            byRegion.put(region, prices);
        }
        return prices;
    }

    private Map<Category, Price> fetch(String region) {
        Map<Category, Price> prices = new EnumMap<>(Category.class);
        for (Query query : QUERIES) {
            for (String serviceCode : query.serviceCodes()) {
                Map<Category, List<List<Tier>>> found = new EnumMap<>(Category.class);
                Map<Category, String> skus = new EnumMap<>(Category.class);
                read(region, serviceCode, query, found, skus);
                found.forEach((category, candidates) -> {
                    if (candidates.stream().distinct().count() == 1) {
                        prices.put(category, new Price(category, region, candidates.get(0),
                                "AWS Price List API, " + serviceCode + " " + skus.get(category),
                                LocalDate.now(clock).toString()));
                    }
                });
                if (!found.isEmpty()) {
                    break;
                }
            }
        }
        return prices;
    }

    private void read(String region, String serviceCode, Query query, Map<Category, List<List<Tier>>> found,
                      Map<Category, String> skus) {
        List<Filter> filters = new ArrayList<>();
        filters.add(term("regionCode", region));
        if (query.productFamily() != null) {
            filters.add(term("productFamily", query.productFamily()));
        }
        GetProductsRequest request = GetProductsRequest.builder().serviceCode(serviceCode)
                .formatVersion("aws_v1").filters(filters).build();
        try {
            for (String entry : pricing.getProductsPaginator(request).priceList()) {
                readProduct(entry, query, found, skus);
            }
        } catch (PricingException e) {
            throw new AuditException(ExitCode.AWS_FAILURE, "pricing GetProducts (" + serviceCode + ", " + region
                    + ") failed: " + errorText(e), e);
        } catch (SdkException e) {
            throw new AuditException(ExitCode.AWS_FAILURE, "pricing GetProducts (" + serviceCode + ", " + region
                    + ") failed: " + e.getMessage(), e);
        }
    }

    private static void readProduct(String entry, Query query, Map<Category, List<List<Tier>>> found,
                                    Map<Category, String> skus) {
        JsonNode product;
        try {
            product = Json.MAPPER.readTree(entry);
        } catch (IOException e) {
            throw new AuditException(ExitCode.AWS_FAILURE, "pricing GetProducts returned an entry that is not JSON: "
                    + PriceTable.firstLine(e.getMessage()));
        }
        String usageType = product.path("product").path("attributes").path("usagetype").asText("");
        query.usageTypes().forEach((category, pattern) -> {
            if (!pattern.matcher(usageType).matches()) {
                return;
            }
            List<Tier> tiers = onDemandTiers(product);
            if (!tiers.isEmpty()) {
                found.computeIfAbsent(category, c -> new ArrayList<>()).add(tiers);
                skus.merge(category, "sku " + product.path("product").path("sku").asText("?") + " (" + usageType + ")",
                        (a, b) -> a);
            }
        });
    }

    /** The on-demand price dimensions of a product as tiers; empty when they are not a valid USD tier list. */
    static List<Tier> onDemandTiers(JsonNode product) {
        List<JsonNode> dimensions = new ArrayList<>();
        JsonNode terms = product.path("terms").path("OnDemand");
        for (Iterator<JsonNode> term = terms.elements(); term.hasNext(); ) {
            term.next().path("priceDimensions").elements().forEachRemaining(dimensions::add);
        }
        dimensions.sort(Comparator.comparing(d -> new BigDecimal(d.path("beginRange").asText("0"))));
        List<Tier> tiers = new ArrayList<>();
        BigDecimal expectedBegin = BigDecimal.ZERO;
        for (JsonNode dimension : dimensions) {
            String usd = dimension.path("pricePerUnit").path("USD").asText(null);
            String begin = dimension.path("beginRange").asText("0");
            String end = dimension.path("endRange").asText("Inf");
            try {
                if (usd == null || new BigDecimal(begin).compareTo(expectedBegin) != 0) {
                    return List.of();
                }
                BigDecimal upTo = end.equals("Inf") ? null : new BigDecimal(end);
                tiers.add(new Tier(upTo, new BigDecimal(usd)));
                if (upTo == null) {
                    break;
                }
                expectedBegin = upTo;
            } catch (NumberFormatException e) {
                return List.of();
            }
        }
        if (tiers.isEmpty() || tiers.get(tiers.size() - 1).upTo() != null) {
            return List.of();
        }
        return tiers;
    }

    private static String errorText(PricingException e) {
        if (e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null) {
            String message = e.awsErrorDetails().errorMessage();
            return e.awsErrorDetails().errorCode() + (message == null ? "" : ": " + message);
        }
        return "HTTP " + e.statusCode();
    }

    private static Filter term(String field, String value) {
        return Filter.builder().type(FilterType.TERM_MATCH).field(field).value(value).build();
    }

    /** {@code NatGateway-Hours} with or without a billing-region prefix ({@code USE2-NatGateway-Hours}). */
    private static Pattern usageType(String suffix) {
        return Pattern.compile("^([A-Z]{2,4}[0-9]?-)?" + Pattern.quote(suffix) + "$");
    }
}
