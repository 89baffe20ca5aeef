package dev.agcinfra.audit.retained;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.aws.AwsCall;
import dev.agcinfra.aws.AwsErrors;
import dev.agcinfra.audit.batch.ItemReader;
import dev.agcinfra.audit.batch.RegionContext;
import dev.agcinfra.audit.provenance.Owned;
import dev.agcinfra.audit.provenance.Ownership;
import dev.agcinfra.audit.provenance.Protection;
import dev.agcinfra.audit.provenance.StateHistory;
import dev.agcinfra.audit.provenance.StateHistoryReader;
import dev.agcinfra.audit.provenance.TerraformState;
import dev.agcinfra.settings.AgcNames;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Finds and measures the buckets of one region: those the Tagging API returns with the tag, plus by name the results
 * bucket {@code agc-<account>-<region>}, the state bucket, the buckets the settings file names and those agc-infra's
 * state lists as created. Each one that exists in this region is read: tags, versioning, then every object (every
 * version when versioning is or was on) up to {@code maxObjects}; beyond that the listing stops and CloudWatch's daily
 * storage metrics give size and count. Every bucket's {@code *.tfstate} objects (the state bucket's, or any other's)
 * are read to see whether they still list managed resources; the state bucket's keys that are not agc-infra's state or
 * lock files of the region are named.
 *
 * <p>One page per bucket, read when the previous one has been handed on.
 */
public final class BucketReader {

    /** How far back to look for the daily S3 storage metrics. */
    static final Duration METRIC_WINDOW = Duration.ofDays(3);
    /** State files read at most per state bucket. */
    static final int MAX_STATE_FILES = 100;

    private BucketReader() {
    }

    /** The reader for a partition: each bucket with the region's ownership evidence. */
    public static ItemReader<Owned<BucketItem>> of(RegionContext context, TagFilter tag, Protection protection,
            long maxObjects) {
        return () -> {
            Ownership ownership = RetainedJob.ownership(context, protection);
            Map<String, Boolean> candidates = candidates(context, tag, protection, ownership.history());
            String stateBucket = protection.stateBucket(context.scope().account(), context.region());
            return candidates.entrySet().stream()
                    .map(candidate -> measure(context, candidate.getKey(), candidate.getValue(), maxObjects,
                            stateBucket, ownership.history().failure().isPresent(), tag))
                    .flatMap(Optional::stream)
                    .map(bucket -> List.of(new Owned<>(bucket, ownership)));
        };
    }

