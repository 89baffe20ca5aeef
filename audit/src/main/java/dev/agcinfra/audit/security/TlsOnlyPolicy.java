package dev.agcinfra.audit.security;

import dev.agcinfra.audit.report.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a bucket policy denies requests without TLS: a statement with {@code Effect: Deny}, every principal
 * ({@code "*"} or {@code {"AWS": "*"}}), action {@code s3:*} (or {@code *}), the bucket and its objects as resources
 * (or {@code *}), and the condition {@code Bool} (or {@code BoolIfExists}) {@code aws:SecureTransport: false}. This is
 * the statement agc-infra writes on the results bucket ({@code ResultsBucket}) and on the state bucket
 * ({@code account activate}), and what AWS Config's {@code s3-bucket-ssl-requests-only} looks for.
 */
final class TlsOnlyPolicy {


    /** The answer, with why not in words. */
    record Verdict(boolean tlsOnly, String why) {
    }

    private TlsOnlyPolicy() {
    }

    /**
     * @param policy the policy's JSON text, {@code null} when the bucket has none
     * @param arns   the ways the policy may name the bucket ({@code arn:aws:s3:::name}, a Terraform expression)
     */
    static Verdict check(String policy, List<String> arns) {
        if (policy == null || policy.isBlank()) {
            return new Verdict(false, "it has no bucket policy");
        }
        JsonNode document;
        try {
            document = Json.MAPPER.readTree(policy);
        } catch (IOException e) {
            return new Verdict(false, "its policy is not literal JSON (" + abbreviate(policy)
                    + "), so no statement denying requests without TLS can be seen");
        }
        for (JsonNode statement : list(document == null ? null : document.get("Statement"))) {
            if (deniesInsecureTransport(statement, arns)) {
                return new Verdict(true, null);
            }
        }
        return new Verdict(false, "its policy has no statement denying s3:* to every principal on the bucket and its "
                + "objects when aws:SecureTransport is false");
    }

    private static boolean deniesInsecureTransport(JsonNode statement, List<String> arns) {
        if (!"Deny".equals(statement.path("Effect").asText()) || statement.has("NotAction")
                || statement.has("NotPrincipal") || statement.has("NotResource")) {
            return false;
        }
        JsonNode principal = statement.get("Principal");
        boolean everyone = principal != null && (strings(principal).contains("*")
                || principal.isObject() && strings(principal.get("AWS")).contains("*"));
        List<String> actions = strings(statement.get("Action"));
        boolean allActions = actions.contains("s3:*") || actions.contains("*");
        List<String> resources = strings(statement.get("Resource"));
        boolean bucket = resources.contains("*") || resources.contains("arn:aws:s3:::*")
                || arns.stream().anyMatch(resources::contains);
        boolean objects = resources.contains("*") || resources.contains("arn:aws:s3:::*")
                || arns.stream().anyMatch(arn -> resources.contains(arn + "/*"));
        return everyone && allActions && bucket && objects && insecureTransportCondition(statement.get("Condition"));
    }

    private static boolean insecureTransportCondition(JsonNode condition) {
        if (condition == null || !condition.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> operator : condition.properties()) {
            if (!operator.getKey().equals("Bool") && !operator.getKey().equals("BoolIfExists")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
                if (key.getKey().toLowerCase(Locale.ROOT).equals("aws:securetransport")
                        && strings(key.getValue()).stream().anyMatch(v -> v.equalsIgnoreCase("false"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A policy element that may be one value or a list, as strings. */
    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(each -> values.add(each.asText()));
        } else if (node.isValueNode()) {
            values.add(node.asText());
        }
        return values;
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(values::add);
        } else if (node != null && node.isObject()) {
            values.add(node);
        }
        return values;
    }

    private static String abbreviate(String text) {
        String one = text.replaceAll("\\s+", " ").trim();
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }
}
