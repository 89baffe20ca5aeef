package dev.agcinfra.app.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agcinfra.testing.FakeAgcInstallation;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deactivation destroys agc-core-&lt;region&gt;: it must never hold the results bucket, whatever the settings. */
class DeactivationSafetyTest {

    @Test
    void noCoreStackInAnyModeHoldsTheResultsBucketOrItsSettings(@TempDir Path dir) {
        // With an AGC installation, the core holds the objects it uploads (aws_s3_object), and never the bucket.
        Map<String, JsonNode> stacks = Synth.stacks(Synth.settings(FakeAgcInstallation.create(dir).home(),
                Synth.defaults("us-east-1"), OtherModesTest.publicSubnets("eu-west-1"),
                OtherModesTest.ownVpc("ap-southeast-1", OtherModesTest.SUBNETS)));
        stacks.entrySet().stream().filter(e -> e.getKey().startsWith("agc-core-")).forEach(e -> {
            assertThat(Tf.fields(e.getValue().path("resource")).keySet()).as(e.getKey())
                    .noneMatch(type -> type.startsWith("aws_s3_bucket"))
                    .allMatch(type -> !type.startsWith("aws_s3_") || type.equals("aws_s3_object"));
            assertThat(Tf.resources(e.getValue(), "aws_s3_object").keySet()).as(e.getKey())
                    .allMatch(name -> name.startsWith("artifacts_"));
        });
    }

    @Test
    void theNewBucketIsEncryptedTlsOnlyPrivateAndOwnerEnforced() {
        JsonNode data = Synth.stacks(Synth.settings(Synth.defaults("us-east-1"))).get("agc-data-us-east-1");
        JsonNode bucket = Tf.resources(data, "aws_s3_bucket").get("results_bucket");
        assertThat(bucket.path("bucket").asText()).isEqualTo("agc-123456789012-us-east-1");
        assertThat(bucket.path("force_destroy").asBoolean()).isFalse();

        JsonNode rule = Tf.resources(data, "aws_s3_bucket_server_side_encryption_configuration")
                .get("results_bucket_encryption").path("rule").get(0);
        assertThat(rule.path("apply_server_side_encryption_by_default").path("sse_algorithm").asText()).isEqualTo("aws:kms");
        assertThat(rule.path("apply_server_side_encryption_by_default").has("kms_master_key_id"))
                .as("no key id: the AWS-managed aws/s3 key").isFalse();
        assertThat(rule.path("bucket_key_enabled").asBoolean()).isTrue();

        JsonNode block = Tf.resources(data, "aws_s3_bucket_public_access_block").get("results_bucket_public_access_block");
        for (String flag : new String[] {"block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"}) {
            assertThat(block.path(flag).asBoolean()).as(flag).isTrue();
        }
        assertThat(Tf.resources(data, "aws_s3_bucket_ownership_controls").get("results_bucket_ownership_controls")
                .path("rule").path("object_ownership").asText()).isEqualTo("BucketOwnerEnforced");

        JsonNode policy = Synth.parse(Tf.resources(data, "aws_s3_bucket_policy").get("results_bucket_policy").path("policy").asText());
        JsonNode deny = policy.path("Statement").get(0);
        assertThat(deny.path("Effect").asText()).isEqualTo("Deny");
        assertThat(deny.path("Principal").asText()).isEqualTo("*");
        assertThat(deny.path("Action").asText()).isEqualTo("s3:*");
        assertThat(Tf.texts(deny.path("Resource"))).containsExactly(
                "${aws_s3_bucket.results_bucket.arn}", "${aws_s3_bucket.results_bucket.arn}/*");
        assertThat(deny.path("Condition").path("Bool").path("aws:SecureTransport").asText()).isEqualTo("false");
    }
}
