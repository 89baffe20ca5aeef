package dev.agcinfra.audit.cleanup;

import dev.agcinfra.audit.provenance.StateHistoryReader;
import dev.agcinfra.audit.provenance.TerraformState;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The last check before a state bucket is deleted, made on the bucket as it is then: every object version and delete
 * marker in it is one of agc-infra's state or lock files of the region, and no state file's current version lists a
 * managed resource. A bucket shared with another Terraform project, or still holding state, is never deleted.
 */
final class StateBucketCheck {

    private StateBucketCheck() {
    }

    /** Why {@code bucket} must stay, or {@code null} when it holds nothing but agc-infra's empty state of the region. */
    static String problem(S3Client s3, String region, String bucket) {
        Set<String> allowed = StateHistoryReader.agcKeys(region);
        Set<String> foreign = new LinkedHashSet<>();
        for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(r -> r.bucket(bucket))) {
            page.versions().forEach(v -> {
                if (!allowed.contains(v.key())) {
                    foreign.add(v.key());
                }
            });
            page.deleteMarkers().forEach(m -> {
                if (!allowed.contains(m.key())) {
                    foreign.add(m.key());
                }
            });
        }
        if (!foreign.isEmpty()) {
            return bucket + " holds " + String.join(", ", foreign.stream().limit(5).toList())
                    + (foreign.size() > 5 ? " and " + (foreign.size() - 5) + " more" : "")
                    + ", which are not agc-infra's state of " + region + ": kept";
        }
        for (String key : StateHistoryReader.stateKeys(region)) {
            byte[] body;
            try {
                body = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
            } catch (NoSuchKeyException deleted) {
                continue;
            }
            List<TerraformState.Resource> resources = TerraformState.parse(body).orElse(null);
            if (resources == null) {
                return bucket + "/" + key + " is not Terraform state: kept";
            }
            if (TerraformState.holdsManagedResources(resources)) {
                return bucket + "/" + key + " still lists managed resources (destroy that stack first): kept";
            }
        }
        return null;
    }
}
