package dev.agcinfra.audit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

class AwsClientFactoryTest {

    @Test
    @DisplayName("an endpoint from --endpoint-url, AWS_ENDPOINT_URL or AWS_ENDPOINT_URL_S3 switches S3 to path-style")
    void endpointSources() {
        AwsSettings none = AwsSettings.defaults();

        assertThat(new AwsClientFactory(none, Map.of()).endpointConfigured()).isFalse();
        assertThat(new AwsClientFactory(none.withEndpoint(URI.create("http://127.0.0.1:1")), Map.of())
                .endpointConfigured()).isTrue();
        assertThat(new AwsClientFactory(none, Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1")).endpointConfigured())
                .isTrue();
        assertThat(new AwsClientFactory(none, Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:1")).endpointConfigured())
                .isTrue();
    }

    @Test
    @DisplayName("clients get the region, the endpoint, the timeouts and the retry strategy's attempts")
    void appliesSettings() {
        AwsSettings settings = AwsSettings.defaults().withEndpoint(URI.create("http://127.0.0.1:1"))
                .withTimeouts(Duration.ofSeconds(7), Duration.ofSeconds(3)).withRetries(2, Duration.ofMillis(10));
        try (AwsClientFactory factory = new AwsClientFactory(settings, Map.of());
             Ec2Client ec2 = factory.build(Ec2Client.builder(), "eu-west-1");
             S3Client s3 = factory.build(S3Client.builder(), "eu-west-1")) {

            var config = ec2.serviceClientConfiguration();
            assertThat(config.region().id()).isEqualTo("eu-west-1");
            assertThat(config.endpointOverride()).contains(URI.create("http://127.0.0.1:1"));
            assertThat(config.overrideConfiguration().apiCallTimeout()).contains(Duration.ofSeconds(7));
            assertThat(config.overrideConfiguration().apiCallAttemptTimeout()).contains(Duration.ofSeconds(3));
            assertThat(config.overrideConfiguration().retryStrategy().orElseThrow().maxAttempts()).isEqualTo(2);
            assertThat(s3.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:1"));
        }
    }
}
