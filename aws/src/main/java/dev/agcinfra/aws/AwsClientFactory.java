package dev.agcinfra.aws;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.InstanceProfileRegionProvider;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Builds every AWS client agc-infra and agc-audit use, the same way: credentials, region, endpoint, timeouts,
 * retries, one HTTP connection pool. The only class in main code that configures and builds SDK clients.
 *
 * <ul>
 *   <li>Credentials: the ones given, else the SDK's default chain, with {@code --profile} when given; a client of
 *       another account gets that account's provider ({@link #build(AwsClientBuilder, String, AwsCredentialsProvider)}),
 *       typically a role assumed with the factory's own credentials ({@link #assumeRole}), over the same connection
 *       pool, timeouts and retries.</li>
 *   <li>Default region ({@link #defaultRegion()}), as the AWS CLI resolves it: {@code AWS_REGION}, then
 *       {@code AWS_DEFAULT_REGION}, then the profile's {@code region}, then the instance's (IMDS).</li>
 *   <li>Endpoint ({@link #endpoint(String)}): {@code --endpoint-url} for every service when given; else
 *       {@code AWS_ENDPOINT_URL_<SERVICE>}, then {@code AWS_ENDPOINT_URL}, read from the factory's (injectable)
 *       environment with the SDK's precedence and names, so that tests and agc-infra's Terraform runs see the same
 *       endpoint as the clients; else the SDK's own chain (the profile's {@code endpoint_url}). S3 uses path-style
 *       addressing whenever an endpoint is set (local emulators cannot serve virtual-host buckets).</li>
 *   <li>Retries: the SDK's standard strategy with {@link AwsSettings#maxAttempts()} attempts and exponential backoff
 *       with jitter (throttling backs off five times longer).</li>
 * </ul>
 * {@link #close()} releases the connection pool, the STS clients of assumed roles, and the credentials when they are
 * the factory's own.
 */
public final class AwsClientFactory implements AutoCloseable {

    private final AwsSettings settings;
    private final Map<String, String> environment;
    private final AwsCredentialsProvider credentials;
    private final boolean ownsCredentials;
    private final AwsRegionProvider regionFallback;
    private final SdkHttpClient httpClient;
    private final RetryStrategy retryStrategy;
    /** One STS client per region for the roles this factory assumes, shared by all of them; closed with it. */
    private final Map<String, StsClient> roleSts = new HashMap<>();

    /** A factory reading the process environment and the SDK's default chains. */
    public AwsClientFactory(AwsSettings settings) {
        this(settings, System.getenv());
    }

    /** A factory reading the given environment instead of the process's (for tests). */
    public AwsClientFactory(AwsSettings settings, Map<String, String> environment) {
        this(settings, environment, null, null);
    }

    /**
     * A factory whose clients use {@code credentials}, which stay the caller's (not closed with the factory): for
     * code that already has them, such as {@code agc-infra account deactivate} reporting what it kept.
     */
    public AwsClientFactory(AwsSettings settings, Map<String, String> environment, AwsCredentialsProvider credentials) {
        this(settings, environment, Objects.requireNonNull(credentials, "credentials must be non-null"), null);
    }

    /**
     * Everything injectable.
     *
     * @param environment    the variables read: {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, {@code AWS_PROFILE},
     *                       {@code AWS_ENDPOINT_URL*}
     * @param credentials    the credentials of every call; {@code null}: the SDK's default chain (with the profile)
     * @param regionFallback asked for the default region when neither variable is set; {@code null}: the profile's
     *                       {@code region}, then the instance's
     */
    public AwsClientFactory(AwsSettings settings, Map<String, String> environment, AwsCredentialsProvider credentials,
            AwsRegionProvider regionFallback) {
        this.settings = Objects.requireNonNull(settings, "settings must be non-null");
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment must be non-null"));
        this.ownsCredentials = credentials == null;
        this.credentials = credentials != null ? credentials : defaultChain(settings);
        this.regionFallback = regionFallback != null ? regionFallback : new AwsRegionProviderChain(
                new AwsProfileRegionProvider(null, profileName()), new InstanceProfileRegionProvider());
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

    /**
     * The suffix of {@code AWS_ENDPOINT_URL_<SERVICE>} of each client agc-infra and agc-audit build, by builder
     * interface: the SDK's service id in upper snake case ({@code CloudWatch Logs} is {@code CLOUDWATCH_LOGS}). A
     * builder not listed gets {@code AWS_ENDPOINT_URL} only. agc-audit's {@code EndpointNamesTest} (whose classpath
     * has every service's SDK) holds each entry to the variable the SDK's own builder reads.
     */
    static final Map<String, String> ENDPOINT_SUFFIXES = Map.ofEntries(
            Map.entry("Ec2ClientBuilder", "EC2"),
            Map.entry("S3ClientBuilder", "S3"),
            Map.entry("StsClientBuilder", "STS"),
            Map.entry("SsmClientBuilder", "SSM"),
            Map.entry("CloudFormationClientBuilder", "CLOUDFORMATION"),
            Map.entry("ResourceGroupsTaggingApiClientBuilder", "RESOURCE_GROUPS_TAGGING_API"),
            Map.entry("CloudWatchLogsClientBuilder", "CLOUDWATCH_LOGS"),
            Map.entry("CloudWatchClientBuilder", "CLOUDWATCH"),
            Map.entry("CostExplorerClientBuilder", "COST_EXPLORER"),
            Map.entry("PricingClientBuilder", "PRICING"),
            Map.entry("IamClientBuilder", "IAM"),
            Map.entry("DynamoDbClientBuilder", "DYNAMODB"),
            Map.entry("OrganizationsClientBuilder", "ORGANIZATIONS"));

    /** Every builder interface with its {@code AWS_ENDPOINT_URL_<SERVICE>} suffix (unmodifiable). */
    public static Map<String, String> endpointSuffixes() {
        return ENDPOINT_SUFFIXES;
    }

    /** The {@code AWS_ENDPOINT_URL_<SERVICE>} suffix of a builder, or {@code null} when it is not in the table. */
    public static String endpointSuffix(Object builder) {
        for (Class<?> type = builder.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> api : type.getInterfaces()) {
                String suffix = ENDPOINT_SUFFIXES.get(api.getSimpleName());
                if (suffix != null) {
                    return suffix;
                }
            }
        }
        return null;
    }

    /**
     * The endpoint a service's calls go to, when not AWS's: {@code --endpoint-url}, else
     * {@code AWS_ENDPOINT_URL_<service>}, else {@code AWS_ENDPOINT_URL}. Empty leaves it to the SDK (the profile's
     * {@code endpoint_url}, else AWS).
     *
     * @param service the variable's suffix, e.g. {@code S3}, {@code EC2}; {@code null} for the general one only
     * @throws IllegalArgumentException when a variable is set but is not an http(s) URL (one line naming it)
     */
    public Optional<URI> endpoint(String service) {
        if (settings.endpoint() != null) {
            return Optional.of(settings.endpoint());
        }
        String general = "AWS_ENDPOINT_URL";
        for (String name : service == null ? new String[] {general} : new String[] {general + "_" + service, general}) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(AwsSettings.endpoint(name, value));
            }
        }
        return Optional.empty();
    }

    /** The settings every client is built with. */
    public AwsSettings settings() {
        return settings;
    }

    /** The credentials every client uses. */
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    /**
     * The region the AWS CLI would use: {@code AWS_REGION}, then {@code AWS_DEFAULT_REGION}, then the profile's
     * {@code region} ({@code --profile}, else {@code AWS_PROFILE}, else {@code default}), then the instance's.
     * Empty when none of them gives one.
     */
    public Optional<String> defaultRegion() {
        for (String name : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        try {
            Region region = regionFallback.getRegion();
            return Optional.ofNullable(region).map(Region::id);
        } catch (SdkClientException | IllegalStateException none) {
            return Optional.empty();
        }
    }

    /**
     * Applies region, credentials, endpoint, timeouts and retries to a builder and builds the client.
     *
     * @param builder e.g. {@code Ec2Client.builder()}
     * @param region  e.g. {@code us-east-1}
     */
    public <B extends AwsClientBuilder<B, T>, T> T build(B builder, String region) {
        return build(builder, region, credentials);
    }

    /**
     * The same as {@link #build(AwsClientBuilder, String)}, signed with other credentials: a client of another
     * account, sharing this factory's connection pool, endpoint, timeouts and retries.
     *
     * @param credentials e.g. an {@link AssumedRole} of {@link #assumeRole}
     */
    public <B extends AwsClientBuilder<B, T>, T> T build(B builder, String region, AwsCredentialsProvider credentials) {
        Objects.requireNonNull(credentials, "credentials must be non-null");
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
        endpoint(endpointSuffix(builder)).ifPresent(builder::endpointOverride);
        if (builder instanceof S3ClientBuilder s3) {
            s3.forcePathStyle(localEndpoint);
            s3.crossRegionAccessEnabled(!localEndpoint);
        }
        return builder.build();
    }

    /**
     * A role in another account, assumed with this factory's credentials through STS in {@code stsRegion} on first
     * use, for {@link AssumedRole#DURATION}, and assumed again before the session expires (the SDK's
     * {@link StsAssumeRoleCredentialsProvider}: a run may outlast one session). Nothing is called here: a role that
     * cannot be assumed fails its first {@link AwsCredentialsProvider#resolveCredentials()}. Close it when done.
     *
     * @param roleArn     e.g. {@code arn:aws:iam::111111111111:role/OrganizationAccountAccessRole}
     * @param externalId  the external id the role's trust policy asks for, or {@code null}
     * @param sessionName the session's name, seen in the account's CloudTrail, e.g. {@code agc-audit}
     * @param stsRegion   where STS is called, e.g. {@code us-east-1}
     */
    public AssumedRole assumeRole(String roleArn, String externalId, String sessionName, String stsRegion) {
        Objects.requireNonNull(roleArn, "roleArn must be non-null");
        StsClient sts;
        synchronized (roleSts) {
            sts = roleSts.computeIfAbsent(stsRegion, region -> build(StsClient.builder(), region));
        }
        return new AssumedRole(roleArn, StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(r -> r.roleArn(roleArn).roleSessionName(sessionName).externalId(externalId)
                        .durationSeconds((int) AssumedRole.DURATION.toSeconds()))
                .build());
    }

    /**
     * Whether a non-AWS endpoint is in use for S3: {@code --endpoint-url}, {@code AWS_ENDPOINT_URL(_S3)}, or the
     * profile's {@code endpoint_url} (the places the SDK reads it from, as the AWS CLI does).
     */
    public boolean endpointConfigured() {
        if (endpoint("S3").isPresent()) {
            return true;
        }
        try {
            return ProfileFile.defaultProfileFile().profile(profileName())
                    .flatMap(p -> p.property("endpoint_url"))
                    .isPresent();
        } catch (RuntimeException unreadableConfig) {
            return false;
        }
    }

    private String profileName() {
        return settings.profile() != null ? settings.profile() : environment.getOrDefault("AWS_PROFILE", "default");
    }

    @Override
    public void close() {
        synchronized (roleSts) {
            roleSts.values().forEach(StsClient::close);
            roleSts.clear();
        }
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
