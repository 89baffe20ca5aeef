package dev.agcinfra.audit.provenance;

import dev.agcinfra.aws.AwsErrors;
import dev.agcinfra.settings.AgcNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads every version of a region's agc-infra state files, {@code agc/agc-data-<region>.tfstate} and
 * {@code agc/agc-core-<region>.tfstate}, in the region's state bucket: the record of what agc-infra created there.
 * Activation makes the state bucket versioned, so a resource destroyed long ago, or left by a destroy that failed
 * halfway, is still listed by some version. The one place ownership evidence is read, for {@code retained},
 * {@code cleanup} and {@code agc-infra account deactivate}.
 *
 * <p>Anything that stops a complete read (no state bucket, access denied, a version that is not Terraform state,
 * more than {@link #MAX_VERSIONS} versions of a file) gives an unreadable history: nothing is then proven.
 */
public final class StateHistoryReader {

    /** Versions read at most per state file; beyond that the history is incomplete, hence unreadable. */
    public static final int MAX_VERSIONS = 2000;

    private StateHistoryReader() {
    }

    /**
     * @param s3          a client of {@code region} (or able to reach the bucket)
     * @param region      the region whose stacks' state is read
     * @param stateBucket the region's state bucket (the settings' template filled in)
     */
    public static StateHistory read(S3Client s3, String region, String stateBucket) {
        StateHistory.Builder history = new StateHistory.Builder();
        List<String> found = new ArrayList<>();
        for (String key : stateKeys(region)) {
            Optional<String> problem;
            try {
                problem = readKey(s3, stateBucket, key, history, found);
            } catch (NoStateBucket e) {
                return StateHistory.noStateBucket(region, stateBucket, "no state bucket " + stateBucket + " in "
                        + region + ", so agc-infra's state cannot be read (a stateBucket other than the default? "
                        + "give the settings file with --settings)");
            } catch (SdkException e) {
                return unreadable(region, stateBucket, key, e);
            }
            if (problem.isPresent()) {
                return StateHistory.unreadable(region, stateBucket, problem.get(), null);
            }
        }
        return history.build(region, stateBucket, found);
    }

    /** The state files of a region's stacks: {@code agc/agc-data-<region>.tfstate}, {@code agc/agc-core-<region>.tfstate}. */
    public static List<String> stateKeys(String region) {
        return List.of(AgcNames.stateKey(AgcNames.dataStack(region)), AgcNames.stateKey(AgcNames.coreStack(region)));
    }

    /** Every key agc-infra writes into a region's state bucket: its state files and their lock files. */
    public static Set<String> agcKeys(String region) {
        Set<String> keys = new LinkedHashSet<>();
        for (String key : stateKeys(region)) {
            keys.add(key);
            keys.add(key + AgcNames.LOCK_SUFFIX);
        }
        return keys;
    }

    /** Lists the versions of {@code key}, newest first, stopping once more than {@link #MAX_VERSIONS} are found. */
    private static void listVersions(S3Client s3, String bucket, String key, List<ObjectVersion> versions) {
        for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(r -> r.bucket(bucket).prefix(key))) {
            for (ObjectVersion version : page.versions()) {
                if (version.key().equals(key)) {
                    versions.add(version);
                }
            }
            if (versions.size() > MAX_VERSIONS) {
                return;
            }
        }
    }

    /** The state bucket does not exist (a listing answered 404). */
    private static final class NoStateBucket extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoStateBucket() {
            super(null, null, false, false);
        }
    }

    private static StateHistory unreadable(String region, String stateBucket, String key, SdkException e) {
        return StateHistory.unreadable(region, stateBucket, "agc-infra's state " + stateBucket + "/" + key
                + " could not be read (s3 " + AwsErrors.code(e) + ": " + AwsErrors.message(e) + ")", e);
    }

    /** Reads every version of one key, newest first; returns why the history is incomplete, if it is. */
    private static Optional<String> readKey(S3Client s3, String bucket, String key, StateHistory.Builder history,
            List<String> found) {
        List<ObjectVersion> versions = new ArrayList<>();
        try {
            listVersions(s3, bucket, key, versions);
        } catch (S3Exception e) {
            if (e instanceof NoSuchBucketException || e.statusCode() == 404) {
                throw new NoStateBucket();
            }
            throw e;
        }
        if (versions.size() > MAX_VERSIONS) {
            return Optional.of(bucket + "/" + key + " has more than " + MAX_VERSIONS + " versions; not all of "
                    + "them were read, so agc-infra's state cannot prove what it did not create");
        }
        if (!versions.isEmpty()) {
            found.add(key);
        }
        // ListObjectVersions lists each key's versions newest first; the first version naming an id is kept.
        for (ObjectVersion version : versions) {
            String versionId = version.versionId() == null || "null".equals(version.versionId()) ? null
                    : version.versionId();
            byte[] body = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key).versionId(versionId)).asByteArray();
            Optional<List<TerraformState.Resource>> resources = TerraformState.parse(body);
            if (resources.isEmpty()) {
                return Optional.of(bucket + "/" + key + " version " + version.versionId() + " is not Terraform "
                        + "state (format 4), so agc-infra's state cannot be read");
            }
            String shownVersion = versionId == null ? "null" : versionId;
            resources.get().forEach(resource -> history.add(resource, key, shownVersion));
        }
        return Optional.empty();
    }
}
