package dev.agcinfra.modules.state;

import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.S3BackendConfig;
import com.hashicorp.cdktf.TerraformStack;
import java.util.Objects;

/**
 * Remote state for one stack in an S3 bucket of its own region, encrypted, locked with an S3 lock file.
 *
 * <p>{@code use_lockfile} needs Terraform 1.10 or newer; it replaces the DynamoDB lock table. CDKTF 0.19's
 * {@link S3BackendConfig} predates it, so it is the one setting added as a raw override.
 */
public final class RemoteState {

    private RemoteState() {
    }

    /**
     * Configures the stack's backend.
     *
     * @param stack    the stack
     * @param bucket   the state bucket, in {@code region}
     * @param key      the state object's key in the bucket
     * @param region   the bucket's region
     * @return the backend
     */
    public static S3Backend s3(TerraformStack stack, String bucket, String key, String region) {
        return s3(stack, bucket, key, region, false);
    }

    /**
     * Configures the stack's backend, telling Terraform not to check the region's name when
     * {@code skipRegionValidation} (for a region opened after the Terraform releases the stack accepts).
     */
    public static S3Backend s3(TerraformStack stack, String bucket, String key, String region,
                               boolean skipRegionValidation) {
        Objects.requireNonNull(bucket, "bucket must be non-null");
        Objects.requireNonNull(key, "key must be non-null");
        Objects.requireNonNull(region, "region must be non-null");
        S3Backend backend = new S3Backend(stack, S3BackendConfig.builder()
                .bucket(bucket)
                .key(key)
                .region(region)
                .encrypt(true)
                .skipRegionValidation(skipRegionValidation ? Boolean.TRUE : null)
                .build());
        backend.addOverride("use_lockfile", true);
        return backend;
    }
}
