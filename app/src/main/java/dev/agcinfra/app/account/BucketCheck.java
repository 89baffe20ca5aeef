package dev.agcinfra.app.account;

import dev.agcinfra.app.account.Preflight.BucketStatus;
import dev.agcinfra.app.stacks.RegionStack;
import dev.agcinfra.settings.RegionSettings;

/**
 * The results bucket as the settings will deploy it: another account's bucket is refused; a bucket the settings say to
 * use ({@code createBucket: false}) must exist; a bucket the settings say to create must not exist unless an agc-infra
 * state already manages it (agc-infra never takes a bucket it did not create into its state).
 */
final class BucketCheck {

    private final BucketStatuses buckets;
    private final String account;

    BucketCheck(BucketStatuses buckets, String account) {
        this.buckets = buckets;
        this.account = account;
    }

    void check(RegionSettings region, TerraformStates states, PreflightReport report) {
        BucketStatus status = buckets.of(region.bucket());
        String data = RegionStack.dataStackName(region.region());
        String defaultBucket = RegionSettings.defaultBucket(account, region.region());
        if (status.exists() && !status.inThisAccount()) {
            report.refuse("bucket " + region.bucket() + " exists but is not one of account " + account + "'s buckets; "
                    + (region.bucket().equals(defaultBucket) ? "name a bucket of this account with --bucket"
                            : "name a bucket of this account with --bucket, or omit --bucket for " + defaultBucket));
        } else if (!region.createBucket()) {
            if (status.exists()) {
                report.note("bucket " + region.bucket() + ": exists in account " + account
                        + "; yours, used as is (agc-infra never changes its settings or deletes it; "
                        + RegionStack.coreStackName(region.region()) + " puts AGC's artifacts under artifacts/ in it, "
                        + "as AGC's core does)");
            } else {
                report.refuse("bucket " + region.bucket() + " does not exist and the settings say createBucket: false; "
                        + "create it, or set createBucket: true for agc-infra to create it");
            }
        } else if (status.exists()) {
            if (states.managesBucket(region.bucket())) {
                report.note("bucket " + region.bucket() + ": exists, managed by " + data);
            } else {
                report.refuse("bucket " + region.bucket() + " already exists in account " + account + " but no "
                        + "agc-infra state records it, and the settings say createBucket: true; agc-infra never takes a "
                        + "bucket it did not create into its state (S3 lets its owner create a bucket again in "
                        + "us-east-1, so " + data + " would adopt it and its objects); to use it as it is, set "
                        + "createBucket: false, or activate with --bucket " + region.bucket());
            }
        } else {
            report.note("bucket " + region.bucket() + ": will be created in account " + account + " by "
                    + data + " (kept on deactivation)");
        }
    }
}
