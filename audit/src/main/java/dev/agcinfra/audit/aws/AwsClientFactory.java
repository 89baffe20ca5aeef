package dev.agcinfra.audit.aws;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds every AWS client agc-audit uses, the same way: region, profile, endpoint, timeouts, retries.
 *
 * <p>Without {@code --profile} and {@code --endpoint-url} nothing is forced: the SDK's default chains read
 * {@code AWS_PROFILE}, {@code AWS_ENDPOINT_URL} (and {@code AWS_ENDPOINT_URL_<SERVICE>}), the config and credentials
 * files (including a profile's {@code endpoint_url}), as the AWS CLI does. S3 uses path-style addressing whenever
 * an endpoint is configured, since local emulators cannot serve virtual-host buckets. One credentials provider and one HTTP connection pool are shared
 * by all clients; {@link #close()} releases them.
 */
public final class AwsClientFactory implements AutoCloseable {

    private final AwsSettings settings;
    private final Map<String, String> environment;
    private final AwsCredentialsProvider credentials;
    private final boolean ownsCredentials;
    private final SdkHttpClient httpClient;
    private final RetryStrategy retryStrategy;

    /** A factory reading the process environment (for {@code AWS_ENDPOINT_URL}). */
    public AwsClientFactory(AwsSettings settings) {
        this(settings, System.getenv());
    }

    /** A factory reading the given environment instead of the process's (for tests). */
    public AwsClientFactory(AwsSettings settings, Map<String, String> environment) {
        this(settings, environment, defaultChain(settings), true);
    }

    /**
     * A factory whose clients use {@code credentials}, which stay the caller's (not closed with the factory): for
     * code that already has them, such as {@code agc-infra account deactivate} reporting what it kept.
     */
    public AwsClientFactory(AwsSettings settings, Map<String, String> environment, AwsCredentialsProvider credentials) {
        this(settings, environment, credentials, false);
    }

    private AwsClientFactory(AwsSettings settings, Map<String, String> environment,
            AwsCredentialsProvider credentials, boolean ownsCredentials) {
        this.settings = settings;
        this.environment = environment;
        this.credentials = credentials;
        this.ownsCredentials = ownsCredentials;
        this.httpClient = ApacheHttpClient.builder()
                .maxConnections(settings.maxConnections())
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.attemptTimeout())
                .build();
        this.retryStrategy = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(settings.maxAttempts())
                .backoffStrategy(BackoffStrategy.exponentialDelay(settings.backoffBase(), AwsSettings.MAX_BACKOFF))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(
                        settings.backoffBase().multipliedBy(5), AwsSettings.MAX_BACKOFF))
                .build();
    }

    private static AwsCredentialsProvider defaultChain(AwsSettings settings) {
        DefaultCredentialsProvider.Builder chain = DefaultCredentialsProvider.builder();
        if (settings.profile() != null) {
            chain.profileName(settings.profile());
        }
        return chain.build();
    }

    /** The settings every client is built with. */
    public AwsSettings settings() {
        return settings;
    }

    /** The credentials every client uses (the SDK's default chain, with {@code --profile} when given). */
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    /**
     * Applies region, credentials, endpoint, timeouts and retries to a builder and builds the client.
     *
     * @param builder e.g. {@code Ec2Client.builder()}
     * @param region  e.g. {@code us-east-1}
     */
    public <B extends AwsClientBuilder<B, T>, T> T build(B builder, String region) {
        boolean localEndpoint = builder instanceof S3ClientBuilder && endpointConfigured();
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .apiCallTimeout(settings.callTimeout())
                .apiCallAttemptTimeout(settings.attemptTimeout())
                .retryStrategy(retryStrategy);
        if (settings.profile() != null) {
            override.defaultProfileName(settings.profile());
        }
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                .overrideConfiguration(override.build());
        if (builder instanceof AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClient(httpClient);
        }
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        if (builder instanceof S3ClientBuilder s3) {
            s3.forcePathStyle(localEndpoint);
            s3.crossRegionAccessEnabled(!localEndpoint);
        }
        return builder.build();
    }

    /**
     * Whether a non-AWS endpoint is in use for S3: {@code --endpoint-url}, {@code AWS_ENDPOINT_URL(_S3)}, or the
     * profile's {@code endpoint_url} (the places the SDK reads it from, as the AWS CLI does).
     */
    public boolean endpointConfigured() {
        if (settings.endpoint() != null || !environment.getOrDefault("AWS_ENDPOINT_URL", "").isBlank()
                || !environment.getOrDefault("AWS_ENDPOINT_URL_S3", "").isBlank()) {
            return true;
        }
        String profile = settings.profile() != null ? settings.profile()
                : environment.getOrDefault("AWS_PROFILE", "default");
        try {
            return ProfileFile.defaultProfileFile().profile(profile)
                    .flatMap(p -> p.property("endpoint_url"))
                    .isPresent();
        } catch (RuntimeException unreadableConfig) {
            return false;
        }
    }

    @Override
    public void close() {
        httpClient.close();
        if (ownsCredentials && credentials instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // nothing to do: the process is ending
            }
        }
    }
}
