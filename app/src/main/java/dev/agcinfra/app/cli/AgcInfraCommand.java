package dev.agcinfra.app.cli;

import dev.agcinfra.app.AgcVersion;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.app.account.AccountContext;
import dev.agcinfra.app.account.AccountException;
import dev.agcinfra.app.account.Terraform;
import dev.agcinfra.aws.AwsErrors;
import dev.agcinfra.app.NodeJsUnavailable;
import dev.agcinfra.app.OutputFolder;
import dev.agcinfra.cli.ProblemLine;
import dev.agcinfra.settings.SettingsException;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.jsii.JsiiException;

/**
 * {@code agc-infra}: with no arguments the jar synthesizes (see {@link dev.agcinfra.app.Main}); with arguments, these
 * commands.
 */
@Command(name = "agc-infra", mixinStandardHelpOptions = true, versionProvider = AgcInfraCommand.Version.class,
        subcommands = {SynthCommand.class, AccountCommand.class},
        description = "Amazon Genomics CLI's shared infrastructure with Terraform. Without arguments: synth.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "2:invalid input, a check refused, or the output folder cannot be written (nothing was changed)",
            "3:an AWS call failed",
            "4:internal error (please report it)",
            "other:Terraform's own exit status when it failed"})
public final class AgcInfraCommand {

    final CliEnvironment cli;

    AgcInfraCommand(CliEnvironment cli) {
        this.cli = cli;
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"agc-infra " + AgcVersion.get()};
        }
    }

    /**
     * Runs {@code args} as a command line; returns the exit status. Errors are one line each on {@code err}, never a
     * stack trace.
     */
    public static int run(PrintWriter out, PrintWriter err, CliEnvironment cli, String... args) {
        CommandLine cmd = new CommandLine(new AgcInfraCommand(cli));
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((e, a) -> {
            CommandLine failed = e.getCommandLine();
            String name = failed.getCommandSpec().qualifiedName();
            if (failed.getCommandSpec().parent() == null) {
                err.println("usage: agc-infra [synth] | agc-infra account activate|deactivate|status [OPTIONS]; "
                        + ProblemLine.escape(e.getMessage()));
            } else {
                err.println(name + ": " + ProblemLine.escape(e.getMessage()) + "; see " + name + " --help");
            }
            return ExitCode.INVALID_INPUT;
        });
        cmd.setExecutionExceptionHandler((e, c, p) -> report(e, err));
        int status = cmd.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /**
     * Prints why a command failed, one line per problem ({@link ProblemLine}: a quoted value's newlines and
     * bidirectional controls are shown escaped), never a stack trace; returns the exit status.
     */
    public static int report(Exception e, PrintWriter err) {
        if (e instanceof AccountException a) {
            a.lines().forEach(l -> problem(err, l));
            return a.exitCode();
        }
        if (e instanceof SettingsException s) {
            s.problems().forEach(p -> problem(err, p));
            return ExitCode.INVALID_INPUT;
        }
        if (e instanceof NodeJsUnavailable n) {
            problem(err, n.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        if (e instanceof OutputFolder.Unusable u) {
            problem(err, u.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        if (e instanceof SdkException s) {
            problem(err, "AWS call failed: " + AwsErrors.brief(s));
            return ExitCode.AWS_FAILURE;
        }
        // jsii's errors carry the Node.js stack trace in their message: only its first line is for the user.
        String what = e instanceof JsiiException ? "CDKTF failed: " + firstLine(e.getMessage()) : firstLine(e.toString());
        problem(err, "internal error: " + what + " (please report it)");
        return ExitCode.INTERNAL_ERROR;
    }

    private static void problem(PrintWriter err, String line) {
        err.println("agc-infra: " + ProblemLine.escape(line));
    }

    private static String firstLine(String text) {
        return text == null ? "no details" : text.strip().lines().findFirst().orElse("no details");
    }

    /** The account commands' shared context from the options. */
    AccountContext context(AwsOptions aws, PrintWriter out, PrintWriter err) {
        return new AccountContext(aws.aws(cli), aws.settingsFile(cli), new Terraform(aws.terraformEnv(cli), out, err, cli.terraformInput()),
                cli.synthesizer(), aws.profile(), cli.pollInterval(), out, err);
    }

    static Optional<String> opt(String s) {
        return Optional.ofNullable(s);
    }
}
