package dev.agcinfra.audit.cli;

import dev.agcinfra.cli.DurationConverter;
import dev.agcinfra.aws.AwsSettings;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * How to reach AWS: {@code --profile}, {@code --endpoint-url}, and hidden tuning options for timeouts and retries
 * (tests shorten them; operators rarely need them).
 */
public final class AwsOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Named profile from the AWS config files (default: AWS_PROFILE, then 'default').")
    String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send every AWS call to this endpoint, e.g. a local emulator "
                    + "(default: AWS_ENDPOINT_URL, then AWS). S3 then uses path-style addressing.")
    String endpointUrl;

    @Option(names = "--call-timeout", hidden = true, paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Limit for one AWS call, retries included (default: 60s).")
    Duration callTimeout = AwsSettings.DEFAULT_CALL_TIMEOUT;

    @Option(names = "--attempt-timeout", hidden = true, paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Limit for one HTTP attempt (default: 20s).")
    Duration attemptTimeout = AwsSettings.DEFAULT_ATTEMPT_TIMEOUT;

    @Option(names = "--max-attempts", hidden = true, paramLabel = "N",
            description = "Attempts per AWS call, the first included (default: 5).")
    int maxAttempts = AwsSettings.DEFAULT_MAX_ATTEMPTS;

    @Option(names = "--retry-base-delay", hidden = true, paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Base delay of the exponential backoff between attempts (default: 100ms).")
    Duration retryBaseDelay = AwsSettings.DEFAULT_BACKOFF_BASE;

    /** The settings these options describe, after checking them. */
    public AwsSettings settings(int parallelism) {
        URI endpoint = null;
        if (endpointUrl != null) {
            try {
                endpoint = AwsSettings.endpoint("--endpoint-url", endpointUrl);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (maxAttempts < 1) {
            throw new ParameterException(spec.commandLine(), "--max-attempts must be at least 1, was " + maxAttempts);
        }
        if (profile != null && profile.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--profile is empty");
        }
        return AwsSettings.defaults()
                .withProfile(profile)
                .withEndpoint(endpoint)
                .withTimeouts(callTimeout, attemptTimeout)
                .withRetries(maxAttempts, retryBaseDelay)
                .withMaxConnections(Math.max(AwsSettings.DEFAULT_MAX_CONNECTIONS, parallelism * 4));
    }
}