    /**
     * Bucket names to look at, each with whether it came from its name only (not from the Tagging API): the tagged
     * ones, {@code agc-<account>-<region>}, the region's state bucket, the buckets the settings name, and every
     * bucket agc-infra's state lists as created.
     */
    public static Map<String, Boolean> candidates(RegionContext context, TagFilter tag, Protection protection,
            StateHistory history) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        context.clients().tagging()
                .getResourcesPaginator(r -> r.tagFilters(f -> f.key(tag.key()).values(tag.value()))
                        .resourceTypeFilters("s3"))
                .resourceTagMappingList().stream()
                .map(ResourceTagMapping::resourceARN)
                .filter(arn -> arn.contains(":s3:::") && !arn.substring(arn.indexOf(":s3:::") + 6).contains("/"))
                .forEach(arn -> names.put(arn.substring(arn.indexOf(":s3:::") + 6), false));
        String account = context.scope().account();
        String region = context.region();
        Set<String> byName = new LinkedHashSet<>();
        byName.add(AgcNames.defaultBucket(account, region));
        byName.add(protection.stateBucket(account, region));
        byName.addAll(protection.buckets(region));
        history.managed().forEach((id, provenance) -> {
            if (provenance.address().startsWith("aws_s3_bucket.")) {
                byName.add(id);
            }
        });
        byName.forEach(name -> names.putIfAbsent(name, true));
        return names;
    }

    /**
     * The bucket measured, or empty when it does not exist, is in another region, or (by name) is not ours.
     *
     * @param stateUnreadable whether reading agc-infra's state failed with an AWS error (already reported): any call
     *                        on the state bucket, denied likewise, then gives a bucket of unknown size that is never
     *                        proposed for deletion ({@link BucketItem#unreadable}), instead of a second error that
     *                        would hide every bucket
     * @param tag             the tag the Tagging API found it by, when not {@code byNameOnly}
     */
    static Optional<BucketItem> measure(RegionContext context, String name, boolean byNameOnly, long maxObjects,
            String stateBucketName, boolean stateUnreadable, TagFilter tag) {
        boolean unreadableStateBucket = name.equals(stateBucketName) && stateUnreadable;
        try {
            return measure(context, name, byNameOnly, maxObjects, name.equals(stateBucketName), unreadableStateBucket);
        } catch (AwsCall.AwsCallException e) {
            if (!unreadableStateBucket) {
                throw e;
            }
            return Optional.of(BucketItem.unreadable(name, byNameOnly ? Map.of() : Map.of(tag.key(), tag.value()),
                    false, maxObjects, why(e)));
        }
    }

    private static String why(AwsCall.AwsCallException e) {
        return "s3 " + e.operation() + " " + AwsErrors.code(e.getCause());
    }

    private static Optional<BucketItem> measure(RegionContext context, String name, boolean byNameOnly,
            long maxObjects, boolean stateBucket, boolean unreadableStateBucket) {
        S3Client s3 = context.clients().s3();
        String location;
        try {
            location = AwsCall.call("s3", "GetBucketLocation",
                    () -> s3.getBucketLocation(r -> r.bucket(name)).locationConstraintAsString());
        } catch (AwsCall.AwsCallException e) {
            if (e.getCause() instanceof S3Exception s3e
                    && (s3e.statusCode() == 404 || byNameOnly && s3e.statusCode() == 403)) {
                return Optional.empty();
            }
            throw e;
        }
        if (!context.region().equals(region(location))) {
            return Optional.empty();
        }
        Map<String, String> tags = tags(s3, name);
        boolean versioned = AwsCall.call("s3", "GetBucketVersioning", () -> {
            BucketVersioningStatus status = s3.getBucketVersioning(r -> r.bucket(name)).status();
            return status == BucketVersioningStatus.ENABLED || status == BucketVersioningStatus.SUSPENDED;
        });
        Set<String> agcStateKeys = stateBucket ? StateHistoryReader.agcKeys(context.region()) : null;
        Listing listing;
        try {
            listing = versioned ? listVersions(s3, name, maxObjects, agcStateKeys)
                    : listObjects(s3, name, maxObjects, agcStateKeys);
        } catch (AwsCall.AwsCallException e) {
            if (!unreadableStateBucket) {
                throw e;
            }
            return Optional.of(BucketItem.unreadable(name, tags, versioned, maxObjects, why(e)));
        }
        Long objects = listing.objects;
        Long bytes = listing.bytes;
        String source = Finding.FROM_LISTING;
        if (listing.truncated) {
            source = Finding.FROM_CLOUDWATCH;
            bytes = metric(context, name, "BucketSizeBytes", "StandardStorage").orElse(null);
            objects = metric(context, name, "NumberOfObjects", "AllStorageTypes").orElse(null);
        }
        // Any bucket's state files are read, not only the state bucket's: a stateBucket: template the audit was not
        // told about (no settings file) must not make a bucket holding state look like plain data.
        List<String> stateFiles = holdingState(s3, name, listing.stateKeys);
        if (listing.truncated || listing.stateKeysCut) {
            // Not every state file was read: what was not read may hold state, so the bucket is never proposed.
            stateFiles = new ArrayList<>(stateFiles);
            stateFiles.add(listing.truncated ? "objects beyond the first " + maxObjects + " not read"
                    : "state files beyond the first " + MAX_STATE_FILES + " not read");
        }
        return Optional.of(new BucketItem(name, tags, versioned, objects, listing.deleteMarkers, bytes, source,
                maxObjects, stateFiles, listing.foreignKeys));
    }

    /** GetBucketLocation's answer as a region: none is us-east-1, {@code EU} is eu-west-1. */
    static String region(String constraint) {
        if (constraint == null || constraint.isEmpty()) {
            return "us-east-1";
        }
        return constraint.equals(BucketLocationConstraint.EU.toString()) ? "eu-west-1" : constraint;
    }

    private static Map<String, String> tags(S3Client s3, String name) {
        try {
            Map<String, String> tags = new LinkedHashMap<>();
            AwsCall.call("s3", "GetBucketTagging", () -> s3.getBucketTagging(r -> r.bucket(name)).tagSet())
                    .forEach(t -> tags.put(t.key(), t.value()));
            return tags;
        } catch (AwsCall.AwsCallException e) {
            if (e.getCause() instanceof S3Exception s3e && s3e.awsErrorDetails() != null
                    && "NoSuchTagSet".equals(s3e.awsErrorDetails().errorCode())) {
                return Map.of();
            }
            throw e;
        }
    }

    /** What a listing found; {@code truncated} when it stopped at the limit. */
    private static final class Listing {
        long objects;
        long bytes;
        long deleteMarkers;
        boolean truncated;
        boolean stateKeysCut;
        final List<String> stateKeys = new ArrayList<>();
        final List<String> foreignKeys = new ArrayList<>();
        private final Set<String> agcStateKeys;

        /** @param agcStateKeys for the state bucket: the keys that are not foreign; {@code null} otherwise */
        Listing(Set<String> agcStateKeys) {
            this.agcStateKeys = agcStateKeys;
        }

        /** Notes a key that is not agc-infra's (state bucket only), named at most {@link BucketItem#MAX_FOREIGN_KEYS}. */
        void key(String key) {
            if (agcStateKeys != null && !agcStateKeys.contains(key) && !foreignKeys.contains(key)
                    && foreignKeys.size() < BucketItem.MAX_FOREIGN_KEYS) {
                foreignKeys.add(key);
            }
        }

        boolean add(String key, Long size, boolean latest, long maxObjects) {
            key(key);
            objects++;
            bytes += size == null ? 0 : size;
            if (latest && key.endsWith(".tfstate")) {
                if (stateKeys.size() < MAX_STATE_FILES) {
                    stateKeys.add(key);
                } else {
                    stateKeysCut = true;
                }
            }
            if (objects > maxObjects) {
                truncated = true;
            }
            return !truncated;
        }
    }

    private static Listing listObjects(S3Client s3, String name, long maxObjects, Set<String> agcStateKeys) {
        Listing listing = new Listing(agcStateKeys);
        AwsCall.call("s3", "ListObjectsV2", () -> {
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(r -> r.bucket(name))) {
                for (S3Object object : page.contents()) {
                    if (!listing.add(object.key(), object.size(), true, maxObjects)) {
                        return listing;
                    }
                }
            }
            return listing;
        });
        return listing;
    }

    private static Listing listVersions(S3Client s3, String name, long maxObjects, Set<String> agcStateKeys) {
        Listing listing = new Listing(agcStateKeys);
        AwsCall.call("s3", "ListObjectVersions", () -> {
            for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(r -> r.bucket(name))) {
                listing.deleteMarkers += page.deleteMarkers().size();
                page.deleteMarkers().forEach(marker -> listing.key(marker.key()));
                for (ObjectVersion version : page.versions()) {
                    if (!listing.add(version.key(), version.size(), Boolean.TRUE.equals(version.isLatest()),
                            maxObjects)) {
                        return listing;
                    }
                }
            }
            return listing;
        });
        return listing;
    }

    /**
     * Of {@code keys} in bucket {@code name}, the state files whose current version still lists managed resources (or
     * that are not Terraform state); a key with no current object is skipped. The one rule of "still holds state",
     * for {@code retained}'s report and the last check before a state bucket is deleted.
     */
    public static List<String> holdingState(S3Client s3, String name, List<String> keys) {
        List<String> holding = new ArrayList<>();
        for (String key : keys) {
            byte[] body = AwsCall.call("s3", "GetObject", () -> {
                try {
                    return s3.getObjectAsBytes(r -> r.bucket(name).key(key)).asByteArray();
                } catch (NoSuchKeyException deleted) {
                    return null;
                }
            });
            if (body != null && TerraformState.parse(body).map(TerraformState::holdsManagedResources).orElse(true)) {
                holding.add(key);
            }
        }
        return holding;
    }

    /** The latest daily datapoint of an S3 storage metric, if CloudWatch has one. */
    static Optional<Long> metric(RegionContext context, String bucket, String metric, String storageType) {
        Instant end = Instant.now();
        List<Datapoint> points = AwsCall.call("cloudwatch", "GetMetricStatistics",
                () -> context.clients().cloudWatch().getMetricStatistics(r -> r.namespace("AWS/S3")
                        .metricName(metric)
                        .dimensions(Dimension.builder().name("BucketName").value(bucket).build(),
                                Dimension.builder().name("StorageType").value(storageType).build())
                        .startTime(end.minus(METRIC_WINDOW))
                        .endTime(end)
                        .period((int) Duration.ofDays(1).toSeconds())
                        .statistics(Statistic.AVERAGE)).datapoints());
        return points.stream()
                .max(Comparator.comparing(Datapoint::timestamp))
                .map(p -> Math.round(p.average()));
    }
}
