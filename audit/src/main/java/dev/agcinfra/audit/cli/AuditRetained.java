package dev.agcinfra.audit.cli;

import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.batch.JobResult;
import dev.agcinfra.audit.provenance.Protection;
import dev.agcinfra.audit.resources.ResourcesJob;
import dev.agcinfra.audit.retained.RetainedAudit;
import dev.agcinfra.audit.retained.RetainedOptions;
import dev.agcinfra.audit.retained.RetainedReports;
import dev.agcinfra.audit.retained.RetainedResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code agc-audit retained}: what deactivation kept, and what still bills, per deactivated region. */
@Command(name = "retained",
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
            "",
            "With --accounts or --org, every account's regions are read through the role --role-name, the report "
                    + "groups findings by account with a total each, and every cleanup command first checks that "
                    + "it runs with that account's credentials. The settings file (--settings) applies to every "
                    + "account: what it names is protected in all of them, and its stateBucket template gets each "
                    + "account's id.",
        },
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:nothing retained or orphaned in the deactivated regions",
            "1:findings: a deactivated region still holds something",
            "2:invalid input",
            "3:AWS failure: credentials, or some regions or accounts failed (the report is partial)",
            "4:internal error"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ${ROOT-COMMAND-NAME} retained --regions us-east-1,eu-west-1 --format json",
            "  ${ROOT-COMMAND-NAME} retained --all-regions --settings agc.yaml",
            "  ${ROOT-COMMAND-NAME} retained --org --all-regions --format json",
        })
final class AuditRetained extends AbstractJobCommand {

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

    private Protection protection;

    @Override
    void checkJobOptions() {
        if (maxObjects < 0) {
            throw new ParameterException(spec.commandLine(), "--max-objects must be 0 or more, was " + maxObjects);
        }
    }

    @Override
    void prepare(Supplier<String> account, String region) {
        protection = Protection.forCommand(settings, region, account);
    }

    @Override
    JobResult execute(Run run) throws IOException {
        RetainedOptions retained = RetainedOptions.defaults().withTag(run.tag()).withProtection(protection)
                .withMaxObjects(maxObjects)
                .withLogGroupPrefixes(logGroupPrefixes.isEmpty() ? ResourcesJob.DEFAULT_LOG_GROUP_PREFIXES
                        : logGroupPrefixes);
        RetainedResult result = new RetainedAudit(run.clients(), run.account(), retained)
                .parallelism(run.parallelism()).progress(run.progress())
                .run(run.scope(), RetainedReports.writer(output.format, run.report(), run.tag(), run.scope()));
        return new JobResult(result.findingCount(), result.errors());
    }

    /** 3 when a call failed, else 1 when a deactivated region still holds something, else 0. */
    @Override
    int status(JobResult result) {
        if (!result.complete()) {
            return ExitCode.AWS_FAILURE;
        }
        return result.items() > 0 ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
