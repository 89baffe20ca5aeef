package dev.agcinfra.app.stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test fixture: the part of hashicorp/aws's schema in {@code provider-schema/hashicorp-aws.json} (written by
 * {@code app/build/provider-schema.py} from the published {@code @cdktf/provider-aws} package; see the README beside
 * it), and the check of a synthesized stack against it: every resource type and data source, every argument and
 * nested block at any depth, every key of the provider block, and every attribute that an expression reads
 * ({@code ${aws_eip.x.allocation_id}}).
 */
final class ProviderSchema {

    static final String RESOURCE = "/provider-schema/hashicorp-aws.json";
    /** Terraform's own arguments of every resource and data source; not the provider's to define. */
    private static final Set<String> META_ARGUMENTS = Set.of("count", "for_each", "depends_on", "provider", "lifecycle",
            "connection", "provisioner", "//");
    /** {@code [data.]aws_type.name[index].attribute} inside an expression. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![A-Za-z0-9_.])(data\\.)?(aws_[a-z0-9_]+)\\.([A-Za-z0-9_-]+)(?:\\[[^\\]]*])?\\.([a-z_][a-z0-9_]*)");

    private final JsonNode schema;

    private ProviderSchema(JsonNode schema) {
        this.schema = schema;
    }

    static ProviderSchema load() {
        try (InputStream in = ProviderSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the test class path");
            }
            return new ProviderSchema(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The provider release the file describes, e.g. {@code 6.25.0}. */
    String version() {
        return schema.path("provider").path("version").asText();
    }

    /** The resource types the file describes. */
    Set<String> resourceTypes() {
        return names(schema.path("resources"));
    }

    /** The data sources the file describes. */
    Set<String> dataSources() {
        return names(schema.path("dataSources"));
    }

    /** Every way {@code stack} (a synthesized {@code cdk.tf.json}) departs from the schema, one line each. */
    List<String> problems(String stackName, JsonNode stack) {
        List<String> problems = new ArrayList<>();
        String where = stackName + ": ";
        forEachBody(stack.path("provider").path("aws"), body ->
                checkBody(where + "provider \"aws\"", "the provider", body, schema.path("providerConfig"), problems));
        checkTypes(where, stack.path("resource"), false, problems);
        checkTypes(where, stack.path("data"), true, problems);
        checkReferences(where, stack, problems);
        return problems;
    }

    /** The {@code resource} (or {@code data}) blocks of a stack: each type, then each body. */
    private void checkTypes(String where, JsonNode byType, boolean data, List<String> problems) {
        blocks(byType, (type, byName) -> {
            JsonNode typeSchema = schema.path(data ? "dataSources" : "resources").path(type);
            if (typeSchema.isMissingNode()) {
                problems.add(where + (data ? "data source " : "resource type ") + type + " is not in " + RESOURCE
                        + ": if hashicorp/aws " + version() + " has it, add it with app/build/provider-schema.py "
                        + (data ? "--data-source " : "--type ") + type + " (see the README beside the file)");
                return;
            }
            String owner = (data ? "data source " : "") + type;
            blocks(byName, (name, body) -> forEachBody(body, one ->
                    checkBody(where + (data ? "data." : "") + type + "." + name, owner, one, typeSchema, problems)));
        });
    }

    private void checkBody(String address, String owner, JsonNode body, JsonNode bodySchema, List<String> problems) {
        Set<String> arguments = names(bodySchema.path("arguments"));
        JsonNode blocks = bodySchema.path("blocks");
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (META_ARGUMENTS.contains(key) && !owner.equals("the provider")) {
                continue;
            }
            if (arguments.contains(key)) {
                continue;
            }
            if (blocks.has(key)) {
                forEachBody(field.getValue(), nested -> checkBody(address + "." + key, owner + " block " + key, nested,
                        blocks.get(key), problems));
                continue;
            }
            problems.add(address + ": " + key + " is not an argument or block of " + owner + " in hashicorp/aws "
                    + version());
        }
    }

    private void checkReferences(String where, JsonNode node, List<String> problems) {
        if (node.isTextual()) {
            String text = node.asText();
            int start = text.indexOf("${");
            if (start < 0) {
                return;
            }
            Matcher m = REFERENCE.matcher(text.substring(start));
            while (m.find()) {
                boolean data = m.group(1) != null;
                String type = m.group(2);
                String attribute = m.group(4);
                JsonNode typeSchema = schema.path(data ? "dataSources" : "resources").path(type);
                if (typeSchema.isMissingNode()) {
                    continue; // the type itself is reported where it is declared
                }
                if (!names(typeSchema.path("arguments")).contains(attribute) && !typeSchema.path("blocks").has(attribute)
                        && !names(typeSchema.path("attributes")).contains(attribute)) {
                    problems.add(where + m.group() + ": " + attribute + " is not an attribute of "
                            + (data ? "data source " : "") + type + " in hashicorp/aws " + version());
                }
            }
            return;
        }
        node.forEach(child -> checkReferences(where, child, problems));
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        if (node.isArray()) {
            node.forEach(n -> names.add(n.asText()));
        } else {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    /** Terraform JSON allows a block to be one object or an array of them. */
    private static void forEachBody(JsonNode body, java.util.function.Consumer<JsonNode> action) {
        if (body.isArray()) {
            body.forEach(b -> forEachBody(b, action));
        } else if (body.isObject()) {
            action.accept(body);
        }
    }

    private static void blocks(JsonNode node, BiConsumer<String, JsonNode> action) {
        forEachBody(node, object -> object.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("//")) {
                action.accept(e.getKey(), e.getValue());
            }
        }));
    }
}
