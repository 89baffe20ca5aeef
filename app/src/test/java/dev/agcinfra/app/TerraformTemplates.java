package dev.agcinfra.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Test fixture: reads a string of {@code cdk.tf.json} as Terraform's JSON syntax does, as a template, and returns the
 * code in it that Terraform would evaluate: the inside of every {@code ${...}} and {@code %{...}}, where a quoted
 * string is itself a template read the same way. {@code $${} and {@code %%{} are literal text, as is a {@code $} or
 * {@code %} not followed by a brace. {@code TerraformTemplatesTest} checks this reading against Terraform itself.
 */
final class TerraformTemplates {

    private final String text;
    private final List<String> code = new ArrayList<>();
    private int i;

    private TerraformTemplates(String text) {
        this.text = text;
    }

    /** The code Terraform would evaluate in {@code text}, one entry per interpolation or directive. */
    static List<String> evaluated(String text) {
        TerraformTemplates reader = new TerraformTemplates(text);
        reader.template(false);
        return reader.code;
    }

    /**
     * Calls {@code visit} with every string of a Terraform JSON document Terraform reads as a template, and where it
     * is: values, and the keys of objects (an object's keys are templates too where it is a value). The comments
     * Terraform ignores, under the key {@code //}, are left out.
     */
    static void strings(JsonNode node, String path, BiConsumer<String, String> visit) {
        if (node.isTextual()) {
            visit.accept(path, node.asText());
        } else if (node.isArray()) {
            for (int n = 0; n < node.size(); n++) {
                strings(node.get(n), path + "[" + n + "]", visit);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("//")) {
                    continue;
                }
                visit.accept(path + " (key)", e.getKey());
                strings(e.getValue(), path + "." + e.getKey(), visit);
            }
        }
    }

    /**
     * The text Terraform reads from {@code text} when there is no code in it ({@link #evaluated} is empty):
     * {@code $${} as {@code ${} and {@code %%{} as {@code %{}.
     */
    static String literal(String text) {
        if (!evaluated(text).isEmpty()) {
            throw new IllegalArgumentException("Terraform evaluates code in " + text);
        }
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < text.length(); ) {
            if (text.startsWith("$${", n) || text.startsWith("%%{", n)) {
                out.append(text, n + 1, n + 3);
                n += 3;
            } else {
                out.append(text.charAt(n++));
            }
        }
        return out.toString();
    }

    /** A template: up to the end of the text, or, for a quoted string inside an expression, its closing quote. */
    private void template(boolean quoted) {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted && c == '"') {
                i++;
                return;
            }
            if (quoted && c == '\\') {
                i += 2;
                continue;
            }
            if (text.startsWith("$${", i) || text.startsWith("%%{", i)) {
                i += 3;
                continue;
            }
            if (text.startsWith("${", i) || text.startsWith("%{", i)) {
                i += 2;
                expression();
                continue;
            }
            i++;
        }
    }

    /** An expression, up to the brace that closes it; quoted strings in it are read as templates. */
    private void expression() {
        StringBuilder own = new StringBuilder();
        int depth = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                i++;
                template(true);
                own.append("\"...\"");
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    i++;
                    break;
                }
                depth--;
            }
            own.append(c);
            i++;
        }
        code.add(own.toString());
    }
}
