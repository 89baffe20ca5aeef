package dev.agcinfra.audit.estimate;

import dev.agcinfra.audit.report.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prices read from a JSON price table: the embedded one ({@link #embedded()}) or a {@code --price-file}.
 *
 * <pre>{@code
 * {"currency": "USD",
 *  "regions": {"us-east-1": {
 *     "nat-gateway-hours": {"usd": "0.045", "unit": "hour", "source": "...", "date": "2026-11-26"},
 *     "interface-endpoint-data": {"tiers": [{"upToGb": 1000000, "usd": "0.01"}, {"upToGb": 5000000, "usd": "0.006"},
 *                                           {"usd": "0.004"}], "source": "...", "date": "2026-11-26"}}}}
 * }</pre>
 *
 * Keys named {@code "//"} are comments. A category absent from a region has no known price.
 */
public final class PriceTable implements PriceSource {

    /** The classpath location of the embedded table. */
    public static final String EMBEDDED_RESOURCE = "/dev/agcinfra/audit/estimate/prices.json";


    private final Map<String, Map<Category, Price>> prices;
    private final String description;

    private PriceTable(Map<String, Map<Category, Price>> prices, String description) {
        this.prices = prices;
        this.description = description;
    }

    /** The table shipped in the jar. */
    public static PriceTable embedded() {
        try (InputStream in = PriceTable.class.getResourceAsStream(EMBEDDED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the embedded price table is missing: " + EMBEDDED_RESOURCE);
            }
            return new PriceTable(parse(Json.MAPPER.readTree(in), "embedded price table"), "embedded price table");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded price table", e);
        }
    }

    /**
     * Reads a price file.
     *
     * @throws InvalidInputException when the file is unreadable or malformed; the message names the file and the key
     */
    public static PriceTable fromFile(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new InvalidInputException("cannot read price file " + file + ": " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("price file " + file + " must hold a JSON object with \"regions\"");
        }
        return new PriceTable(parse(root, "price file " + file), "price file " + file);
    }

    /** Prices from {@code overrides} where they have one, else from this table. */
    public PriceTable overriddenBy(PriceTable overrides) {
        Map<String, Map<Category, Price>> merged = new LinkedHashMap<>();
        prices.forEach((region, byCategory) -> merged.put(region, new LinkedHashMap<>(byCategory)));
        overrides.prices.forEach((region, byCategory) ->
                merged.computeIfAbsent(region, r -> new LinkedHashMap<>()).putAll(byCategory));
        return new PriceTable(merged, overrides.description + " over " + description);
    }

    @Override
    public Optional<Price> price(String region, Category category) {
        return Optional.ofNullable(prices.getOrDefault(region, Map.of()).get(category));
    }

    @Override
    public String description() {
        return description;
    }

    /** Every region the table names, with or without figures. */
    public Set<String> regions() {
        return Collections.unmodifiableSet(prices.keySet());
    }

    private static Map<String, Map<Category, Price>> parse(JsonNode root, String what) {
        String currency = root.path("currency").asText("USD");
        if (!"USD".equals(currency)) {
            throw new InvalidInputException(what + ": currency must be USD, not " + currency);
        }
        JsonNode regions = root.path("regions");
        if (!regions.isObject()) {
            throw new InvalidInputException(what + ": \"regions\" must be an object keyed by region code");
        }
        Map<String, Map<Category, Price>> prices = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> region : regions.properties()) {
            if (region.getKey().equals("//")) {
                continue;
            }
            Map<Category, Price> byCategory = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : region.getValue().properties()) {
                if (entry.getKey().equals("//")) {
                    continue;
                }
                String where = what + ": regions." + region.getKey() + "." + entry.getKey();
                Category category = Category.fromId(entry.getKey()).orElseThrow(() -> new InvalidInputException(
                        where + ": unknown category; use one of " + java.util.Arrays.stream(Category.values())
                                .map(Category::id).collect(java.util.stream.Collectors.joining(", "))));
                byCategory.put(category, parsePrice(category, region.getKey(), entry.getValue(), where));
            }
            prices.put(region.getKey(), byCategory);
        }
        return prices;
    }

    private static Price parsePrice(Category category, String region, JsonNode node, String where) {
        String source = node.path("source").asText(null);
        if (source == null || source.isBlank()) {
            throw new InvalidInputException(where + ": every figure needs a \"source\"");
        }
        String date = node.path("date").asText(null);
        List<Tier> tiers = new ArrayList<>();
        try {
            if (node.has("tiers")) {
                for (JsonNode tier : node.get("tiers")) {
                    BigDecimal upTo = tier.hasNonNull("upToGb") ? decimal(tier.get("upToGb"), where) : null;
                    tiers.add(new Tier(upTo, decimal(tier.get("usd"), where)));
                }
            } else {
                tiers.add(Tier.flat(decimal(node.get("usd"), where)));
            }
            return new Price(category, region, tiers, source, date);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(where + ": " + e.getMessage());
        }
    }

    private static BigDecimal decimal(JsonNode node, String where) {
        if (node == null || node.isNull() || !(node.isNumber() || node.isTextual())) {
            throw new InvalidInputException(where + ": \"usd\" must be a number or a numeric string");
        }
        try {
            return new BigDecimal(node.asText());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where + ": not a number: " + node.asText());
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
