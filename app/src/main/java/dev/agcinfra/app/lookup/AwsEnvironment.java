package dev.agcinfra.app.lookup;

import dev.agcinfra.settings.AwsDefaults;
import dev.agcinfra.settings.SettingsException;
import dev.agcinfra.aws.AwsClientFactory;
import dev.agcinfra.aws.AwsErrors;
import dev.agcinfra.aws.AwsSettings;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Where agc-infra's AWS calls go and as whom, read from an injectable environment. Clients come from the one
 * {@link AwsClientFactory} (credentials, the AWS CLI's region chain, timeouts, retries, one HTTP client), built on
 * first use so that a synth whose settings need no AWS call never starts it.
 *
 * <ul>
 *   <li>Credentials: the SDK's default chain (environment, profile, SSO, container, instance), or those injected.</li>
 *   <li>Default region: {@code AWS_REGION}, then {@code AWS_DEFAULT_REGION}, then the profile's, as the AWS CLI.</li>
 *   <li>Endpoint: {@code --endpoint-url} for every client when given; else the SDK's own chain
 *       ({@code AWS_ENDPOINT_URL_<SERVICE>}, {@code AWS_ENDPOINT_URL}, the profile's {@code endpoint_url}).
 *       {@link #endpoint(String)} says which endpoint a service uses, for what agc-infra must tell Terraform and for
 *       its decisions (path-style S3, a TLS-only policy only over TLS).</li>
 * </ul>
 */
public final class AwsEnvironment implements AwsDefaults, AutoCloseable {

    /** The endpoint override for every service, as the AWS CLI reads it. */
    public static final String ENDPOINT_ENV = "AWS_ENDPOINT_URL";

    private final Supplier<AwsClientFactory> factory;

    /**
     * An environment with explicit parts (for tests and embedding).
     *
     * @param env              environment variables: {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, {@code AWS_ENDPOINT_URL*}
     * @param endpointOverride {@code --endpoint-url}: every client's endpoint, when given
     * @param credentials      the credentials of every call
     * @param regionFallback   asked for the default region when neither {@code AWS_REGION} nor {@code AWS_DEFAULT_REGION} is set
     */
    public AwsEnvironment(Map<String, String> env, Optional<URI> endpointOverride, AwsCredentialsProvider credentials,
            AwsRegionProvider regionFallback) {
        this(env, endpointOverride, null, Objects.requireNonNull(credentials, "credentials"),
                Objects.requireNonNull(regionFallback, "regionFallback"));
    }

    /**
     * @param profile        {@code --profile}, or {@code null}
     * @param credentials    {@code null}: the SDK's default chain (with the profile)
     * @param regionFallback {@code null}: the profile's region, then the instance's
     */
    public AwsEnvironment(Map<String, String> env, Optional<URI> endpointOverride, String profile,
            AwsCredentialsProvider credentials, AwsRegionProvider regionFallback) {
        Map<String, String> variables = Map.copyOf(Objects.requireNonNull(env, "env"));
        AwsSettings settings = AwsSettings.defaults().withProfile(profile).withEndpoint(endpointOverride.orElse(null));
        this.factory = memoize(() -> new AwsClientFactory(settings, variables, credentials, regionFallback));
    }

    /**
     * The process's environment, the SDK's default credential chain and the AWS CLI's region chain, built on first
     * use.
     */
    public static AwsEnvironment fromSystem() {
        return new AwsEnvironment(System.getenv(), Optional.empty(), null, null, null);
    }

    private static <T> Supplier<T> memoize(Supplier<T> factory) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = factory.get();
                }
                return value;
            }
        };
    }

    /**
     * The endpoint a service's calls go to, if not AWS: {@code --endpoint-url}, else {@code AWS_ENDPOINT_URL_<SERVICE>},
     * else {@value #ENDPOINT_ENV} ({@link AwsClientFactory#endpoint(String)}, which the clients use too).
     *
     * @param service the service's environment-variable suffix, e.g. {@code EC2}, {@code S3}
     * @throws SettingsException when the variable is set but is not an http(s) URL
     */
    public Optional<URI> endpoint(String service) {
        return checked(() -> factory.get().endpoint(service));
    }

    /** The credentials of every call. */
    public AwsCredentialsProvider credentials() {
        return factory.get().credentials();
    }

    /** The one client factory (for code that runs the audit's jobs with these credentials). */
    public AwsClientFactory clients() {
        return factory.get();
    }

    /** An EC2 client for {@code region}. Close it after use. */
    public Ec2Client ec2(String region) {
        return client(Ec2Client.builder(), region);
    }

    /** An STS client for {@code region}. Close it after use. */
    public StsClient sts(String region) {
        return client(StsClient.builder(), region);
    }

    /**
     * Any client for {@code region}, built by the factory. Close it after use.
     *
     * @throws SettingsException when an {@code AWS_ENDPOINT_URL*} variable is not an http(s) URL
     */
    public <B extends AwsClientBuilder<B, T>, T> T client(B builder, String region) {
        return checked(() -> factory.get().build(builder, region));
    }

    /** A bad endpoint variable as one of agc-infra's problem lines. */
    private static <T> T checked(Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
    }

    @Override
    public void close() {
        factory.get().close();
    }

    @Override
    public String defaultRegion() {
        return factory.get().defaultRegion().orElseThrow(() -> new SettingsException("regions: not in agc.yaml, and "
                + "no default region is configured; set `regions:` in agc.yaml, or AWS_REGION (or AWS_DEFAULT_REGION, "
                + "or a region in your AWS profile)"));
    }

    @Override
    public String account(String region) {
        try (StsClient sts = sts(region)) {
            return sts.getCallerIdentity().account();
        } catch (SdkException e) {
            throw new SettingsException("account: not in agc.yaml, and STS GetCallerIdentity in " + region
                    + " failed (" + AwsErrors.brief(e) + "); set `account:` in agc.yaml or configure AWS credentials");
        }
    }

    /**
     * {@code value} as an endpoint, or one line naming {@code name} (a variable, or {@code --endpoint-url}) and the fix.
     *
     * @throws SettingsException when it is not an http(s) URL
     */
    public static URI parseEndpoint(String name, String value) {
        try {
            return AwsSettings.endpoint(name, value);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
    }
}
