package dev.agcinfra.audit.resources;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One resource that carries the tag (or, for log groups, sits under an AGC name prefix).
 *
 * @param region  the resource's own region (a bucket's from GetBucketLocation), or {@code global}
 * @param service the ARN's service, e.g. {@code ec2}, {@code s3}, {@code logs}
 * @param type    the ARN's resource type, e.g. {@code natgateway}, {@code bucket}, {@code log-group}
 * @param id      the resource id or name, e.g. {@code nat-0123}, {@code agc-123456789012-us-east-1}
 * @param arn     the ARN, the key for deduplication
 * @param name    the {@code Name} tag, or null
 * @param state   the state where the API gives one ({@code available}, {@code associated}), or null
 * @param tags    every tag, sorted by key
 * @param account the account it is in (the partition's: a bucket's ARN names none); last, so that reports of one
 *                account keep their fields and columns where they were before accounts were an option
 */
@JsonPropertyOrder({"region", "service", "type", "id", "arn", "name", "state", "tags", "account"})
public record Resource(
        String region,
        String service,
        String type,
        String id,
        String arn,
        String name,
        String state,
        Map<String, String> tags,
        String account) {

    /** The region reported for resources whose ARN has none and that are not buckets (IAM, CloudFront, ...). */
    public static final String GLOBAL = "global";
    /** The tag whose value is reported as {@code name}. */
    public static final String NAME_TAG = "Name";

    public Resource {
        Objects.requireNonNull(region, "region must be non-null");
        Objects.requireNonNull(arn, "arn must be non-null");
        Objects.requireNonNull(account, "account must be non-null");
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
    }
}
