package dev.agcinfra.app.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agcinfra.app.ExitCode;
import dev.agcinfra.modules.state.RemoteState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What agc-infra's Terraform states in a region's state bucket record: every {@code agc/*.tfstate} object
 * ({@link RemoteState#keyOf(String)}), read once. A bucket that no state manages was not created by agc-infra, whatever
 * its name, and is never taken into a state.
 */
public final class TerraformStates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Client s3;
    private final String stateBucket;
    private List<JsonNode> states;

    public TerraformStates(S3Client s3, String stateBucket) {
        this.s3 = s3;
        this.stateBucket = stateBucket;
    }

    /** Whether a state manages the bucket {@code name} (a managed {@code aws_s3_bucket} whose {@code bucket} it is). */
    public boolean managesBucket(String name) {
        for (JsonNode state : states()) {
            for (JsonNode resource : state.path("resources")) {
                if (!"managed".equals(resource.path("mode").asText()) || !"aws_s3_bucket".equals(resource.path("type").asText())) {
                    continue;
                }
                for (JsonNode instance : resource.path("instances")) {
                    if (name.equals(instance.path("attributes").path("bucket").asText())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private List<JsonNode> states() {
        if (states != null) {
            return states;
        }
        List<JsonNode> read = new ArrayList<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(stateBucket).prefix(RemoteState.KEY_PREFIX))
                    .contents()) {
                if (object.key().endsWith(RemoteState.KEY_SUFFIX)) {
                    byte[] bytes = s3.getObjectAsBytes(r -> r.bucket(stateBucket).key(object.key())).asByteArray();
                    try {
                        read.add(JSON.readTree(bytes));
                    } catch (IOException e) {
                        throw new AccountException(ExitCode.AWS_FAILURE, "state " + object.key()
                                + " in " + stateBucket + " is not a Terraform state (not JSON); check it with "
                                + "terraform state pull before activating");
                    }
                }
            }
        } catch (S3Exception e) {
            if (e.statusCode() == 403) {
                throw StateBucket.denied(stateBucket);
            }
            if (e.statusCode() != 404) {
                throw e;
            }
            // no state bucket yet: no state records anything
        }
        states = List.copyOf(read);
        return states;
    }
}
