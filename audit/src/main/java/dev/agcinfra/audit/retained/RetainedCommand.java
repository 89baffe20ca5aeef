package dev.agcinfra.audit.retained;

import dev.agcinfra.audit.AuditException;
import dev.agcinfra.audit.ExitCode;
import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.aws.AwsClientFactory;
import dev.agcinfra.audit.aws.Preflight;
import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.batch.Progress;
import dev.agcinfra.audit.batch.TerminalProgress;
import dev.agcinfra.audit.cli.AwsOptions;
import dev.agcinfra.audit.cli.LoggingMixin;
import dev.agcinfra.audit.cli.OutputOptions;
import dev.agcinfra.audit.cli.RegionOptions;
import dev.agcinfra.audit.cli.VersionProvider;
import dev.agcinfra.audit.provenance.Protection;
import dev.agcinfra.audit.resources.ResourcesJob;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code agc-audit retained}: what deactivation kept, and what still bills, per deactivated region. */
@Command(name = "retained", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Report what is left, and still billing, in regions where AGC is deactivated.",
        description = {
            "A region is active when the SSM parameter /agc/_common/vpc exists; an active region reports nothing. "
                    + "In a deactivated region: orphans still billing by the hour (tagged NAT gateways, Elastic IPs, "
                    + "interface endpoints, and their VPC) first, then the data deactivation keeps on purpose: "
                    + "buckets (tagged, or named agc-<account>-<region>), with object count and size from a listing "
                    + "(every version when versioning is on) up to --max-objects, beyond that from CloudWatch's "
                    + "daily storage metrics; state buckets (agc-tfstate-*); log groups (tagged, or under AGC's "
                    + "name prefixes) with stored bytes and retention.",
            "",
            "Tags only find candidates. Each finding's owner is proven, and its provenance given: agc when a "
                    + "version of agc-infra's Terraform state (in the region's state bucket) lists it as a managed "
                    + "resource, or, for log groups that AGC's contexts create, by AGC's name rule; user when the "
                    + "settings file names it, the state only reads it with a data source, or no state lists it; "
                    + "unknown when the state cannot be read. Each agc-owned finding comes with the AWS CLI command "
                    + "that removes it and its monthly cost at list price (the estimate's sourced price table; unknown, never guessed, "
                    + "where no figure is sourced). 'agc-audit cleanup' removes them.",
        },
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:nothing retained or orphaned in the deactivated regions",
            "1:findings: a deactivated region still holds something",
            "2:invalid input",
            "3:AWS failure: credentials, or some regions failed (the report is partial)",
            "4:internal error"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ${ROOT-COMMAND-NAME} retained --regions us-east-1,eu-west-1 --format json",
            "  ${ROOT-COMMAND-NAME} retained --all-regions --settings agc.yaml",
        })
public final class RetainedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RegionOptions scope;

    @Mixin
    OutputOptions output;

    @Mixin
    AwsOptions aws;

    @Mixin(name = "logging")
    LoggingMixin logging;

    @Option(names = "--max-objects", paramLabel = "N", defaultValue = "" + RetainedOptions.DEFAULT_MAX_OBJECTS,
            description = "Objects (or versions) listed per bucket; beyond that, size and count come from "
                    + "CloudWatch's daily S3 storage metrics, and the report says so (default: ${DEFAULT-VALUE}).")
    long maxObjects = RetainedOptions.DEFAULT_MAX_OBJECTS;

    @Option(names = "--settings", paramLabel = "FILE",
            description = "agc-infra's settings file, read and checked by agc-infra's own loader: the VPC, subnets "
                    + "and existing bucket it names are the user's, and its stateBucket says where agc-infra's state "
                    + "is (default: AGC_CONFIG when set, else ./agc.yaml when it exists).")
    Path settings;

    @Option(names = "--log-group-prefix", paramLabel = "PREFIX",
            description = "Log group name prefix that marks AGC's log groups, tagged or not; repeatable "
                    + "(default: /aws/lambda/Agc- and Agc-).")
    List<String> logGroupPrefixes = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        CommandSupport options = new CommandSupport(spec);
        TagFilter tag = options.tag();
        int parallelism = options.parallelism();
        if (maxObjects < 0) {
            throw new ParameterException(spec.commandLine(), "--max-objects must be 0 or more, was " + maxObjects);
        }
        List<String> requested = options.regions();
        PrintWriter err = spec.commandLine().getErr();
        try (AwsClientFactory clients = new AwsClientFactory(aws.settings(parallelism))) {
            Preflight preflight = new Preflight(clients);
            String firstRegion = requested != null ? requested.get(0) : "us-east-1";
            Supplier<String> caller = CommandSupport.once(() -> preflight.account(List.of(firstRegion)));
            Protection protection = CommandSupport.protection(settings, System.getenv(), firstRegion, caller);
            List<String> regions = requested != null ? requested
                    : options.allRegions() ? preflight.enabledRegions() : List.of(preflight.defaultRegion());
            String account = caller.get();
            RetainedOptions retained = RetainedOptions.defaults().withTag(tag).withProtection(protection)
                    .withMaxObjects(maxObjects)
                    .withLogGroupPrefixes(logGroupPrefixes.isEmpty() ? ResourcesJob.DEFAULT_LOG_GROUP_PREFIXES
                            : logGroupPrefixes);
            Writer report = open(options.output(), spec.commandLine().getOut());
            RetainedResult result;
            try (Progress progress = System.console() != null ? new TerminalProgress(err, "retained", regions.size())
                    : Progress.none()) {
                result = new RetainedAudit(clients, account, retained).parallelism(parallelism).progress(progress)
                        .run(regions, RetainedReports.writer(options.format(), report, tag));
                report.flush();
            } finally {
                if (report != spec.commandLine().getOut()) {
                    report.close();
                }
            }
            AuditError.printAll(err, result.errors(), regions.size());
            err.flush();
            return result.exitCode();
        }
    }

    private static Writer open(Path file, Writer stdout) {
        if (file == null) {
            return stdout;
        }
        try {
            return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new AuditException(ExitCode.INVALID_INPUT, "cannot write --output " + file + ": " + e.getMessage());
        }
    }
}
