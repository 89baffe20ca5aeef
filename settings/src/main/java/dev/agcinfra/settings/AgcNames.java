package dev.agcinfra.settings;

/**
 * The names agc-infra gives what it deploys, in one place for the app, its constructs' callers and agc-audit: the
 * tag every resource carries, the stacks of a region, where their Terraform state lives, the default buckets, and the
 * SSM parameter whose existence means "active".
 */
public final class AgcNames {

    /** The tag every agc-infra and AGC resource carries. */
    public static final String APPLICATION_TAG = "application-name";
    /** Its value. */
    public static final String APPLICATION_NAME = "agc";
    /** The tag holding the agc-infra (or AGC) version. */
    public static final String VERSION_TAG = "agc-version";

    /** The remote-state bucket template when the settings give none; {@code {account}} and {@code {region}} filled in. */
    public static final String DEFAULT_STATE_BUCKET = "agc-tfstate-{account}-{region}";

    /** The SSM parameters AGC's contexts read live under this path. */
    public static final String COMMON_PARAMETERS = "/agc/_common/";
    /** The parameter whose existence means agc-infra (or AGC) is active in a region: the VPC id. */
    public static final String ACTIVE_PARAMETER = COMMON_PARAMETERS + "vpc";

    /** Where every state key of agc-infra starts. */
    static final String STATE_PREFIX = "agc/";
    /** The suffix Terraform's S3 backend adds to a state key for its lock file ({@code use_lockfile}). */
    public static final String LOCK_SUFFIX = ".tflock";

    private AgcNames() {
    }

    /** {@code agc-data-<region>}: the results bucket, when agc-infra creates it. */
    public static String dataStack(String region) {
        return "agc-data-" + region;
    }

    /** {@code agc-core-<region>}: everything deactivation removes. */
    public static String coreStack(String region) {
        return "agc-core-" + region;
    }

    /** The state object key of a stack in its state bucket: {@code agc/<stack>.tfstate}. */
    public static String stateKey(String stack) {
        return STATE_PREFIX + stack + ".tfstate";
    }

    /** The lock file Terraform writes beside a stack's state while it runs: {@code agc/<stack>.tfstate.tflock}. */
    public static String lockKey(String stack) {
        return stateKey(stack) + LOCK_SUFFIX;
    }

    /** The results bucket of a region when the settings name none: {@code agc-<account>-<region>}, as AGC names it. */
    public static String defaultBucket(String account, String region) {
        return "agc-" + account + "-" + region;
    }

    /** A state bucket template with the account and region filled in. */
    public static String stateBucket(String template, String account, String region) {
        return template.replace("{account}", account).replace("{region}", region);
    }
}
