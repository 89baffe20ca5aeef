package dev.agcinfra.app.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.MotoServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Tag;

/** The region's state bucket against moto: created with the right settings, idempotent, never weakened. */
class StateBucketTest {

    private static final String BUCKET = "agc-tfstate-123456789012-eu-west-1";

    S3Client s3;

    @BeforeEach
    void start() {
        MotoServer.get().reset();
        s3 = AwsTestClients.build(S3Client.builder(), MotoServer.get().endpoint(), "eu-west-1");
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    @Test
    void aMissingStateBucketIsCreatedVersionedEncryptedPrivateTlsOnlyAndTagged() throws IOException {
        // When
        List<String> changes = new StateBucket(s3, "eu-west-1", true).ensure(BUCKET);

        // Then
        assertThat(changes).first().asString().startsWith("created state bucket " + BUCKET);
        assertThat(s3.getBucketLocation(r -> r.bucket(BUCKET)).locationConstraintAsString()).isEqualTo("eu-west-1");
        assertThat(s3.getBucketVersioning(r -> r.bucket(BUCKET)).status()).isEqualTo(BucketVersioningStatus.ENABLED);
        assertThat(s3.getBucketEncryption(r -> r.bucket(BUCKET)).serverSideEncryptionConfiguration().rules().get(0)
                .applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);
        PublicAccessBlockConfiguration block = s3.getPublicAccessBlock(r -> r.bucket(BUCKET)).publicAccessBlockConfiguration();
        assertThat(List.of(block.blockPublicAcls(), block.ignorePublicAcls(), block.blockPublicPolicy(),
                block.restrictPublicBuckets())).containsOnly(true);
        JsonNode statement = new ObjectMapper().readTree(s3.getBucketPolicy(r -> r.bucket(BUCKET)).policy())
                .path("Statement").get(0);
        assertThat(statement.path("Sid").asText()).isEqualTo(StateBucket.TLS_ONLY_SID);
        assertThat(statement.path("Effect").asText()).isEqualTo("Deny");
        assertThat(statement.path("Condition").path("Bool").path("aws:SecureTransport").asText()).isEqualTo("false");
        assertThat(tags()).containsEntry("application-name", "agc");
    }

    @Test
    void aSecondRunChangesNothing() {
        // Given
        new StateBucket(s3, "eu-west-1", true).ensure(BUCKET);
        String policy = s3.getBucketPolicy(r -> r.bucket(BUCKET)).policy();

        // When
        List<String> changes = new StateBucket(s3, "eu-west-1", true).ensure(BUCKET);

        // Then
        assertThat(changes).isEmpty();
        assertThat(s3.getBucketPolicy(r -> r.bucket(BUCKET)).policy()).isEqualTo(policy);
    }

    @Test
    void anExistingBucketIsCompletedWithoutLosingItsOwnPolicyEncryptionOrTagsAndIsNotTaggedAgc() throws IOException {
        // Given a bucket with KMS encryption, its own policy statement and a tag, but no versioning or access block
        s3.createBucket(r -> r.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        s3.putBucketEncryption(r -> r.bucket(BUCKET).serverSideEncryptionConfiguration(c -> c.rules(rule -> rule
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)))));
        s3.putBucketPolicy(r -> r.bucket(BUCKET).policy("""
                {"Version":"2012-10-17","Statement":[{"Sid":"TeamRead","Effect":"Allow",
                "Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"s3:GetObject",
                "Resource":"arn:aws:s3:::%s/*"}]}""".formatted(BUCKET)));
        s3.putBucketTagging(r -> r.bucket(BUCKET).tagging(t -> t.tagSet(Tag.builder().key("team").value("genomics").build())));

        // When
        List<String> changes = new StateBucket(s3, "eu-west-1", true).ensure(BUCKET);

        // Then what was missing is added, and nothing that was there is removed
        assertThat(changes).containsExactly("turned on versioning", "blocked all public access",
                "added a TLS-only statement to the bucket policy");
        assertThat(s3.getBucketEncryption(r -> r.bucket(BUCKET)).serverSideEncryptionConfiguration().rules().get(0)
                .applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AWS_KMS);
        JsonNode statements = new ObjectMapper().readTree(s3.getBucketPolicy(r -> r.bucket(BUCKET)).policy()).path("Statement");
        assertThat(statements).extracting(s -> s.path("Sid").asText()).containsExactly("TeamRead", StateBucket.TLS_ONLY_SID);
        assertThat(tags()).as("not created by agc-infra: stays the user's, never claimed for agc-audit cleanup")
                .containsExactly(Map.entry("team", "genomics"));
    }

    @Test
    void throughAnEndpointWithoutTlsNoTlsOnlyPolicyIsAdded() {
        // When
        List<String> changes = new StateBucket(s3, "eu-west-1", false).ensure(BUCKET);

        // Then the bucket is otherwise complete, and has no policy that would lock this endpoint out
        assertThat(changes).containsExactly("created state bucket " + BUCKET + " in eu-west-1", "turned on versioning",
                "turned on default encryption (SSE-S3)", "blocked all public access", "tagged application-name=agc");
        assertThat(catchThrowableOfType(S3Exception.class, () -> s3.getBucketPolicy(r -> r.bucket(BUCKET))))
                .as("S3 answers that the bucket has no policy at all")
                .satisfies(e -> assertThat(e.statusCode()).isEqualTo(404))
                .satisfies(e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy"));
    }

    private Map<String, String> tags() {
        return s3.getBucketTagging(r -> r.bucket(BUCKET)).tagSet().stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }
}
