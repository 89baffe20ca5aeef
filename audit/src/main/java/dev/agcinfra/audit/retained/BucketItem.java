package dev.agcinfra.audit.retained;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * @param unreadable    why the state bucket could not be read (the AWS call and error), when reading agc-infra's
 *                      state had failed likewise; {@code null} when it was read. Such a bucket is of unknown size and
 *                      always kept
 */
public record BucketItem(String name, Map<String, String> tags, boolean versioned, Long objects, long deleteMarkers,
        Long sizeBytes, String sizeSource, long maxObjects, List<String> stateFiles, List<String> foreignKeys,
        String unreadable) {

    /** Foreign keys named at most. */
    public static final int MAX_FOREIGN_KEYS = 5;

    public BucketItem {
        tags = Map.copyOf(tags);
        stateFiles = List.copyOf(stateFiles);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /** A bucket that was read. */
    public BucketItem(String name, Map<String, String> tags, boolean versioned, Long objects, long deleteMarkers,
            Long sizeBytes, String sizeSource, long maxObjects, List<String> stateFiles, List<String> foreignKeys) {
        this(name, tags, versioned, objects, deleteMarkers, sizeBytes, sizeSource, maxObjects, stateFiles, foreignKeys,
                null);
    }

    /**
     * The region's state bucket, which could not be read ({@code why}: the AWS call and its error): of unknown size,
     * kept. {@code tags}: what is known of them (from the bucket, or the Tagging API that found it).
     */
    public static BucketItem unreadable(String name, Map<String, String> tags, boolean versioned, long maxObjects,
            String why) {
        return new BucketItem(name, tags, versioned, null, 0, null, Finding.FROM_LISTING, maxObjects, List.of(),
                List.of(), why);
    }

    /** Why this bucket, if agc's, must stay: {@link #keepReason(String, List, List)} of what it holds. */
    public Optional<String> keepReason(String region) {
        if (unreadable != null) {
            return Optional.of("could not be read (" + unreadable + "), like agc-infra's state in it: kept until both "
                    + "can be read");
        }
        return keepReason(region, foreignKeys, stateFiles);
    }

    /**
     * Why a bucket must stay whoever created it, naming the cause: keys that are not agc-infra's state or lock files
     * of {@code region} (another project's state), and state files that still list managed resources (or could not
     * be read). The one wording of it, for {@code retained}'s reason, {@code cleanup}'s kept line and the last check
     * before a state bucket is deleted.
     *
     * @param foreignKeys keys that are not agc-infra's (state bucket only), as many as are to be named
     * @param stateFiles  state files still holding state, and anything that kept state files from being read
     * @return empty when neither applies
     */
    public static Optional<String> keepReason(String region, List<String> foreignKeys, List<String> stateFiles) {
        List<String> causes = new ArrayList<>();
        if (!foreignKeys.isEmpty()) {
            causes.add("holds objects that are not agc-infra's state of " + region + " (" + String.join(", ",
                    foreignKeys) + "): never deleted, it may be another project's state");
        }
        if (!stateFiles.isEmpty()) {
            causes.add("still holds state (" + String.join(", ", stateFiles) + "): not proposed for deletion while "
                    + "those stacks exist");
        }
        return causes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", causes));
    }
}
