package dev.agcinfra.app.lookup;

import dev.agcinfra.settings.AwsDefaults;
import dev.agcinfra.settings.SettingsException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Where agc-infra's AWS calls go and as whom: the AWS CLI's rules for credentials, the default region and endpoint
 * overrides, read from an injectable environment.
 *
 * <ul>
 *   <li>Credentials: the SDK's default chain (environment, profile, SSO, container, instance).</li>
 *   <li>Default region: {@code AWS_REGION}, then {@code AWS_DEFAULT_REGION} (as the AWS CLI), then the SDK's
 *       {@link DefaultAwsRegionProviderChain} (system property, profile, instance metadata).</li>
 *   <li>Endpoint: {@code AWS_ENDPOINT_URL_<SERVICE>} (e.g. {@code AWS_ENDPOINT_URL_EC2}), else
 *       {@value #ENDPOINT_ENV}, as the AWS CLI; this points agc-infra at a local emulator such as moto.</li>
 * </ul>
 */
public final class AwsEnvironment implements AwsDefaults {

    /** The endpoint override for every service, as the AWS CLI reads it. */
    public static final String ENDPOINT_ENV = "AWS_ENDPOINT_URL";

    private static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(15);

    private final Map<String, String> env;
    private final Supplier<AwsCredentialsProvider> credentials;
    private final Supplier<AwsRegionProvider> regionFallback;

    /**
     * An environment with explicit parts (for tests and embedding).
     *
     * @param env            environment variables: {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, {@code AWS_ENDPOINT_URL*}
     * @param credentials    the credentials of every call
     * @param regionFallback asked for the default region when neither {@code AWS_REGION} nor {@code AWS_DEFAULT_REGION} is set
     */
    public AwsEnvironment(Map<String, String> env, AwsCredentialsProvider credentials, AwsRegionProvider regionFallback) {
        this(env, constant(Objects.requireNonNull(credentials, "credentials")),
                constant(Objects.requireNonNull(regionFallback, "regionFallback")));
    }

    private AwsEnvironment(Map<String, String> env, Supplier<AwsCredentialsProvider> credentials,
                           Supplier<AwsRegionProvider> regionFallback) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.credentials = credentials;
        this.regionFallback = regionFallback;
    }

    /**
     * The process's environment, the SDK's default credential chain and its default region chain. The chains are
     * built on first use, so a synth whose settings need no AWS call never loads them.
     */
    public static AwsEnvironment fromSystem() {
        return new AwsEnvironment(System.getenv(), memoize(() -> DefaultCredentialsProvider.builder().build()),
                memoize(() -> DefaultAwsRegionProviderChain.builder().build()));
    }

    private static <T> Supplier<T> constant(T value) {
        return () -> value;
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
     * The endpoint override for one service, if any: {@code AWS_ENDPOINT_URL_<SERVICE>} else {@value #ENDPOINT_ENV}.
     *
     * @param service the service's environment-variable suffix, e.g. {@code EC2}, {@code STS}
     * @throws SettingsException when the variable is set but is not an http(s) URL
     */
    public Optional<URI> endpoint(String service) {
        String specific = ENDPOINT_ENV + "_" + service.toUpperCase(Locale.ROOT);
        for (String name : new String[] {specific, ENDPOINT_ENV}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(parseEndpoint(name, value.strip()));
            }
        }
        return Optional.empty();
    }

    /** The credentials of every call (the SDK's default chain unless injected). */
    public AwsCredentialsProvider credentials() {
        return credentials.get();
    }

    /** An EC2 client for {@code region}, with the endpoint override and these credentials. Close it after use. */
    public Ec2Client ec2(String region) {
        return client(Ec2Client.builder(), "EC2", region);
    }

    /** An STS client for {@code region}, with the endpoint override and these credentials. Close it after use. */
    public StsClient sts(String region) {
        return client(StsClient.builder(), "STS", region);
    }

    /** Applies region, credentials, timeouts and the endpoint override of {@code service} to any SDK builder. */
    public <B extends AwsClientBuilder<B, T>, T> T client(B builder, String service, String region) {
        builder.region(Region.of(region))
                .credentialsProvider(credentials.get())
                .overrideConfiguration(o -> o.apiCallTimeout(API_CALL_TIMEOUT).apiCallAttemptTimeout(ATTEMPT_TIMEOUT));
        endpoint(service).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Override
    public String defaultRegion() {
        for (String name : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        String why;
        try {
            Region region = regionFallback.get().getRegion();
            if (region != null) {
                return region.id();
            }
            why = "no region found";
        } catch (SdkException e) {
            why = brief(e);
        } catch (RuntimeException e) {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        }
        throw new SettingsException("regions: not in agc.yaml, and no default region is configured (" + why
                + "); set `regions:` in agc.yaml, or AWS_REGION (or a region in your AWS profile)");
    }

    @Override
    public String account(String region) {
        try (StsClient sts = sts(region)) {
            return sts.getCallerIdentity().account();
        } catch (SdkException e) {
            throw new SettingsException("account: not in agc.yaml, and STS GetCallerIdentity in " + region
                    + " failed (" + brief(e) + "); set `account:` in agc.yaml or configure AWS credentials");
        }
    }

    /** One short line from an SDK exception: the service's error code and message, or the client-side reason. */
    static String brief(SdkException e) {
        String message;
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            message = service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage();
        } else {
            message = e.getMessage();
            Throwable cause = e.getCause();
            if ((message == null || message.isBlank()) && cause != null) {
                message = cause.toString();
            }
        }
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String first = message.strip().lines().findFirst().orElse("");
        int chain = first.indexOf(" from any of the providers in the chain");
        if (chain > 0) {
            first = first.substring(0, chain) + " from the default chain"; // it then lists every provider it tried
        }
        int details = first.indexOf("(Service:");
        if (details > 0) {
            first = first.substring(0, details).strip();
        }
        return first.length() > 200 ? first.substring(0, 197) + "..." : first;
    }

    private static URI parseEndpoint(String name, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(value, "expected http(s)://host[:port]");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new SettingsException(name + "=" + value + ": not an endpoint URL (" + e.getReason()
                    + "); write e.g. " + name + "=http://127.0.0.1:5000, or unset it to use AWS");
        }
    }
}
