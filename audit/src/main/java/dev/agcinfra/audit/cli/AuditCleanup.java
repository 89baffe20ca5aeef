package dev.agcinfra.audit.cli;

import dev.agcinfra.cli.DurationConverter;
import dev.agcinfra.audit.AuditException;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.Regions;
import dev.agcinfra.aws.AwsClientFactory;
import dev.agcinfra.audit.cleanup.Cleanup;
import dev.agcinfra.audit.cleanup.CleanupPlan;
import dev.agcinfra.audit.cleanup.CleanupReports;
import dev.agcinfra.audit.cleanup.CleanupResult;
import dev.agcinfra.audit.cleanup.CleanupRunner;
import dev.agcinfra.audit.provenance.Protection;
import dev.agcinfra.audit.retained.RetainedOptions;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * {@code agc-audit cleanup --region R}: remove what agc-infra provably created, and left behind, in one deactivated
 * region. A dry run unless confirmed; {@code --plan-file} saves the plan, {@code --apply} runs a saved plan.
 */
@Command(name = "cleanup",
        header = "Remove what agc-infra created and left behind in one deactivated region: a dry run unless confirmed.",
        description = {
            "Deletes only what agc-infra provably created: what a version of its Terraform state (in the region's "
                    + "state bucket) lists as a managed resource, and log groups AGC's contexts created (tagged and "
                    + "named by AGC's rule). What the settings file names, what the state only reads (your VPC, "
                    + "subnets, bucket), what no state lists, and everything when the state cannot be read, is kept "
                    + "and listed, whatever its tags.",
            "",
            "The order: NAT gateways (waited for until deleted), their Elastic IPs, endpoints, then each VPC's "
                    + "route tables, subnets, internet gateway, security groups and the VPC; with --include-data the "
                    + "log groups and buckets (every object and version); with --include-state, last, the state "
                    + "bucket when it holds nothing but agc-infra's empty state of the region. A VPC holding a network "
                    + "interface of another service is kept whole.",
            "",
            "Nothing is deleted without --yes together with --account (the caller's account id), or the account "
                    + "id typed at the prompt (a terminal is needed). Stops at the first failure and reports what was "
                    + "and was not deleted; a second run finishes the job.",
        },
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:dry run printed, plan written, or every deletion completed",
            "2:invalid input, or refused: the region is active, --account is missing or not the caller's, or --id "
                    + "names something that must be kept",
            "3:AWS failure: the region could not be read, or a deletion failed (the report says what was deleted)",
            "4:internal error"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ${ROOT-COMMAND-NAME} cleanup --region eu-west-1                                   # dry run",
            "  ${ROOT-COMMAND-NAME} cleanup --region eu-west-1 --plan-file plan.json             # save the plan",
            "  ${ROOT-COMMAND-NAME} cleanup --apply plan.json --account 123456789012 --yes        # run it, re-checked",
            "  ${ROOT-COMMAND-NAME} cleanup --region eu-west-1 --include-data --account 123456789012 --yes",
        })
public final class AuditCleanup extends AuditCommand {

    /**
     * Asks the user and returns the answer, or {@code null} when nobody can answer (no terminal). Replaced by tests.
     */
    public static volatile Function<String, String> prompt = question -> {
        Console console = System.console();
        return console == null ? null : console.readLine("%s", question);
    };

    @Option(names = "--region", paramLabel = "REGION",
            description = "The deactivated region to clean up (not with --apply, whose plan names it).")
    String region;

    @Option(names = "--include-data",
            description = "Also delete agc-infra's log groups and buckets, with every object and version. Data is "
                    + "lost for good.")
    boolean includeData;

    @Option(names = "--include-state",
            description = "Also delete the region's state bucket, last, when every object version in it is one of "
                    + "agc-infra's state or lock files of the region and no state file lists a managed resource.")
    boolean includeState;

    @Option(names = "--yes", description = "Delete without asking; needs --account.")
    boolean yes;

    @Option(names = "--account", paramLabel = "ACCOUNT_ID",
            description = "The account id the credentials must belong to; required with --yes.")
    String account;

