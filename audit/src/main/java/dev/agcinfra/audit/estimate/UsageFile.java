package dev.agcinfra.audit.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agcinfra.audit.estimate.UsageAssumptions.Usage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The YAML accepted is the subset this format needs: nested mappings by indentation, scalars, comments. Unknown keys
 * are errors, so a typo is never silently ignored.
 */
public final class UsageFile {

    private static final Set<String> USAGE_KEYS = Set.of("natGb", "endpointGb");
    private static final ObjectMapper JSON = new ObjectMapper();

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
        if (text.stripLeading().startsWith("{")) {
            try {
                root = JSON.readTree(text);
            } catch (IOException e) {
                throw new InvalidInputException("usage file " + file + " is not valid JSON: "
                        + PriceTable.firstLine(e.getMessage()));
            }
        } else {
            root = parseYaml(text, file);
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

    /** The YAML subset: {@code key: value} and {@code key:} opening a nested mapping, by indentation. */
    static JsonNode parseYaml(String text, Path file) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        Deque<Map.Entry<Integer, ObjectNode>> open = new ArrayDeque<>();
        open.push(Map.entry(-1, root));
        List<String> lines = text.lines().toList();
        for (int n = 0; n < lines.size(); n++) {
            String raw = stripComment(lines.get(n));
            if (raw.isBlank() || raw.strip().equals("---")) {
                continue;
            }
            int indent = raw.length() - raw.stripLeading().length();
            if (raw.substring(0, indent).contains("\t")) {
                throw yamlError(file, n, "tabs cannot indent YAML");
            }
            String line = raw.strip();
            if (line.startsWith("- ") || line.equals("-")) {
                throw yamlError(file, n, "lists are not part of the usage file format");
            }
            int colon = keyEnd(line);
            if (colon < 0) {
                throw yamlError(file, n, "expected 'key: value'");
            }
            while (open.peek().getKey() >= indent) {
                open.pop();
            }
            ObjectNode parent = open.peek().getValue();
            String key = unquote(line.substring(0, colon).strip());
            String value = line.substring(colon + 1).strip();
            if (parent.has(key)) {
                throw yamlError(file, n, "duplicate key '" + key + "'");
            }
            if (value.isEmpty()) {
                ObjectNode child = parent.putObject(key);
                open.push(Map.entry(indent, child));
            } else if (value.equals("{}")) {
                parent.putObject(key);
            } else if (value.equals("~") || value.equals("null")) {
                parent.putNull(key);
            } else {
                parent.put(key, unquote(value));
            }
        }
        return root;
    }

    private static int keyEnd(String line) {
        if (line.startsWith("\"") || line.startsWith("'")) {
            int close = line.indexOf(line.charAt(0), 1);
            return close < 0 ? -1 : line.indexOf(':', close);
        }
        int colon = line.indexOf(": ");
        return colon >= 0 ? colon : (line.endsWith(":") ? line.length() - 1 : -1);
    }

    private static String stripComment(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("'") && text.endsWith("'"))) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    private static InvalidInputException yamlError(Path file, int line, String problem) {
        return new InvalidInputException("usage file " + file + ", line " + (line + 1) + ": " + problem);
    }
}
