package dev.agcinfra.modules.storage;

import static dev.agcinfra.modules.testing.ConstructTest.addresses;
import static dev.agcinfra.modules.testing.ConstructTest.assertHasResource;
import static dev.agcinfra.modules.testing.ConstructTest.resolved;
import static dev.agcinfra.modules.testing.ConstructTest.resources;
import static dev.agcinfra.modules.testing.ConstructTest.stack;
import static dev.agcinfra.modules.testing.ConstructTest.synth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTable;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import com.hashicorp.cdktf.providers.aws.s3_bucket_ownership_controls.S3BucketOwnershipControls;
import com.hashicorp.cdktf.providers.aws.s3_bucket_policy.S3BucketPolicy;
import com.hashicorp.cdktf.providers.aws.s3_bucket_public_access_block.S3BucketPublicAccessBlock;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration
        .S3BucketServerSideEncryptionConfigurationA;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ResultsBucket} and {@link AgcTable} on their own. */
class StorageTest {

    @Test
    void theResultsBucketIsEncryptedWithKmsPrivateOwnerEnforcedTlsOnlyAndNeverForceDestroyed() throws Exception {
        // Given
        TerraformStack stack = stack();

        // When
        ResultsBucket bucket = new ResultsBucket(stack, "Results", "my-results");
        String synthesized = synth(stack);

        // Then
        assertHasResource(synthesized, S3Bucket.TF_RESOURCE_TYPE,
                Map.of("bucket", "my-results", "force_destroy", false));
        assertHasResource(synthesized, S3BucketServerSideEncryptionConfigurationA.TF_RESOURCE_TYPE,
                Map.of("rule", List.of(Map.of("apply_server_side_encryption_by_default",
                        Map.of("sse_algorithm", "aws:kms"), "bucket_key_enabled", true))));
        assertHasResource(synthesized, S3BucketPublicAccessBlock.TF_RESOURCE_TYPE, Map.of("block_public_acls", true,
                "block_public_policy", true, "ignore_public_acls", true, "restrict_public_buckets", true));
        assertHasResource(synthesized, S3BucketOwnershipControls.TF_RESOURCE_TYPE,
                Map.of("rule", Map.of("object_ownership", "BucketOwnerEnforced")));
        JsonNode policy = new ObjectMapper().readTree(resources(synthesized, S3BucketPolicy.TF_RESOURCE_TYPE)
                .get("results_policy").path("policy").asText());
        JsonNode deny = policy.path("Statement").get(0);
        assertThat(deny.path("Effect").asText()).isEqualTo("Deny");
        assertThat(deny.path("Condition").path("Bool").path("aws:SecureTransport").asText()).isEqualTo("false");
        assertThat(deny.path("Resource").get(1).asText()).isEqualTo("${aws_s3_bucket.results.arn}/*");
        assertThat(resolved(stack, bucket.bucketName())).as("a reference to the bucket")
                .isEqualTo("${aws_s3_bucket.results.bucket}");
    }

    @Test
    void aResultsBucketNeedsAName() {
        TerraformStack stack = stack();

        assertThatThrownBy(() -> new ResultsBucket(stack, "Results", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("bucketName must be non-null");
    }

    @Test
    void theTableIsAgcsOwnWithItsKeysIndexesTtlAndPointInTimeRecovery() {
        // Given
        TerraformStack stack = stack();

        // When
        AgcTable table = new AgcTable(stack, "Table");
        String synthesized = synth(stack);

        // Then
        assertHasResource(synthesized, DynamodbTable.TF_RESOURCE_TYPE, Map.of("name", AgcTable.TABLE_NAME,
                "billing_mode", "PAY_PER_REQUEST", "hash_key", "PK", "range_key", "SK",
                "ttl", Map.of("attribute_name", "expiry", "enabled", true),
                "point_in_time_recovery", Map.of("enabled", true),
                "global_secondary_index", List.of(Map.of("name", "gsi1", "hash_key", "GSI1_PK", "range_key", "GSI1_SK",
                        "projection_type", "ALL"))));
        JsonNode resource = resources(synthesized, DynamodbTable.TF_RESOURCE_TYPE).get("table");
        assertThat(resource.path("local_secondary_index")).hasSize(AgcTable.LOCAL_INDEXES);
        assertThat(resource.path("attribute").findValuesAsText("name"))
                .containsExactly("PK", "SK", "GSI1_PK", "GSI1_SK", "LSI1_SK", "LSI2_SK", "LSI3_SK");
        assertThat(addresses(synthesized)).containsExactly("aws_dynamodb_table.table");
        assertThat(resolved(stack, table.tableName())).isEqualTo("${aws_dynamodb_table.table.name}");
    }
}
