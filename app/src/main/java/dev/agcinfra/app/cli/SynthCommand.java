package dev.agcinfra.app.cli;

import dev.agcinfra.app.Main;
import dev.agcinfra.app.OutputFolder;
import dev.agcinfra.app.lookup.AwsEnvironment;
import dev.agcinfra.app.uptodate.UpToDateCheck;
import dev.agcinfra.settings.SettingsLoader;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code agc-infra synth}: what the jar does without arguments, and what {@code cdktf synth} runs. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {
            "Synthesize the settings file (agc.yaml in the working directory, or the file AGC_CONFIG names) into "
                    + "cdktf.out (or CDKTF_OUTDIR), exactly as cdktf synth does, and print one line per stack.",
            "The output is written into a fresh folder beside it, which replaces it only when complete: the folders "
                    + "of stacks the settings no longer produce are gone, Terraform's files in the others are kept.",
            "When nothing it is synthesized from has changed since the last synth (the settings and lookup cache "
                    + "files, the AGC installation, the environment, the account, agc-infra itself) and the output is "
                    + "as that synth wrote it, nothing is synthesized again: the summary is printed and the output "
                    + "left as it is. --force (or AGC_INFRA_FORCE=1) synthesizes anyway.",
            "Every problem of the settings file is reported, one line each, before anything is written. AWS is "
                    + "asked only for what the file leaves out: the account (STS) and the default region (AWS_REGION, "
                    + "AWS_DEFAULT_REGION, the profile)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:invalid settings, or the output folder cannot be written (the previous output is "
                + "left as it was)", "3:an AWS call failed", "4:internal error (please report it)"})
public final class SynthCommand implements Callable<Integer> {

    @ParentCommand
    AgcInfraCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--force", description = "Synthesize even when the output is up to date.")
    boolean force;

    @Override
    public Integer call() {
        CliEnvironment cli = root.cli;
        AwsEnvironment aws = new AwsEnvironment(cli.env(), Optional.empty(), null, cli.credentials().orElse(null),
                cli.regionFallback().orElse(null));
        return Main.synth(spec.commandLine().getOut(), spec.commandLine().getErr(),
                new SettingsLoader(cli.workingDir(), cli.env()), aws, OutputFolder.of(cli.workingDir(), cli.env()),
                UpToDateCheck.of(cli.env(), force));
    }
}
