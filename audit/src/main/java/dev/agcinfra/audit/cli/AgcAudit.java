package dev.agcinfra.audit.cli;

import dev.agcinfra.audit.AuditException;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.cli.ProblemLine;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code agc-audit}: batch-style audits of what AGC infrastructure has put in an AWS account.
 *
 * <p>Only {@link #main} exits. Errors are one line on stderr ({@code agc-audit: ...}); stack traces only with
 * {@code -v}. Invalid input exits 2, AWS failures 3, bugs 4 (see {@link ExitCode}).
 */
@Command(name = "agc-audit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Audit what AGC infrastructure has put in an AWS account.",
        description = {
            "Each command is a job that reads every region asked for in parallel and writes one report "
                    + "(table, json or csv) to stdout or --output. Errors go to stderr, one line each.",
        },
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {AuditResources.class, AuditCosts.class, AuditRetained.class, AuditCleanup.class, AuditSecurity.class,
                AuditEstimate.class,
                AutoComplete.GenerateCompletion.class},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:nothing to report",
            "1:findings (jobs that judge, e.g. a budget exceeded)",
            "2:invalid input",
            "3:AWS failure: credentials, or some regions or accounts failed (the report is partial)",
            "4:internal error"},
        footerHeading = "%nExample:%n",
        footer = "  ${COMMAND-NAME} resources --regions us-east-1,eu-west-1 --format json")
public final class AgcAudit implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin(name = LoggingMixin.NAME)
    LoggingMixin logging;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: give one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String... args) {
        System.exit(run(args));
    }

    /** Runs with stdout and stderr (UTF-8), returning the exit code. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        try {
            return run(out, err, args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Runs with the given streams (for tests), returning the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        int status = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** The configured command line: streams, error handlers, exit codes. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new AgcAudit());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setUsageHelpWidth(110);
        cmd.setUsageHelpAutoWidth(true);
        cmd.setParameterExceptionHandler(AgcAudit::invalidInput);
        cmd.setExecutionExceptionHandler(AgcAudit::failed);
        cmd.setExitCodeExceptionMapper(e -> e instanceof ParameterException ? ExitCode.INVALID_INPUT
                : e instanceof AuditException audit ? audit.status() : ExitCode.INTERNAL_ERROR);
        return cmd;
    }

    /** Invalid input: one line naming the command, and where to read about it. */
    private static int invalidInput(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println(name + ": " + ProblemLine.escape(oneLine(e.getMessage()).replaceFirst("^Error: ", ""))
                + " (see '" + name + " --help')");
        if (verbose(cmd)) {
            e.printStackTrace(cmd.getErr());
        }
        cmd.getErr().flush();
        return ExitCode.INVALID_INPUT;
    }

    /** A failure while running: one line (with differing cause messages), the stack trace only with -v. */
    private static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int status;
        if (e instanceof AuditException audit && !audit.lines().isEmpty()) {
            audit.lines().forEach(line -> err.println("agc-audit: " + ProblemLine.escape(line)));
            status = audit.status();
        } else if (e instanceof AuditException audit) {
            err.println("agc-audit: " + ProblemLine.escape(withCauses(audit)));
            status = audit.status();
        } else {
            err.println("agc-audit: internal error: " + ProblemLine.escape(withCauses(e))
                    + (verbose(cmd) ? "" : " (run with -v for the stack trace)"));
            status = ExitCode.INTERNAL_ERROR;
        }
        if (verbose(cmd)) {
            e.printStackTrace(err);
        }
        err.flush();
        return status;
    }

    private static boolean verbose(CommandLine cmd) {
        CommandLine root = cmd;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommand() instanceof AgcAudit audit && audit.logging != null && audit.logging.verbose();
    }

    /** The message, then each cause's message that says something new, on one line. */
    static String withCauses(Throwable e) {
        StringBuilder text = new StringBuilder(describe(e, e instanceof AuditException));
        String last = text.toString();
        for (Throwable cause = e.getCause(); cause != null && !(e instanceof AuditException); cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !last.contains(message)) {
                text.append(": ").append(message);
                last = message;
            }
        }
        return oneLine(text.toString());
    }

    private static String describe(Throwable e, boolean messageOnly) {
        if (messageOnly && e.getMessage() != null) {
            return e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
