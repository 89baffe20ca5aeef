package dev.agcinfra.audit.cleanup;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A finding the plan leaves alone, and why: user-owned, a state bucket still holding state, data without
 * {@code --include-data}, a VPC holding something untagged.
 *
 * @param type   the resource type
 * @param id     the resource id or name
 * @param owner  {@code agc} or {@code user}
 * @param reason why it stays
 */
@JsonPropertyOrder({"type", "id", "owner", "reason"})
public record Kept(String type, String id, String owner, String reason) {
}
