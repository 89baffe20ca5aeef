package dev.agcinfra.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.MotoServer;
import dev.agcinfra.testing.TerraformStateFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Which buckets agc-infra's Terraform states manage, read from a state bucket on moto. */
class TerraformStatesTest {

    private static final String STATE_BUCKET = "agc-tfstate-123456789012-us-east-1";

    S3Client s3;

    @BeforeEach
    void start() {
        MotoServer.get().reset();
        s3 = AwsTestClients.build(S3Client.builder(), MotoServer.get().endpoint(), "us-east-1");
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    private void state(String stack, String mode, String bucket) {
        TerraformStateFile state = mode.equals("managed")
                ? new TerraformStateFile().managed("aws_s3_bucket", "results_bucket", bucket)
                : new TerraformStateFile().data("aws_s3_bucket", "results_bucket", bucket);
        s3.putObject(p -> p.bucket(STATE_BUCKET).key("agc/" + stack + ".tfstate"), RequestBody.fromString(state.json()));
    }

    @Test
    void aBucketCreatedByAgcDataIsManagedAndOnlyThatOne() {
        s3.createBucket(b -> b.bucket(STATE_BUCKET));
        state("agc-data-us-east-1", "managed", "agc-123456789012-us-east-1");

        TerraformStates states = new TerraformStates(s3, "us-east-1", STATE_BUCKET);

        assertThat(states.managesBucket("agc-123456789012-us-east-1")).isTrue();
        assertThat(states.managesBucket("my-results")).isFalse();
    }

    @Test
    void aBucketOnlyReadByADataSourceIsNotManaged() {
        s3.createBucket(b -> b.bucket(STATE_BUCKET));
        state("agc-core-us-east-1", "data", "agc-123456789012-us-east-1");

        assertThat(new TerraformStates(s3, "us-east-1", STATE_BUCKET).managesBucket("agc-123456789012-us-east-1")).isFalse();
    }

    @Test
    void aBucketAnEarlierVersionCreatedIsStillAgcInfras() {
        s3.createBucket(b -> b.bucket(STATE_BUCKET));
        s3.putBucketVersioning(b -> b.bucket(STATE_BUCKET).versioningConfiguration(v -> v.status("Enabled")));
        state("agc-data-us-east-1", "managed", "agc-123456789012-us-east-1");
        s3.putObject(p -> p.bucket(STATE_BUCKET).key("agc/agc-data-us-east-1.tfstate"),
                RequestBody.fromString(new TerraformStateFile().json()));

        assertThat(new TerraformStates(s3, "us-east-1", STATE_BUCKET).managesBucket("agc-123456789012-us-east-1"))
                .isTrue();
    }

    @Test
    void withoutAStateBucketNothingIsManaged() {
        assertThat(new TerraformStates(s3, "us-east-1", STATE_BUCKET).managesBucket("agc-123456789012-us-east-1")).isFalse();
    }
}
