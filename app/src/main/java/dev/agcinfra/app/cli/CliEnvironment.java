package dev.agcinfra.app.cli;

import dev.agcinfra.app.account.Synthesizer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;

/**
 * What the commands take from the process, injectable for tests: the working directory, the environment variables
 * (also those of the terraform process: {@code AGC_TERRAFORM}, {@code AGC_CONFIG}, {@code AWS_*}), and optionally
 * fixed credentials and a region fallback instead of the SDK's default chains.
 *
 * @param credentials    empty: the SDK's default chain (or {@code --profile})
 * @param regionFallback empty: the SDK's default region chain (or {@code --profile})
 * @param pollInterval   how often to poll CloudFormation while deleting context stacks
 * @param terraformInput what terraform reads when it asks for approval (without {@code --yes}): the terminal
 */
public record CliEnvironment(Path workingDir, Map<String, String> env, Optional<AwsCredentialsProvider> credentials,
                             Optional<AwsRegionProvider> regionFallback, Synthesizer synthesizer, Duration pollInterval,
                             ProcessBuilder.Redirect terraformInput) {

    public CliEnvironment {
        workingDir = workingDir.toAbsolutePath().normalize();
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
    }

    /** The process's own. */
    public static CliEnvironment system() {
        return new CliEnvironment(Path.of(""), System.getenv(), Optional.empty(), Optional.empty(),
                Synthesizer.cdktf(), Duration.ofSeconds(10), ProcessBuilder.Redirect.INHERIT);
    }
}
