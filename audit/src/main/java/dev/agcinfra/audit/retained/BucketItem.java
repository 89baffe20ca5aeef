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
 * @param stateFiles    the {@code *.tfstate} objects whose current version still lists managed resources, and
 *                      anything that kept them from being read (empty when none)
 * @param foreignKeys   for the region's state bucket: keys (of any version or delete marker) that are not agc-infra's
 *                      state or lock files of the region, the first {@link #MAX_FOREIGN_KEYS}; empty otherwise
 */
public record BucketItem(String name, Map<String, String> tags, boolean versioned, Long objects, long deleteMarkers,
        Long sizeBytes, String sizeSource, long maxObjects, List<String> stateFiles, List<String> foreignKeys) {

    /** Foreign keys named at most. */
    public static final int MAX_FOREIGN_KEYS = 5;

    public BucketItem {
        tags = Map.copyOf(tags);
        stateFiles = List.copyOf(stateFiles);
        foreignKeys = List.copyOf(foreignKeys);
    }
}
