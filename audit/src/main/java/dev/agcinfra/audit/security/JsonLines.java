package dev.agcinfra.audit.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** The line of each resource block of a Terraform JSON file, for findings that point into it (SARIF regions). */
final class JsonLines {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonLines() {
    }

    /**
     * {@code type.name} to the 1-based line of the resource's name in {@code "resource": {type: {name: ...}}}
     * (blocks given as arrays of objects too). Empty when the text is not JSON.
     */
    static Map<String, Integer> resources(String json) {
        Map<String, Integer> lines = new HashMap<>();
        // One entry per open object or array: the field name it is the value of (null in arrays and at the root).
        Deque<String> path = new ArrayDeque<>();
        String field = null;
        try (JsonParser parser = FACTORY.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        path.push(field == null ? "" : field);
                        field = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        path.pop();
                        field = null;
                    }
                    case FIELD_NAME -> {
                        field = parser.currentName();
                        String[] named = path.stream().filter(name -> !name.isEmpty()).toArray(String[]::new);
                        // path is a stack: named[0] is the innermost name
                        if (named.length == 2 && named[1].equals("resource") && !field.equals("//")) {
                            lines.putIfAbsent(named[0] + "." + field, parser.currentTokenLocation().getLineNr());
                        }
                    }
                    default -> field = null;
                }
            }
        } catch (IOException notJson) {
            return Map.of();
        }
        return lines;
    }
}
