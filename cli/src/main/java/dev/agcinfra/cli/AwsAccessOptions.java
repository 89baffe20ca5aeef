package dev.agcinfra.cli;

import dev.agcinfra.aws.AwsSettings;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code --profile} and {@code --endpoint-url}, as both tools take them: which credentials and profile settings, and
 * where every AWS call goes. Inherited by subcommands where a command group declares it.
 */
public final class AwsAccessOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--profile", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Named profile of the AWS config files, for credentials and the default region "
                    + "(default: AWS_PROFILE, then 'default').")
    String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Send every AWS call to URL, e.g. a local emulator such as moto (default: "
                    + "AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the profile's endpoint_url, then AWS). S3 then "
                    + "uses path-style addressing.")
    String endpointUrl;

    /** {@code --profile}, when given. */
    public Optional<String> profile() {
        if (profile != null && profile.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--profile is empty; name a profile of the AWS config "
                    + "files, or leave it out");
        }
        return Optional.ofNullable(profile);
    }

    /** {@code --endpoint-url}, checked: an http(s) URL with a host. */
    public Optional<URI> endpoint() {
        if (endpointUrl == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(AwsSettings.endpoint("--endpoint-url", endpointUrl));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
