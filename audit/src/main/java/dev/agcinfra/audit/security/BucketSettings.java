package dev.agcinfra.audit.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A results or state bucket's protections.
 *
 * @param id               the bucket name live, its Terraform address in a stack
 * @param name             the bucket name ({@code null} in a stack when not literal)
 * @param role             results or state bucket
 * @param publicAccess     the four public access blocks
 * @param policy           the bucket policy's JSON text ({@code null}: none)
 * @param arns             the ways the policy may name the bucket: {@code arn:aws:s3:::<name>}, and in a stack the
 *                         expression {@code ${aws_s3_bucket.<name>.arn}}
 * @param sseAlgorithm     the default encryption's algorithm, {@code aws:kms} or {@code AES256} ({@code null}: none)
 * @param bucketKeyEnabled whether S3 bucket keys are on for SSE-KMS ({@code null}: not set)
 * @param objectOwnership  {@code BucketOwnerEnforced}, {@code BucketOwnerPreferred}, {@code ObjectWriter}
 *                         ({@code null}: no ownership controls)
 * @param versioning       {@code Enabled}, {@code Suspended}, or {@code null} when never enabled (or not read)
 * @param tags             its tags
 */
public record BucketSettings(String id, String name, Role role, PublicAccess publicAccess, String policy,
        List<String> arns, String sseAlgorithm, Boolean bucketKeyEnabled, String objectOwnership, String versioning,
        Map<String, String> tags) implements Checkable {

    /** What the bucket holds. */
    public enum Role {
        /** AGC's results (and artifacts): the data stack's bucket. */
        RESULTS,
        /** agc-infra's Terraform state. */
        STATE
    }

    /**
     * The four S3 public access blocks.
     *
     * @param blockPublicAcls       BlockPublicAcls
     * @param ignorePublicAcls      IgnorePublicAcls
     * @param blockPublicPolicy     BlockPublicPolicy
     * @param restrictPublicBuckets RestrictPublicBuckets
     */
    public record PublicAccess(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
            boolean restrictPublicBuckets) {

        /** No public access block configuration at all: every block off. */
        public static final PublicAccess NONE = new PublicAccess(false, false, false, false);

        /** The blocks that are off, by their S3 names. */
        public List<String> off() {
            List<String> off = new java.util.ArrayList<>();
            if (!blockPublicAcls) {
                off.add("BlockPublicAcls");
            }
            if (!ignorePublicAcls) {
                off.add("IgnorePublicAcls");
            }
            if (!blockPublicPolicy) {
                off.add("BlockPublicPolicy");
            }
            if (!restrictPublicBuckets) {
                off.add("RestrictPublicBuckets");
            }
            return off;
        }
    }

    public BucketSettings {
        arns = List.copyOf(arns);
        tags = Map.copyOf(tags);
    }

    @Override
    public String resourceType() {
        return "aws_s3_bucket";
    }

    @Override
    public String label() {
        String what = role == Role.STATE ? "state bucket " : "results bucket ";
        return what + id + (name != null && !name.equals(id) ? " (" + name + ")" : "");
    }

    /** The default encryption's algorithm and bucket keys, when set. */
    @Override
    public Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (sseAlgorithm != null) {
            attributes.put("sse_algorithm", sseAlgorithm);
        }
        if (bucketKeyEnabled != null) {
            attributes.put("bucket_key_enabled", bucketKeyEnabled.toString());
        }
        return attributes;
    }
}
