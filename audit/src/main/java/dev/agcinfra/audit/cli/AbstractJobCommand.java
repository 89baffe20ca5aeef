package dev.agcinfra.audit.cli;

import dev.agcinfra.audit.AuditException;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.Regions;
import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.accounts.AccountPlanner;
import dev.agcinfra.audit.accounts.AccountSelection;
import dev.agcinfra.audit.accounts.AuditScope;
import dev.agcinfra.aws.AwsClientFactory;
import dev.agcinfra.audit.aws.Preflight;
import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.batch.JobResult;
import dev.agcinfra.audit.batch.Progress;
import dev.agcinfra.audit.batch.TerminalProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

/**
 * The template of every job command that reads AWS over regions: check the options, settle regions and credentials,
 * run the job into the report, then report errors on stderr and choose the exit code.
 *
 * <p>Subclasses implement {@link #execute}; everything AWS-wide (clients, account, regions) is ready by then.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:nothing to report",
            "1:findings (jobs that judge, e.g. a budget exceeded)",
            "2:invalid input",
            "3:AWS failure: credentials, or some regions or accounts failed (the report is partial)",
            "4:internal error"})
abstract class AbstractJobCommand extends AuditCommand {

    @Mixin
    RegionOptions scope;

    @Mixin
    OutputOptions output;

    @Mixin
    AccountOptions accountOptions;

    /**
     * What a job command gets to run with.
     *
     * @param account the caller's account
     * @param regions every region read, in any account, in order
     * @param scope   the accounts and each one's regions (the partitions), and the accounts that cannot be read
     */
    record Run(AwsClientFactory clients, String account, List<String> regions, TagFilter tag, int parallelism,
            Progress progress, Writer report, PrintWriter err, boolean verbose, AuditScope scope) {

        /** The job's errors with those of the accounts that could not be read, account by account. */
        List<AuditError> errors(JobResult result) {
            return scope.errors(result.errors());
        }
    }

    private TagFilter tag;
    private List<String> requested;
    private AccountSelection accounts;

    @Override
    protected final void checkOptions() {
        tag = parseTag();
        if (scope.parallelism < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--parallelism must be at least 1, was " + scope.parallelism);
        }
        requested = scope.regions() == null ? null : parseRegions(scope.regions());
        accounts = accountOptions.selection(spec.commandLine());
        output.check(spec.commandLine());
        checkJobOptions();
    }

    /** The job's own options, checked before any AWS call. */
    void checkJobOptions() {
    }

    /** The accounts the options ask for (checked). */
    AccountSelection accounts() {
        return accounts;
    }

    @Override
    protected int parallelism() {
        return scope.parallelism;
    }

    @Override
    protected final int run(AwsClientFactory clients) throws IOException {
        OptionalInt offline = runOffline();
        if (offline.isPresent()) {
            return offline.getAsInt();
        }
        PrintWriter err = spec.commandLine().getErr();
        Preflight preflight = new Preflight(clients);
        Supplier<String> account = account(clients, requested != null ? requested : List.of("us-east-1"));
        prepare(account, requested != null ? requested.get(0) : null);
        AuditScope audited;
        if (accounts.mode() == AccountSelection.Mode.CALLER) {
            List<String> regions = requested != null ? requested
                    : scope.allRegions() ? preflight.enabledRegions()
                    : List.of(preflight.defaultRegion());
            audited = AuditScope.caller(account.get(), regions);
        } else {
            List<String> regions = requested != null ? requested
                    : scope.allRegions() ? null
                    : List.of(preflight.defaultRegion());
            String home = requested != null ? requested.get(0) : preflight.homeRegion();
            audited = new AccountPlanner(clients, account.get(), home, scope.parallelism)
                    .plan(accounts, regions, note -> err.println("agc-audit: " + note));
        }
        try (AuditScope closing = audited) {
            return run(clients, account.get(), audited, err);
        }
    }

    private int run(AwsClientFactory clients, String account, AuditScope audited, PrintWriter err) throws IOException {
        List<String> regions = audited.regions();
        Writer report = output.open(spec.commandLine().getOut());
        JobResult result;
        try (Progress progress = progress(err, audited)) {
            result = execute(new Run(clients, account, regions, tag, scope.parallelism, progress, report, err,
                    logging.verbose(), audited));
            report.flush();
        } finally {
            if (report != spec.commandLine().getOut()) {
                report.close();
            }
        }
        // After the progress line is gone: one line per error, then a summary.
        if (audited.byAccount()) {
            AuditError.printAll(err, result.errors(), audited.partitions().size(), audited.accounts().size(), true);
        } else {
            AuditError.printAll(err, result.errors(), regions.size());
        }
        int status = status(result);
        err.flush();
        return status;
    }

    /**
     * A job whose options ask for no AWS call at all (e.g. {@code security --synth DIR}, a check of synthesized
     * stacks) runs here instead, after its options were checked and before anything touches AWS (no STS, no region
     * lookup); it returns the exit code. Empty, the default: the job runs over regions.
     */
    OptionalInt runOffline() throws IOException {
        return OptionalInt.empty();
    }

    /**
     * What the job reads before any region is (a settings file, checked before any AWS call of its own).
     *
     * @param account the caller's account, asked of STS only when called
     * @param region  the first region asked for, or {@code null} when the regions come from AWS
     */
    void prepare(Supplier<String> account, String region) {
    }

    /** Runs the job and writes the report. */
    abstract JobResult execute(Run run) throws IOException;

    /** The exit code for a completed run: 3 when any call failed, else what the job decides (0 by default). */
    int status(JobResult result) {
        return result.complete() ? ExitCode.OK : ExitCode.AWS_FAILURE;
    }

    private TagFilter parseTag() {
        try {
            return TagFilter.parse(scope.tag);
        } catch (AuditException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private List<String> parseRegions(List<String> values) {
        try {
            return Regions.parse(values);
        } catch (AuditException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** A status line on stderr when it is a terminal (System.console(): stdin and stdout are a terminal too). */
    private Progress progress(PrintWriter err, AuditScope audited) {
        Progress progress = System.console() != null ? new TerminalProgress(err, spec.name(),
                audited.partitions().size(), audited.byAccount() ? "account regions" : "regions") : Progress.none();
        return logging.verbose() ? new VerboseProgress(progress, err, spec.name()) : progress;
    }
}
