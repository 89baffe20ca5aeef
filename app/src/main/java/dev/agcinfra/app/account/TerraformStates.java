package dev.agcinfra.app.account;

import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.provenance.StateHistory;
import dev.agcinfra.audit.provenance.StateHistoryReader;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What agc-infra's Terraform state of a region records, read once with the audit's {@link StateHistoryReader} (every
 * version of {@code agc/agc-data-<region>.tfstate} and {@code agc/agc-core-<region>.tfstate}): the same evidence
 * {@code retained}, {@code cleanup} and deactivation use. A bucket that no version manages was not created by
 * agc-infra, whatever its name, and is never taken into a state.
 */
public final class TerraformStates {

    private final S3Client s3;
    private final String region;
    private final String stateBucket;
    private StateHistory history;

    public TerraformStates(S3Client s3, String region, String stateBucket) {
        this.s3 = s3;
        this.region = region;
        this.stateBucket = stateBucket;
    }

    /** Whether some state version manages the bucket {@code name} (a managed {@code aws_s3_bucket} with that id). */
    public boolean managesBucket(String name) {
        return history().managed(name).map(p -> p.address().startsWith("aws_s3_bucket.")).orElse(false);
    }

    private StateHistory history() {
        if (history != null) {
            return history;
        }
        StateHistory read = StateHistoryReader.read(s3, region, stateBucket);
        if (read.failure().isPresent()) {
            SdkException failure = read.failure().get();
            if (failure instanceof S3Exception s3e && s3e.statusCode() == 403) {
                throw StateBucket.denied(stateBucket);
            }
            throw new AccountException(ExitCode.AWS_FAILURE, read.problem().orElseThrow());
        }
        if (!read.readable() && !read.noStateBucket()) {
            // a version that is not Terraform state: nobody can tell what it records
            throw new AccountException(ExitCode.AWS_FAILURE, read.problem().orElseThrow() + "; check it with "
                    + "terraform state pull before activating");
        }
        history = read;
        return history;
    }
}
