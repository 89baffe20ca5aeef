package dev.agcinfra.app.account;

import dev.agcinfra.app.OutputFolder;
import dev.agcinfra.app.lookup.AwsEnvironment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What every account command works with: where AWS calls go, the settings file, the terraform binary, synthesis and
 * the terminal.
 *
 * @param aws          credentials, endpoint override and default region
 * @param settingsFile the settings file ({@code agc.yaml} or {@code AGC_CONFIG}); it may not exist yet
 * @param terraform    the terraform runner
 * @param synthesizer  how stacks are written
 * @param profile      the AWS profile given with {@code --profile}, passed on to Terraform
 * @param pollInterval how often to poll CloudFormation while context stacks are deleted
 */
public record AccountContext(AwsEnvironment aws, Path settingsFile, Terraform terraform, Synthesizer synthesizer,
                             Optional<String> profile, Duration pollInterval, PrintWriter out, PrintWriter err) {

    public AccountContext {
        Objects.requireNonNull(aws, "aws");
        settingsFile = settingsFile.toAbsolutePath().normalize();
    }

    /** Where synthesis writes: {@code cdktf.out} beside the settings file. */
    public OutputFolder output() {
        return OutputFolder.at(settingsFile.resolveSibling(OutputFolder.DEFAULT_NAME));
    }

    /** The options of every terraform run in {@code region}. */
    public Terraform.Options terraformOptions(String region, boolean autoApprove) {
        return new Terraform.Options(aws.endpoint("S3"), profile, region, autoApprove);
    }
}
