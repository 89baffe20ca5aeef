package dev.agcinfra.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How agc-audit talks to AWS: profile, endpoint, timeouts and retries. One instance per run, shared by every client.
 *
 * @param profile         the named profile ({@code --profile}); {@code null} lets the SDK's chain decide
 *                        ({@code AWS_PROFILE}, then {@code default})
 * @param endpoint        an endpoint for every service ({@code --endpoint-url}); {@code null} lets the SDK decide
 *                        ({@code AWS_ENDPOINT_URL}, the profile's {@code endpoint_url}, then AWS)
 * @param callTimeout     the limit for one API call, all retries included
 * @param attemptTimeout  the limit for one HTTP attempt
 * @param connectTimeout  the limit for opening a connection
 * @param maxAttempts     attempts per call, the first included (the SDK's standard strategy, with backoff)
 * @param backoffBase     the base delay of the exponential backoff with jitter between attempts
 * @param maxConnections  HTTP connections shared by all clients
 */
public record AwsSettings(
        String profile,
        URI endpoint,
        Duration callTimeout,
        Duration attemptTimeout,
        Duration connectTimeout,
        int maxAttempts,
        Duration backoffBase,
        int maxConnections) {

    /** One call, all retries included, may take this long. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    /** One HTTP attempt may take this long. */
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(20);
    /** Opening a connection may take this long. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The SDK's standard mode makes 3 attempts; a scan of many regions meets throttling more often, so 5. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    /** The standard mode's base delay. */
    public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofMillis(100);
    /** Enough for the default parallelism with a few calls in flight each. */
    public static final int DEFAULT_MAX_CONNECTIONS = 64;
    /** The longest pause between two attempts. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

    public AwsSettings {
        Objects.requireNonNull(callTimeout, "callTimeout must be non-null");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout must be non-null");
        Objects.requireNonNull(connectTimeout, "connectTimeout must be non-null");
        Objects.requireNonNull(backoffBase, "backoffBase must be non-null");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
    }

    /**
     * An endpoint as a person gave it ({@code --endpoint-url}, {@code AWS_ENDPOINT_URL}), checked: an http(s) URL with
     * a host.
     *
     * @param name  where it came from, named in the message: a flag or a variable
     * @throws IllegalArgumentException with one line naming {@code name}, the value and the fix
     */
    public static URI endpoint(String name, String value) {
        boolean flag = name.startsWith("--");
        String given = name + (flag ? " " : "=");
        try {
            URI uri = new URI(value.strip());
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException(given + value + ": not an endpoint URL (expected http(s)://host[:port]); "
                + "write e.g. " + given + "http://127.0.0.1:5000, or " + (flag ? "leave it out" : "unset it")
                + " to use AWS");
    }

    /** The defaults: the SDK's chain for profile and endpoint, the timeouts and retries above. */
    public static AwsSettings defaults() {
        return new AwsSettings(null, null, DEFAULT_CALL_TIMEOUT, DEFAULT_ATTEMPT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF_BASE, DEFAULT_MAX_CONNECTIONS);
    }

    public AwsSettings withProfile(String newProfile) {
        return new AwsSettings(newProfile, endpoint, callTimeout, attemptTimeout, connectTimeout, maxAttempts,
                backoffBase, maxConnections);
    }

    public AwsSettings withEndpoint(URI newEndpoint) {
        return new AwsSettings(profile, newEndpoint, callTimeout, attemptTimeout, connectTimeout, maxAttempts,
                backoffBase, maxConnections);
    }

    public AwsSettings withTimeouts(Duration newCallTimeout, Duration newAttemptTimeout) {
        return new AwsSettings(profile, endpoint, newCallTimeout, newAttemptTimeout, connectTimeout, maxAttempts,
                backoffBase, maxConnections);
    }

    public AwsSettings withRetries(int newMaxAttempts, Duration newBackoffBase) {
        return new AwsSettings(profile, endpoint, callTimeout, attemptTimeout, connectTimeout, newMaxAttempts,
                newBackoffBase, maxConnections);
    }

    public AwsSettings withMaxConnections(int newMaxConnections) {
        return new AwsSettings(profile, endpoint, callTimeout, attemptTimeout, connectTimeout, maxAttempts,
                backoffBase, newMaxConnections);
    }
}
