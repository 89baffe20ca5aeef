package dev.agcinfra.audit.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AGC's DynamoDB table.
 *
 * @param id                  the table name, or its Terraform address
 * @param pointInTimeRecovery whether point-in-time recovery is on
 * @param billingMode         {@code PAY_PER_REQUEST} or {@code PROVISIONED} ({@code null} when not known)
 * @param hashKey             the partition key's name ({@code null} when not known)
 * @param rangeKey            the sort key's name ({@code null} when none or not known)
 * @param tags                its tags
 */
public record TableItem(String id, boolean pointInTimeRecovery, String billingMode, String hashKey, String rangeKey,
        Map<String, String> tags) implements Checkable {

    public TableItem {
        tags = Map.copyOf(tags);
    }

    @Override
    public String resourceType() {
        return "aws_dynamodb_table";
    }

    @Override
    public String label() {
        return "table " + id;
    }

    @Override
    public Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (billingMode != null) {
            attributes.put("billing_mode", billingMode);
        }
        if (hashKey != null) {
            attributes.put("hash_key", hashKey);
        }
        if (rangeKey != null) {
            attributes.put("range_key", rangeKey);
        }
        return attributes;
    }
}
