package dev.agcinfra.app.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.app.stacks.RegionStack;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The region's Terraform state bucket, created when missing and brought up to agc-infra's settings: versioning on,
 * default encryption, every public access block on, a TLS-only bucket policy, and, only when it creates the bucket,
 * the tag {@code application-name=agc} (an existing bucket stays the user's). Idempotent; it only ever adds
 * protection, never removes any (an existing encryption setting, policy statement or tag is kept).
 */
public final class StateBucket {

    /** The {@code Sid} of the statement that denies requests without TLS. */
    public static final String TLS_ONLY_SID = "AgcInfraDenyInsecureTransport";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Client s3;
    private final String region;
    private final boolean tlsOnly;

    /**
     * @param tlsOnly whether to add the TLS-only policy: false only for an {@code http://} endpoint (an emulator),
     *                through which that policy would deny every request, Terraform's included
     */
    public StateBucket(S3Client s3, String region, boolean tlsOnly) {
        this.s3 = s3;
        this.region = region;
        this.tlsOnly = tlsOnly;
    }

    /**
     * Creates or completes the bucket; returns what it changed, one line each (empty when nothing needed changing).
     *
     * @throws AccountException when the bucket belongs to someone else
     */
    public List<String> ensure(String bucket) {
        List<String> changes = new ArrayList<>();
        boolean created = !exists(bucket);
        if (created) {
            s3.createBucket(r -> {
                r.bucket(bucket);
                if (!"us-east-1".equals(region)) {
                    r.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
                }
            });
            changes.add("created state bucket " + bucket + " in " + region);
        }
        if (s3.getBucketVersioning(r -> r.bucket(bucket)).status() != BucketVersioningStatus.ENABLED) {
            s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            changes.add("turned on versioning");
        }
        if (!hasEncryption(bucket)) {
            s3.putBucketEncryption(r -> r.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(rule -> rule
                    .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
            changes.add("turned on default encryption (SSE-S3)");
        }
        PublicAccessBlockConfiguration block = publicAccessBlock(bucket);
        if (block == null || !(isTrue(block.blockPublicAcls()) && isTrue(block.ignorePublicAcls())
                && isTrue(block.blockPublicPolicy()) && isTrue(block.restrictPublicBuckets()))) {
            s3.putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                    .ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
            changes.add("blocked all public access");
        }
        if (tlsOnly) {
            ensureTlsOnly(bucket, changes);
        }
        if (created) {
            // Only a bucket agc-infra creates is marked as its own: the tag makes agc-audit cleanup --include-data
            // willing to delete it, and an existing bucket (a stateBucket: the user named) is the user's.
            ensureTag(bucket, changes);
        }
        return changes;
    }

    private boolean exists(String bucket) {
        try {
            s3.headBucket(r -> r.bucket(bucket));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            if (e.statusCode() == 403) {
                throw denied(bucket);
            }
            throw e;
        }
    }

    /** The refusal for a state bucket S3 denies to these credentials. */
    static AccountException denied(String bucket) {
        return new AccountException(ExitCode.INVALID_INPUT, "state bucket " + bucket + " exists but S3 denies it "
                + "to these credentials (another account's?); set stateBucket: in the settings file to a name of your own");
    }

    private boolean hasEncryption(String bucket) {
        try {
            return !s3.getBucketEncryption(r -> r.bucket(bucket)).serverSideEncryptionConfiguration().rules().isEmpty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private PublicAccessBlockConfiguration publicAccessBlock(String bucket) {
        try {
            return s3.getPublicAccessBlock(r -> r.bucket(bucket)).publicAccessBlockConfiguration();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    private void ensureTlsOnly(String bucket, List<String> changes) {
        String existing = null;
        try {
            existing = s3.getBucketPolicy(r -> r.bucket(bucket)).policy();
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
        try {
            ObjectNode policy;
            if (existing == null || existing.isBlank()) {
                policy = JSON.createObjectNode().put("Version", "2012-10-17");
            } else {
                policy = (ObjectNode) JSON.readTree(existing);
            }
            JsonNode statements = policy.get("Statement");
            ArrayNode list;
            if (statements instanceof ArrayNode a) {
                list = a;
            } else {
                list = policy.putArray("Statement");
                if (statements != null && statements.isObject()) {
                    list.add(statements);
                }
            }
            for (JsonNode s : list) {
                if (TLS_ONLY_SID.equals(s.path("Sid").asText())) {
                    return;
                }
            }
            ObjectNode deny = list.addObject();
            deny.put("Sid", TLS_ONLY_SID).put("Effect", "Deny").put("Principal", "*").put("Action", "s3:*");
            deny.putArray("Resource").add("arn:aws:s3:::" + bucket).add("arn:aws:s3:::" + bucket + "/*");
            deny.putObject("Condition").putObject("Bool").put("aws:SecureTransport", "false");
            String text = JSON.writeValueAsString(policy);
            s3.putBucketPolicy(r -> r.bucket(bucket).policy(text));
            changes.add(existing == null ? "added a TLS-only bucket policy" : "added a TLS-only statement to the bucket policy");
        } catch (IOException e) {
            throw new AccountException(ExitCode.AWS_FAILURE, "state bucket " + bucket + ": its bucket policy is not "
                    + "JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private void ensureTag(String bucket, List<String> changes) {
        List<Tag> tags = new ArrayList<>();
        try {
            tags.addAll(s3.getBucketTagging(r -> r.bucket(bucket)).tagSet());
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
        if (tags.stream().anyMatch(t -> RegionStack.APPLICATION_TAG.equals(t.key()))) {
            return;
        }
        tags.add(Tag.builder().key(RegionStack.APPLICATION_TAG).value(RegionStack.APPLICATION_NAME).build());
        s3.putBucketTagging(r -> r.bucket(bucket).tagging(t -> t.tagSet(tags)));
        changes.add("tagged " + RegionStack.APPLICATION_TAG + "=" + RegionStack.APPLICATION_NAME);
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
