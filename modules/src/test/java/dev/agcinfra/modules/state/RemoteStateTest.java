package dev.agcinfra.modules.state;

import static dev.agcinfra.modules.testing.ConstructTest.stack;
import static dev.agcinfra.modules.testing.ConstructTest.synth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.TerraformStack;
import org.junit.jupiter.api.Test;

/** {@link RemoteState}: the S3 backend every stack gets. */
class RemoteStateTest {

    @Test
    void theStateIsEncryptedInTheBucketOfTheStacksRegionAndLockedWithALockFile() throws Exception {
        // Given
        TerraformStack stack = stack();

        // When
        RemoteState.s3(stack, "agc-tfstate-123456789012-eu-west-1", "agc/agc-core-eu-west-1.tfstate", "eu-west-1");
        JsonNode s3 = new ObjectMapper().readTree(synth(stack)).path("terraform").path("backend").path("s3");

        // Then
        assertThat(s3.path("bucket").asText()).isEqualTo("agc-tfstate-123456789012-eu-west-1");
        assertThat(s3.path("key").asText()).isEqualTo("agc/agc-core-eu-west-1.tfstate");
        assertThat(s3.path("region").asText()).isEqualTo("eu-west-1");
        assertThat(s3.path("encrypt").asBoolean()).isTrue();
        assertThat(s3.path("use_lockfile").asBoolean()).isTrue();
        assertThat(s3.has("dynamodb_table")).as("the lock file replaces a DynamoDB lock table").isFalse();
    }

    @Test
    void theRegionCheckIsSkippedOnlyWhenAsked() throws Exception {
        TerraformStack asked = stack();
        TerraformStack notAsked = stack();

        RemoteState.s3(asked, "b", "k", "ap-east-2", true);
        RemoteState.s3(notAsked, "b", "k", "eu-west-1", false);

        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(synth(asked)).path("terraform").path("backend").path("s3")
                .path("skip_region_validation").asBoolean()).isTrue();
        assertThat(json.readTree(synth(notAsked)).path("terraform").path("backend").path("s3")
                .has("skip_region_validation")).isFalse();
    }

    @Test
    void theBucketTheKeyAndTheRegionAreRequired() {
        TerraformStack stack = stack();

        assertThatThrownBy(() -> RemoteState.s3(stack, null, "k", "eu-west-1")).hasMessage("bucket must be non-null");
        assertThatThrownBy(() -> RemoteState.s3(stack, "b", null, "eu-west-1")).hasMessage("key must be non-null");
        assertThatThrownBy(() -> RemoteState.s3(stack, "b", "k", null)).hasMessage("region must be non-null");
    }
}
