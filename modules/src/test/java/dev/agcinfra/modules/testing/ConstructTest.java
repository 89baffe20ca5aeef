package dev.agcinfra.modules.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformStack;
import dev.agcinfra.modules.naming.AddressedStack;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * One construct in a stack of its own, synthesized with CDKTF's {@link Testing} API: {@link Testing#app()} and
 * {@link Testing#synth(TerraformStack)}, and assertions with {@link Testing#toHaveResourceWithProperties} (expected
 * properties are a subset of the resource's; keys in snake_case or camelCase). {@code Testing.synthScope} is not
 * usable from Java (its callback interface has no method in the Java bindings), so tests build the stack themselves.
 * The stack names resources as agc-infra's stacks do ({@link AddressedStack}), so tests can name addresses.
 */
public final class ConstructTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConstructTest() {
    }

    /** A stack of its own in a testing app. */
    public static TerraformStack stack() {
        App app = Testing.app();
        return new Stack(app, "test");
    }

    /** The stack as Terraform JSON, as {@link Testing#synth(TerraformStack)} gives it. */
    public static String synth(TerraformStack stack) {
        return Testing.synth(stack);
    }

    /**
     * What a token a construct hands out (such as a bucket's name) becomes in Terraform: the stack is synthesized with
     * the token as the value of an output.
     */
    public static String resolved(TerraformStack stack, String token) {
        String id = "resolved" + stack.getNode().getChildren().size();
        new TerraformOutput(stack, id, TerraformOutputConfig.builder().value(token).build());
        return json(synth(stack)).path("output").path(id).path("value").asText();
    }

    /** Asserts that the stack holds a resource of {@code type} with at least these properties. */
    public static void assertHasResource(String synthesized, String type, Map<String, ?> properties) {
        assertThat(Testing.toHaveResourceWithProperties(synthesized, type, properties))
                .as("a %s with %s in%n%s", type, properties, synthesized).isTrue();
    }

    /** Asserts that the stack holds a data source of {@code type} with at least these properties. */
    public static void assertHasDataSource(String synthesized, String type, Map<String, ?> properties) {
        assertThat(Testing.toHaveDataSourceWithProperties(synthesized, type, properties))
                .as("a data source %s with %s in%n%s", type, properties, synthesized).isTrue();
    }

    /** The resources of {@code type} by Terraform name. */
    public static Map<String, JsonNode> resources(String synthesized, String type) {
        return fields(json(synthesized).path("resource").path(type));
    }

    /** Every resource address ({@code type.name}) of the stack, data sources as {@code data.type.name}. */
    public static List<String> addresses(String synthesized) {
        JsonNode stack = json(synthesized);
        List<String> out = new ArrayList<>();
        for (String block : List.of("resource", "data")) {
            fields(stack.path(block)).forEach((type, byName) -> fields(byName).keySet()
                    .forEach(name -> out.add((block.equals("data") ? "data." : "") + type + "." + name)));
        }
        return out;
    }

    private static JsonNode json(String synthesized) {
        try {
            return JSON.readTree(synthesized);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Testing.synth gave no JSON", e);
        }
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** A stack with agc-infra's Terraform names. */
    private static final class Stack extends AddressedStack {
        Stack(Construct scope, String id) {
            super(scope, id);
        }
    }
}
