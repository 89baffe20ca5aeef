package dev.agcinfra.audit.cli;

import dev.agcinfra.cli.DurationConverter;
import dev.agcinfra.aws.AwsSettings;
import java.net.URI;
import java.time.Duration;
import dev.agcinfra.cli.AwsAccessOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * How to reach AWS: {@code --profile} and {@code --endpoint-url} (as agc-infra takes them), and hidden tuning options
 * for timeouts and retries (tests shorten them; operators rarely need them).
 */
public final class AwsOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Mixin
    AwsAccessOptions access;

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
        URI endpoint = access.endpoint().orElse(null);
        String profile = access.profile().orElse(null);
        if (maxAttempts < 1) {
            throw new ParameterException(spec.commandLine(), "--max-attempts must be at least 1, was " + maxAttempts);
        }
        return AwsSettings.defaults()
                .withProfile(profile)
                .withEndpoint(endpoint)
                .withTimeouts(callTimeout, attemptTimeout)
                .withRetries(maxAttempts, retryBaseDelay)
                .withMaxConnections(Math.max(AwsSettings.DEFAULT_MAX_CONNECTIONS, parallelism * 4));
    }
}
