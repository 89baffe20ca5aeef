package dev.agcinfra.modules.storage;

import dev.agcinfra.modules.naming.AddressedScope;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import com.hashicorp.cdktf.providers.aws.s3_bucket_ownership_controls.S3BucketOwnershipControls;
import com.hashicorp.cdktf.providers.aws.s3_bucket_ownership_controls.S3BucketOwnershipControlsRule;
import com.hashicorp.cdktf.providers.aws.s3_bucket_policy.S3BucketPolicy;
import com.hashicorp.cdktf.providers.aws.s3_bucket_public_access_block.S3BucketPublicAccessBlock;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA;
import java.util.List;
import java.util.Objects;
import software.constructs.Construct;

/**
 * A new, locked-down S3 bucket for AGC's results: SSE-KMS with the AWS-managed key ({@code aws/s3}) and bucket keys,
 * a bucket policy denying every request not made over TLS, all four public-access blocks, and object ownership
 * {@code BucketOwnerEnforced} (ACLs off). {@code force_destroy} stays false, so Terraform can never delete it while it
 * holds objects. AGC adds no versioning, and neither does this.
 *
 * <p>Construct tree: {@code Resource}, {@code Encryption}, {@code PublicAccessBlock}, {@code OwnershipControls},
 * {@code Policy}.
 */
public final class ResultsBucket extends Construct {

    private final S3Bucket bucket;
    private final String arn;

    /**
     * @param bucketName the bucket's name, e.g. {@code agc-123456789012-us-east-1}
     */
    public ResultsBucket(Construct scope, String id, String bucketName) {
        super(scope, id);
        Objects.requireNonNull(bucketName, "bucketName must be non-null");
        AddressedScope here = AddressedScope.of(scope).child(this, id);
        this.bucket = here.add("Resource", (s, n) -> S3Bucket.Builder.create(s, n)
                .bucket(bucketName)
                .forceDestroy(false)
                .build());
        // Each attribute read is a call into jsii that hands out a new token for the same reference: read once.
        String bucketId = bucket.getId();
        here.add("Encryption", (s, n) -> S3BucketServerSideEncryptionConfigurationA.Builder.create(s, n)
                .bucket(bucketId)
                .rule(List.of(S3BucketServerSideEncryptionConfigurationRuleA.builder()
                        .applyServerSideEncryptionByDefault(
                                S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA.builder()
                                        .sseAlgorithm("aws:kms")
                                        .build())
                        .bucketKeyEnabled(true)
                        .build()))
                .build());
        here.add("PublicAccessBlock", (s, n) -> S3BucketPublicAccessBlock.Builder.create(s, n)
                .bucket(bucketId)
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build());
        here.add("OwnershipControls", (s, n) -> S3BucketOwnershipControls.Builder.create(s, n)
                .bucket(bucketId)
                .rule(S3BucketOwnershipControlsRule.builder().objectOwnership("BucketOwnerEnforced").build())
                .build());
        this.arn = bucket.getArn();
        here.add("Policy", (s, n) -> S3BucketPolicy.Builder.create(s, n)
                .bucket(bucketId)
                .policy(tlsOnlyPolicy(arn))
                .build());
    }

    /** The bucket's name (a Terraform reference). */
    public String bucketName() {
        return bucket.getBucket();
    }

    /** The bucket's ARN (a Terraform reference). */
    public String bucketArn() {
        return arn;
    }

    /** The bucket resource. */
    public S3Bucket bucket() {
        return bucket;
    }

    /** A bucket policy that denies every S3 action on the bucket and its objects when the request is not over TLS. */
    static String tlsOnlyPolicy(String bucketArn) {
        return """
                {"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*",\
                "Action":"s3:*","Resource":["%1$s","%1$s/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"""
                .formatted(bucketArn);
    }
}
