package dev.agcinfra.audit.retained;

import java.util.List;
import java.util.Map;

/**
 * A bucket of a deactivated region as the reader measured it.
 *
 * @param name          the bucket's name
 * @param tags          its tags, possibly empty
 * @param versioned     whether versioning is or was on (then every version was counted)
 * @param objects       objects (every version when versioned), or {@code null} when unknown
 * @param deleteMarkers delete markers (versioned buckets), counted apart: they hold no data
 * @param sizeBytes     bytes stored, or {@code null} when unknown
 * @param sizeSource    {@link Finding#FROM_LISTING} or {@link Finding#FROM_CLOUDWATCH}
 * @param maxObjects    the listing limit that applied
 * @param stateFiles    for a state bucket: the {@code *.tfstate} objects that still hold resources (empty when none
 *                      does, or when not a state bucket)
 */
public record BucketItem(String name, Map<String, String> tags, boolean versioned, Long objects, long deleteMarkers,
        Long sizeBytes, String sizeSource, long maxObjects, List<String> stateFiles) {

    public BucketItem {
        tags = Map.copyOf(tags);
        stateFiles = List.copyOf(stateFiles);
    }
}
