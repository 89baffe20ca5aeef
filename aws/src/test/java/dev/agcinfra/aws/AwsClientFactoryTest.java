package dev.agcinfra.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.MotoServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.sts.StsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

/** The one client factory of agc-infra and agc-audit: what every client gets, and the AWS CLI's region chain. */
class AwsClientFactoryTest {

    static final AwsRegionProvider NO_PROFILE_REGION = () -> {
        throw new IllegalStateException("no region in the profile");
    };

    static Optional<String> region(Map<String, String> env, AwsRegionProvider fallback) {
        try (AwsClientFactory factory = new AwsClientFactory(AwsSettings.defaults(), env, AwsTestClients.CREDENTIALS,
                fallback)) {
            return factory.defaultRegion();
        }
    }

    @Test
    @DisplayName("AWS_DEFAULT_REGION alone selects the region, as the AWS CLI does")
    void awsDefaultRegionAlone() {
        assertThat(region(Map.of("AWS_DEFAULT_REGION", "eu-west-1"), NO_PROFILE_REGION)).contains("eu-west-1");
    }

    @Test
    @DisplayName("AWS_REGION wins over AWS_DEFAULT_REGION, which wins over the profile's region")
    void regionPrecedence() {
        AwsRegionProvider profile = () -> Region.AP_SOUTH_1;

        assertThat(region(Map.of("AWS_REGION", "us-west-2", "AWS_DEFAULT_REGION", "eu-west-1"), profile))
                .contains("us-west-2");
        assertThat(region(Map.of("AWS_DEFAULT_REGION", "eu-west-1"), profile)).contains("eu-west-1");
        assertThat(region(Map.of(), profile)).contains("ap-south-1");
        assertThat(region(Map.of("AWS_REGION", " "), NO_PROFILE_REGION)).as("blank counts as unset").isEmpty();
    }

    @Test
    @DisplayName("injected credentials are the ones every client signs with: moto answers STS with them")
    void injectedCredentialsSignTheCalls() {
        AwsSettings settings = AwsSettings.defaults().withEndpoint(MotoServer.get().endpoint());
        try (AwsClientFactory factory = new AwsClientFactory(settings, Map.of(), AwsTestClients.CREDENTIALS);
             StsClient sts = factory.build(StsClient.builder(), "us-east-1")) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("123456789012");
            assertThat(factory.credentials()).isSameAs(AwsTestClients.CREDENTIALS);
        }
    }

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

    @Test
    @DisplayName("AWS_ENDPOINT_URL_<SERVICE> wins over AWS_ENDPOINT_URL, and --endpoint-url over both, as the SDK's names and order")
    void endpointsFromTheEnvironment() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1111",
                "AWS_ENDPOINT_URL_EC2", "http://127.0.0.1:2222");
        try (AwsClientFactory factory = new AwsClientFactory(AwsSettings.defaults(), env, AwsTestClients.CREDENTIALS, null);
             Ec2Client ec2 = factory.build(Ec2Client.builder(), "eu-west-1");
             StsClient sts = factory.build(StsClient.builder(), "eu-west-1");
             AwsClientFactory flagged = new AwsClientFactory(AwsSettings.defaults().withEndpoint(
                     URI.create("http://127.0.0.1:3333")), env, AwsTestClients.CREDENTIALS, null);
             Ec2Client overridden = flagged.build(Ec2Client.builder(), "eu-west-1")) {
            assertThat(ec2.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:2222"));
            assertThat(sts.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:1111"));
            assertThat(overridden.serviceClientConfiguration().endpointOverride())
                    .contains(URI.create("http://127.0.0.1:3333"));
        }
    }

    @Test
    @DisplayName("an endpoint variable that is not a URL is one line naming it")
    void badEndpointVariable() {
        try (AwsClientFactory factory = new AwsClientFactory(AwsSettings.defaults(),
                Map.of("AWS_ENDPOINT_URL_S3", "localhost:9000"), AwsTestClients.CREDENTIALS, null)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> factory.endpoint("S3"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("AWS_ENDPOINT_URL_S3=localhost:9000: not an endpoint URL (expected http(s)://host[:port]); "
                            + "write e.g. AWS_ENDPOINT_URL_S3=http://127.0.0.1:5000, or unset it to use AWS");
        }
    }
}
