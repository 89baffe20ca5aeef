package dev.agcinfra.audit.cleanup;

import dev.agcinfra.audit.ExitCode;
import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.aws.AwsClientFactory;
import dev.agcinfra.audit.aws.Preflight;
import dev.agcinfra.audit.cli.AwsOptions;
import dev.agcinfra.audit.cli.LoggingMixin;
import dev.agcinfra.audit.cli.VersionProvider;
import dev.agcinfra.audit.retained.CommandSupport;
import dev.agcinfra.audit.retained.RetainedOptions;
import dev.agcinfra.audit.retained.UserResources;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code agc-audit cleanup --region R}: remove what {@code retained} reports as agc-owned in one deactivated region. */
@Command(name = "cleanup", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Remove agc-owned leftovers of one deactivated region: a dry run unless confirmed.",
        description = {
            "Lists exactly what would go, in order, with the AWS CLI command for each and the monthly saving: "
                    + "orphans first (interface endpoints, NAT gateways, waited for until deleted, their Elastic IPs, "
                    + "then the VPC with its security groups, route tables, subnets and internet gateway), and only "
                    + "with --include-data the log groups and buckets, with every object and version.",
            "",
            "Nothing is deleted unless --yes is given or the region's name is typed at the prompt (a terminal is "
                    + "needed for the prompt). Refuses regions where agc-infra is active, user-owned resources "
                    + "(untagged, or named in the settings file) and state buckets that still hold state: those are "
                    + "listed as kept. Stops at the first failure and reports what was and was not deleted.",
        },
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:dry run printed, or every deletion completed",
            "2:invalid input, or refused: the region is active, or --id names something that must be kept",
            "3:AWS failure: the region could not be read, or a deletion failed (the report says what was deleted)",
            "4:internal error"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ${ROOT-COMMAND-NAME} cleanup --region eu-west-1                     # dry run",
            "  ${ROOT-COMMAND-NAME} cleanup --region eu-west-1 --yes",
            "  ${ROOT-COMMAND-NAME} cleanup --region eu-west-1 --include-data --yes",
        })
public final class CleanupCommand implements Callable<Integer> {

    /**
     * Asks the user and returns the answer, or {@code null} when nobody can answer (no terminal). Replaced by tests.
     */
    static volatile Function<String, String> prompt = question -> {
        Console console = System.console();
        return console == null ? null : console.readLine("%s", question);
    };

    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws;

    @Mixin(name = "logging")
    LoggingMixin logging;

    @Option(names = "--region", required = true, paramLabel = "REGION", description = "The deactivated region to clean up.")
    String region;

    @Option(names = "--include-data",
            description = "Also delete agc-owned log groups and buckets, with every object and version, and state "
                    + "buckets that no longer hold state. Data is lost for good.")
    boolean includeData;

    @Option(names = "--yes", description = "Delete without asking.")
    boolean yes;

    @Option(names = "--id", paramLabel = "ID", split = ",",
            description = "Only these findings (ids as 'retained' reports them; a VPC with its parts); repeatable.")
    List<String> ids = new ArrayList<>();

    /**
     * What marks AGC's resources. Fixed, unlike the reporting jobs' {@code --tag}: a command that deletes must never be
     * pointed at another tag ({@code env=prod}) by an option.
     */
    static final String AGC_TAG = "application-name=agc";

    @Option(names = "--settings", paramLabel = "FILE",
            description = "agc-infra's settings file: the bucket and VPC it names are the user's (default: AGC_CONFIG, else ./agc.yaml when it exists).")
    Path settings;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--wait-interval", hidden = true, paramLabel = "DURATION",
            converter = dev.agcinfra.audit.retained.DurationText.class,
            description = "How often to ask whether NAT gateways and endpoints are deleted (default: 10s).")
    Duration waitInterval = CleanupRunner.DEFAULT_INTERVAL;

    @Option(names = "--wait-timeout", hidden = true, paramLabel = "DURATION",
            converter = dev.agcinfra.audit.retained.DurationText.class,
            description = "How long to wait for them at most (default: 10m).")
    Duration waitTimeout = CleanupRunner.DEFAULT_TIMEOUT;

    @Override
    public Integer call() {
        CommandSupport options = new CommandSupport(spec);
        String checkedRegion = options.region(List.of(region)).get(0);
        if (region.contains(",")) {
            throw new ParameterException(spec.commandLine(), "--region takes one region, not a list");
        }
        if (!format.equals("table") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(), "invalid --format '" + format + "': expected table or json");
        }
        TagFilter tagFilter = TagFilter.parse(AGC_TAG);
        UserResources user = CommandSupport.user(settings, System.getenv());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean json = format.equals("json");
        try (AwsClientFactory clients = new AwsClientFactory(aws.settings(1))) {
            String account = new Preflight(clients).account(List.of(checkedRegion));
            Cleanup cleanup = new Cleanup(clients, account, RetainedOptions.defaults().withTag(tagFilter).withUser(user))
                    .waiting(waitInterval, waitTimeout, duration -> Thread.sleep(duration.toMillis()));
            CleanupPlan plan = cleanup.plan(checkedRegion, includeData, new LinkedHashSet<>(ids));
            if (!json) {
                out.print(CleanupReports.planText(plan));
                out.flush();
            }
            boolean confirmed = yes;
            if (!plan.empty() && !yes) {
                String answer = prompt.apply("Type " + checkedRegion + " to delete these " + plan.actions().size()
                        + " resources (anything else cancels): ");
                confirmed = answer != null && answer.trim().equals(checkedRegion);
                if (answer != null && !confirmed) {
                    err.println("agc-audit cleanup: cancelled: nothing was deleted");
                }
            }
            if (plan.empty() || !confirmed) {
                if (json) {
                    out.print(CleanupReports.json(plan, true, null));
                } else if (!plan.empty()) {
                    out.println("Dry run: nothing was deleted. Run again with --yes, or type the region's name at "
                            + "the prompt, to delete.");
                } else {
                    out.println("Nothing to delete.");
                }
                out.flush();
                return ExitCode.OK;
            }
            CleanupResult result = cleanup.execute(plan, action -> {
                if (!json) {
                    err.println("agc-audit cleanup: deleted " + action.label());
                    err.flush();
                }
            });
            out.print(json ? CleanupReports.json(plan, false, result) : CleanupReports.resultText(result));
            out.flush();
            if (!result.complete()) {
                err.println("agc-audit cleanup: " + result.error());
                err.flush();
                return ExitCode.AWS_FAILURE;
            }
            return ExitCode.OK;
        }
    }
}
