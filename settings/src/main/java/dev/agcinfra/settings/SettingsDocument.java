package dev.agcinfra.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agcinfra.settings.YamlNode.Entry;
import dev.agcinfra.settings.YamlNode.Mapping;
import dev.agcinfra.settings.YamlNode.Scalar;
import dev.agcinfra.settings.YamlNode.Sequence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings file as an editable tree, for commands that change it ({@code agc-infra account activate}), and the
 * settings rules applied to values that do not come from the file (command-line flags).
 *
 * <p>Both go through the same reader and {@link SettingsParser} as {@link SettingsLoader}: aliases and merge keys are
 * resolved the same way, and a flag breaks exactly the rule the same key would break in the file.
 */
public final class SettingsDocument {

    private SettingsDocument() {
    }

    /**
     * The file as a JSON-style tree (aliases and merge keys resolved); an empty object when the file does not exist or
     * is empty. Comments are not kept.
     *
     * @throws SettingsException when the file is not readable YAML
     */
    public static ObjectNode read(Path file) {
        Problems problems = new Problems(file.getFileName() == null ? file.toString() : file.getFileName().toString());
        if (!Files.exists(file)) {
            return JsonNodeFactory.instance.objectNode();
        }
        Optional<YamlNode> root = YamlReader.readFile(file, problems);
        problems.throwIfAny();
        if (root.isEmpty() || (root.get() instanceof Scalar s && s.isNull())) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!(toJson(root.get()) instanceof ObjectNode object)) {
            throw new SettingsException(problems.file() + ": the file is " + root.get().kind()
                    + ", expected a mapping of settings; write keys such as account:, tags: and regions:");
        }
        return object;
    }

    /**
     * Every problem {@code account activate}'s flags, given as the region entry {@code entry} they would write (keys
     * as in the file: {@code vpc}, {@code subnets}, ...), have under the settings rules, checked on their own (no file
     * around them), one line each, in the flags' words: {@code --subnets: given without --vpc; ...}.
     */
    public static List<String> flagProblems(String region, ObjectNode entry) {
        Problems problems = new Problems("flags");
        Map<String, Entry> regions = new LinkedHashMap<>();
        regions.put(region, new Entry(region, 0, 0, toYaml(entry)));
        Map<String, Entry> top = new LinkedHashMap<>();
        top.put("regions", new Entry("regions", 0, 0, new Mapping(regions, 0, 0)));
        SettingsParser.parse(Optional.of(new Mapping(top, 0, 0)), problems, SettingsParser.Terms.FLAGS);
        return problems.lines();
    }

    /** Reads YAML text (tests, and checking a document before it is written) into the same tree as {@link #read}. */
    public static ObjectNode parse(String yaml, String source) {
        Problems problems = new Problems(source);
        Optional<YamlNode> root = YamlReader.read(yaml, problems);
        problems.throwIfAny();
        return root.map(SettingsDocument::toJson).filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast)
                .orElseGet(JsonNodeFactory.instance::objectNode);
    }

    private static JsonNode toJson(YamlNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof Mapping m) {
            ObjectNode o = f.objectNode();
            m.entries().forEach((k, e) -> o.set(k, toJson(e.value())));
            return o;
        }
        if (node instanceof Sequence s) {
            var a = f.arrayNode();
            s.items().forEach(i -> a.add(toJson(i)));
            return a;
        }
        Scalar s = (Scalar) node;
        return switch (s.type()) {
            case NULL -> f.nullNode();
            case TRUE -> f.booleanNode(true);
            case FALSE -> f.booleanNode(false);
            case INTEGER -> s.text().matches("-?[0-9]+") ? f.numberNode(new java.math.BigInteger(s.text()))
                    : f.textNode(s.text());
            case FLOAT, STRING -> f.textNode(s.text());
        };
    }

    private static YamlNode toYaml(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return new Scalar("", Scalar.Type.NULL, 0, 0);
        }
        if (node.isObject()) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                entries.put(e.getKey(), new Entry(e.getKey(), 0, 0, toYaml(e.getValue())));
            }
            return new Mapping(entries, 0, 0);
        }
        if (node.isArray()) {
            List<YamlNode> items = new ArrayList<>();
            node.forEach(i -> items.add(toYaml(i)));
            return new Sequence(items, 0, 0);
        }
        if (node.isBoolean()) {
            return new Scalar(node.asText(), node.booleanValue() ? Scalar.Type.TRUE : Scalar.Type.FALSE, 0, 0);
        }
        if (node.isIntegralNumber()) {
            return new Scalar(node.asText(), Scalar.Type.INTEGER, 0, 0);
        }
        if (node.isNumber()) {
            return new Scalar(node.asText(), Scalar.Type.FLOAT, 0, 0);
        }
        return new Scalar(node.asText(), Scalar.Type.STRING, 0, 0);
    }
}
