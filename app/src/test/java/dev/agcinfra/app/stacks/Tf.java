package dev.agcinfra.app.stacks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads synthesized Terraform JSON: the counterpart of aws-cdk's {@code Template} assertions. */
final class Tf {

    private Tf() {
    }

    /** The resources of one type, by Terraform name (empty when there are none). */
    static Map<String, JsonNode> resources(JsonNode stack, String type) {
        return fields(stack.path("resource").path(type));
    }

    /** The data sources of one type, by Terraform name. */
    static Map<String, JsonNode> data(JsonNode stack, String type) {
        return fields(stack.path("data").path(type));
    }

    /** How many resources of a type the stack has. */
    static int count(JsonNode stack, String type) {
        return stack.path("resource").path(type).size();
    }

    /** Every resource address ({@code type.name}) of the stack. */
    static List<String> addresses(JsonNode stack) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> type : fields(stack.path("resource")).entrySet()) {
            for (String name : fields(type.getValue()).keySet()) {
                out.add(type.getKey() + "." + name);
            }
        }
        for (Map.Entry<String, JsonNode> type : fields(stack.path("data")).entrySet()) {
            for (String name : fields(type.getValue()).keySet()) {
                out.add("data." + type.getKey() + "." + name);
            }
        }
        return out;
    }

    /** Text values of a JSON array. */
    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }
}
