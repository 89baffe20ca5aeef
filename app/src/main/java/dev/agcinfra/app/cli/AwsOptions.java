package dev.agcinfra.app.cli;

import dev.agcinfra.app.lookup.AwsEnvironment;
import dev.agcinfra.settings.SettingsLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import dev.agcinfra.cli.AwsAccessOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --region}, {@code --profile}, {@code --endpoint-url}, {@code --config}: declared once on {@code agc-infra account}
 * and inherited by every account command (picocli's {@code ScopeType.INHERIT}), so they may come before or after the
 * command's name.
 */
public final class AwsOptions {

    @Option(names = "--region", paramLabel = "REGION", scope = ScopeType.INHERIT,
            description = "The region to act on (default: the AWS CLI's: AWS_REGION, AWS_DEFAULT_REGION, the profile).")
    String region;

    /** {@code --profile} and {@code --endpoint-url}, as agc-audit takes them; both are passed on to Terraform. */
    @Mixin
    AwsAccessOptions access;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The settings file (default: AGC_CONFIG, else agc.yaml in the working directory).")
    Path config;

    Optional<String> region() {
        return Optional.ofNullable(region);
    }

    Optional<String> profile() {
        return access.profile();
    }

    /** The settings file these options and the environment name. */
    Path settingsFile(CliEnvironment cli) {
        if (config != null) {
            return cli.workingDir().resolve(config).normalize();
        }
        return new SettingsLoader(cli.workingDir(), cli.env()).settingsFile();
    }

    /**
     * The AWS environment: the process's variables, with {@code --endpoint-url} for every client and {@code --profile}
     * for credentials and the profile's region (which, as in the AWS CLI, {@code AWS_REGION} and
     * {@code AWS_DEFAULT_REGION} still override; {@code --region} overrides all).
     */
    AwsEnvironment aws(CliEnvironment cli) {
        return new AwsEnvironment(cli.env(), access.endpoint(), access.profile().orElse(null),
                cli.credentials().orElse(null), cli.regionFallback().orElse(null));
    }

    /** The environment of the terraform process. */
    Map<String, String> terraformEnv(CliEnvironment cli) {
        Map<String, String> env = new HashMap<>(cli.env());
        if (access.endpoint().isPresent()) {
            env.keySet().removeIf(k -> k.startsWith(AwsEnvironment.ENDPOINT_ENV));
        }
        return env;
    }
}
