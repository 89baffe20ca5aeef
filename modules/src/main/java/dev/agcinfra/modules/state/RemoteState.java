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

    /** The key prefix of every state object. */
    public static final String KEY_PREFIX = "agc/";
    /** The key suffix of every state object. */
    public static final String KEY_SUFFIX = ".tfstate";

    /** The state object key of a stack: {@code agc/<stack>.tfstate}. */
    public static String keyOf(String stackName) {
        return KEY_PREFIX + stackName + KEY_SUFFIX;
    }

    private RemoteState() {
    }

    /**
     * Configures the stack's backend.
     *
     * @param stack    the stack; its name gives the state key
     * @param bucket   the state bucket, in {@code region}
     * @param region   the bucket's region
     * @return the backend
     */
    public static S3Backend s3(TerraformStack stack, String bucket, String region) {
        Objects.requireNonNull(bucket, "bucket must be non-null");
        Objects.requireNonNull(region, "region must be non-null");
        S3Backend backend = new S3Backend(stack, S3BackendConfig.builder()
                .bucket(bucket)
                .key(keyOf(stack.getNode().getId()))
                .region(region)
                .encrypt(true)
                .build());
        backend.addOverride("use_lockfile", true);
        return backend;
    }
}
