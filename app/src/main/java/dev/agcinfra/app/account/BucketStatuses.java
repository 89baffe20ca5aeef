package dev.agcinfra.app.account;

import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.app.account.Preflight.BucketStatus;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Whether buckets exist and whose they are: listed by ListBuckets means this account's; else HeadBucket answers 404
 * (free, will be created) or 403 (someone else's). Any other answer, after the SDK's retries (a 500 or 503 from S3, a
 * timeout), says nothing about the bucket: it is an AWS failure (exit 3), never a refusal. Each bucket is asked about
 * once, and the account's buckets are listed once.
 */
final class BucketStatuses {

    private final S3Client s3;
    private final Map<String, BucketStatus> known = new HashMap<>();
    private Set<String> ownBuckets;

    BucketStatuses(S3Client s3) {
        this.s3 = s3;
    }

    BucketStatus of(String bucket) {
        BucketStatus status = known.get(bucket);
        if (status == null) {
            status = ask(bucket);
            known.put(bucket, status);
        }
        return status;
    }

    private BucketStatus ask(String bucket) {
        if (ownBuckets == null) {
            ownBuckets = new HashSet<>();
            s3.listBucketsPaginator(r -> { }).buckets().forEach(b -> ownBuckets.add(b.name()));
        }
        if (ownBuckets.contains(bucket)) {
            return new BucketStatus(bucket, true, true);
        }
        try {
            s3.headBucket(r -> r.bucket(bucket));
            return new BucketStatus(bucket, true, false);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return new BucketStatus(bucket, false, false);
            }
            if (e.statusCode() == 403) {
                return new BucketStatus(bucket, true, false);
            }
            throw new AccountException(ExitCode.AWS_FAILURE, "bucket " + bucket + ": S3 HeadBucket failed with HTTP "
                    + e.statusCode() + awsError(e) + " after the SDK's retries, so whether the bucket exists, and whose "
                    + "it is, is unknown; nothing was changed; try again later");
        }
    }

    private static String awsError(S3Exception e) {
        var details = e.awsErrorDetails();
        if (details == null || details.errorCode() == null) {
            return "";
        }
        return " (" + details.errorCode() + (details.errorMessage() == null ? "" : ": " + details.errorMessage()) + ")";
    }
}
