package dev.agcinfra.audit.cleanup;

import dev.agcinfra.audit.provenance.StateHistoryReader;
import dev.agcinfra.aws.AwsCall;
import dev.agcinfra.audit.retained.BucketItem;
import dev.agcinfra.audit.retained.BucketReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/**
 * The last check before a state bucket is deleted, made on the bucket as it is then: every object version and delete
 * marker in it is one of agc-infra's state or lock files of the region, and no state file's current version lists a
 * managed resource. A bucket shared with another Terraform project, or still holding state, is never deleted; the
 * reason names the keys, worded as {@code retained} and the plan word it ({@link BucketItem#keepReason}).
 */
final class StateBucketCheck {

    private StateBucketCheck() {
    }

    /**
     * Why {@code bucket} must stay, or {@code null} when it holds nothing but agc-infra's empty state of the region.
     *
     * @throws AwsCall.AwsCallException when the bucket cannot be read
     */
    static String problem(S3Client s3, String region, String bucket) {
        Set<String> allowed = StateHistoryReader.agcKeys(region);
        Set<String> foreign = new LinkedHashSet<>();
        AwsCall.call("s3", "ListObjectVersions", () -> {
            for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(r -> r.bucket(bucket))) {
                page.versions().forEach(v -> {
                    if (!allowed.contains(v.key())) {
                        foreign.add(v.key());
                    }
                });
                page.deleteMarkers().forEach(m -> {
                    if (!allowed.contains(m.key())) {
                        foreign.add(m.key());
                    }
                });
            }
            return null;
        });
        List<String> named = new ArrayList<>(foreign.stream().limit(BucketItem.MAX_FOREIGN_KEYS).toList());
        if (foreign.size() > named.size()) {
            named.add("and " + (foreign.size() - named.size()) + " more");
        }
        List<String> holding = BucketReader.holdingState(s3, bucket, StateHistoryReader.stateKeys(region));
        return BucketItem.keepReason(region, named, holding).map(reason -> bucket + " " + reason).orElse(null);
    }
}