    @Option(names = "--id", paramLabel = "ID", split = ",",
            description = "Only these findings (ids as 'retained' reports them); a VPC with everything agc-infra "
                    + "created inside it. Repeatable.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--plan-file", paramLabel = "FILE",
            description = "Write the plan to FILE (JSON) and delete nothing; run it later with --apply.")
    Path planFile;

    @Option(names = "--apply", paramLabel = "FILE",
            description = "Run a plan written with --plan-file: each entry is checked again (still there, still "
                    + "agc-infra's, nothing new depends on it); what changed is skipped and reported.")
    Path apply;

    /**
     * What marks AGC's resources. Fixed, unlike the reporting jobs' {@code --tag}: a command that deletes must never be
     * pointed at another tag ({@code env=prod}) by an option.
     */
    static final String AGC_TAG = "application-name=agc";

    @Option(names = "--settings", paramLabel = "FILE",
            description = "agc-infra's settings file, read and checked by agc-infra's own loader: what it names is "
                    + "never deleted, and its stateBucket says where the state is (default: AGC_CONFIG, else "
                    + "./agc.yaml when it exists).")
    Path settings;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--wait-interval", hidden = true, paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How often to ask whether NAT gateways and endpoints are deleted (default: 10s).")
    Duration waitInterval = CleanupRunner.DEFAULT_INTERVAL;

    @Option(names = "--wait-timeout", hidden = true, paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long to wait for them at most (default: 10m).")
    Duration waitTimeout = CleanupRunner.DEFAULT_TIMEOUT;

    /**
     * What the reporting jobs take to read several accounts. Hidden and never accepted: a command that deletes works
     * in one account, whose id {@code --account} confirms; given, they are refused in one line that says so (instead
     * of "unknown option").
     */
    @Option(names = "--org", hidden = true)
    boolean org;

    @Option(names = "--accounts", hidden = true, paramLabel = "ID")
    String accounts;

    @Option(names = "--role-name", hidden = true, paramLabel = "NAME")
    String roleName;

    @Option(names = "--external-id", hidden = true, paramLabel = "ID")
    String externalId;

    private CleanupPlan saved;

    @Override
    protected void checkOptions() {
        saved = checkedOptions();
    }

    @Override
    protected int run(AwsClientFactory clients) {
        String checkedRegion = saved != null ? saved.region() : region;
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean json = format.equals("json");
        Supplier<String> caller = account(clients, List.of(checkedRegion));
        Protection protection = Protection.forCommand(settings, checkedRegion, caller);
        String callerAccount = caller.get();
        if (account != null && !account.equals(callerAccount)) {
            throw AuditException.invalidInput("--account " + account + " is not the account of these credentials ("
                    + callerAccount + "); nothing was deleted: use that account's credentials (--profile), or "
                    + "give --account " + callerAccount + " if that is the account you mean");
        }
        Cleanup cleanup = new Cleanup(clients, callerAccount, RetainedOptions.defaults()
                .withTag(TagFilter.parse(AGC_TAG)).withProtection(protection))
                .waiting(waitInterval, waitTimeout, duration -> Thread.sleep(duration.toMillis()));
        CleanupPlan plan;
        List<CleanupResult.Skipped> skipped = List.of();
        if (saved != null) {
            Cleanup.Recheck recheck = cleanup.recheck(saved);
            plan = recheck.plan();
            skipped = recheck.skipped();
        } else {
            plan = cleanup.plan(checkedRegion, includeData, includeState, new LinkedHashSet<>(ids));
        }
        String accountLabel = callerAccount + alias(clients).map(a -> " (" + a + ")").orElse("");
        String planText = CleanupReports.planText(plan, accountLabel);
        if (planFile != null) {
            CleanupReports.writePlan(plan, planFile);
            out.print(json ? CleanupReports.json(plan, true, null) : planText);
            if (!json) {
                out.println("Plan written to " + planFile + "; nothing was deleted. Run it with: agc-audit "
                        + "cleanup --apply " + planFile + " --account " + callerAccount + " --yes");
            }
            out.flush();
            return ExitCode.OK;
        }
        if (!json) {
            out.print(planText);
            skipped.forEach(s -> out.println("Skipped: " + s.action().label() + ": " + s.reason()));
            out.flush();
        }
        boolean confirmed = yes;
        if (!plan.empty() && !yes) {
            if (json) {
                err.print(planText);
                err.flush();
            }
            String answer = prompt.apply("Account " + accountLabel + ", region " + plan.region() + ": type the "
                    + "account id to delete these " + plan.actions().size() + " resources (anything else cancels): ");
            confirmed = answer != null && answer.trim().equals(callerAccount);
            if (answer != null && !confirmed) {
                err.println("agc-audit cleanup: cancelled: nothing was deleted");
            }
        }
        if (plan.empty() || !confirmed) {
            CleanupResult nothing = new CleanupResult(plan.region(), List.of(), List.of(), null, null, List.of(),
                    skipped);
            if (json) {
                out.print(CleanupReports.json(plan, true, skipped.isEmpty() ? null : nothing));
            } else if (!plan.empty()) {
                out.println("Dry run: nothing was deleted. Run again with --account " + callerAccount + " --yes, "
                        + "or type the account id at the prompt, to delete.");
            } else if (!skipped.isEmpty()) {
                out.println("Nothing was deleted: " + (skipped.size() == 1 ? "the plan's one entry was skipped"
                        : "the plan's " + skipped.size() + " entries were all skipped") + ", as listed above; run "
                        + "cleanup again to plan what is left.");
            } else {
                out.println("Nothing to delete.");
            }
            out.flush();
            return ExitCode.OK;
        }
        CleanupResult result = cleanup.execute(plan, action -> {
            err.println("agc-audit cleanup: deleted " + action.label());
            err.flush();
        }).withSkipped(skipped);
        out.print(json ? CleanupReports.json(plan, false, result) : CleanupReports.resultText(result));
        out.flush();
        if (!result.complete()) {
            err.println("agc-audit cleanup: " + result.error());
            err.flush();
            return ExitCode.AWS_FAILURE;
        }
        return ExitCode.OK;
    }

    /** Checks the options before anything else; returns the saved plan of {@code --apply}, else {@code null}. */
    private CleanupPlan checkedOptions() {
        String many = org ? "--org" : accounts != null ? "--accounts" : roleName != null ? "--role-name"
                : externalId != null ? "--external-id" : null;
        if (many != null) {
            throw new ParameterException(spec.commandLine(), many + " is not an option of cleanup: cleanup deletes in "
                    + "one account at a time, the account of the credentials, confirmed with --account ID; run it "
                    + "with each account's credentials (--profile), after 'agc-audit retained --org' (or "
                    + "--accounts) has listed what each account holds");
        }
        if (!format.equals("table") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(), "invalid --format '" + format + "': expected table or json");
        }
        if (account != null && !account.matches("\\d{12}")) {
            throw new ParameterException(spec.commandLine(), "--account '" + account + "' is not an account id "
                    + "(12 digits)");
        }
        if (yes && account == null) {
            throw new ParameterException(spec.commandLine(), "--yes needs --account ACCOUNT_ID, the account these "
                    + "credentials must belong to, so that a deletion never runs in the wrong account");
        }
        if (planFile != null && (yes || apply != null)) {
            throw new ParameterException(spec.commandLine(), "--plan-file writes a plan and deletes nothing: leave out "
                    + (yes ? "--yes" : "--apply"));
        }
        if (apply != null) {
            if (region != null || !ids.isEmpty() || includeData || includeState) {
                throw new ParameterException(spec.commandLine(), "--apply runs the saved plan as it was made: leave out "
                        + "--region, --id, --include-data and --include-state");
            }
            return CleanupReports.readPlan(apply);
        }
        if (region == null) {
            throw new ParameterException(spec.commandLine(), "--region is required (or --apply with a saved plan)");
        }
        if (region.contains(",")) {
            throw new ParameterException(spec.commandLine(), "--region takes one region, not a list");
        }
        try {
            Regions.check(region, "--region");
        } catch (AuditException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return null;
    }

    /** The account's alias, where IAM lets the caller read it. */
    private static java.util.Optional<String> alias(AwsClientFactory clients) {
        try (IamClient iam = clients.build(IamClient.builder(), "us-east-1")) {
            return iam.listAccountAliases().accountAliases().stream().findFirst();
        } catch (SdkException noAlias) {
            return java.util.Optional.empty();
        }
    }
}
