package dev.agcinfra.audit.resources;

import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/**
 * A log group found under an AGC name prefix, with its tags (from ListTagsForResource).
 *
 * @param group the log group as DescribeLogGroups gives it
 * @param tags  its tags, possibly empty
 */
public record LogGroupItem(LogGroup group, Map<String, String> tags) {
}
