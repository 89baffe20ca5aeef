package dev.agcinfra.audit.estimate;

import dev.agcinfra.audit.report.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agcinfra.audit.estimate.UsageAssumptions.Usage;
import java.io.IOException;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a usage file ({@code --usage-file}), YAML or JSON, with GB per month, globally and per stack:
 *
 * <pre>
 * natGb: 100            # processed by all NAT gateways of each stack
 * endpointGb: 1000      # processed by all interface endpoints of each stack
 * stacks:
 *   agc-core-us-east-1:
 *     natGb: 500        # this stack only
 * </pre>
 *
 * Unknown keys are errors, so a typo is never silently ignored.
 */
public final class UsageFile {

    private static final Set<String> USAGE_KEYS = Set.of("natGb", "endpointGb");

    private UsageFile() {
    }

    /** @throws InvalidInputException naming the file, the line or key, and the fix */
    public static UsageAssumptions read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read usage file " + file + ": " + e.getMessage());
        }
        JsonNode root;
        try {
            // YAML is a superset of JSON, so one parser reads both.
            root = Json.YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("usage file " + file + " is not valid YAML or JSON" + problem(e));
        }
        return fromTree(root, file);
    }

    static UsageAssumptions fromTree(JsonNode root, Path file) {
        if (root == null || root.isNull() || root.isMissingNode()) {
            return UsageAssumptions.NONE;
        }
        if (!root.isObject()) {
            throw new InvalidInputException("usage file " + file + " must be a mapping with natGb, endpointGb, stacks");
        }
        Map<String, Usage> byStack = new LinkedHashMap<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!USAGE_KEYS.contains(key) && !key.equals("stacks")) {
                throw new InvalidInputException("usage file " + file + ": unknown key '" + key
                        + "'; use natGb, endpointGb or stacks");
            }
        }
        JsonNode stacks = root.get("stacks");
        if (stacks != null && !stacks.isNull()) {
            if (!stacks.isObject()) {
                throw new InvalidInputException("usage file " + file + ": 'stacks' must map stack names to usage");
            }
            for (Map.Entry<String, JsonNode> stack : stacks.properties()) {
                byStack.put(stack.getKey(), usage(stack.getValue(), file, "stacks." + stack.getKey() + "."));
            }
        }
        return UsageAssumptions.of(usage(root, file, ""), byStack);
    }

    private static Usage usage(JsonNode node, Path file, String prefix) {
        if (!node.isObject()) {
            throw new InvalidInputException("usage file " + file + ": '" + prefix.replaceAll("\\.$", "")
                    + "' must be a mapping with natGb and/or endpointGb");
        }
        if (!prefix.isEmpty()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!USAGE_KEYS.contains(key)) {
                    throw new InvalidInputException("usage file " + file + ": unknown key '" + prefix + key
                            + "'; use natGb or endpointGb");
                }
            }
        }
        return new Usage(gb(node.get("natGb"), file, prefix + "natGb"), gb(node.get("endpointGb"), file, prefix + "endpointGb"));
    }

    /** Where and what the parser's problem is: SnakeYAML's problem mark rather than Jackson's context. */
    private static String problem(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            return " at line " + (yaml.getProblemMark().getLine() + 1) + ", column " + (yaml.getProblemMark().getColumn() + 1)
                    + ": " + yaml.getProblem();
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return where + ": " + PriceTable.firstLine(e.getOriginalMessage());
    }

    private static BigDecimal gb(JsonNode node, Path file, String key) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            BigDecimal gb = new BigDecimal(node.asText().replace("_", ""));
            if (gb.signum() < 0) {
                throw new NumberFormatException();
            }
            return gb;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("usage file " + file + ": '" + key + "' must be a number of GB per month"
                    + " (0 or more), not '" + node.asText() + "'");
        }
    }
}
