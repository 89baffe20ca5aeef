package dev.agcinfra.audit.cli;

import dev.agcinfra.audit.batch.JobResult;
import dev.agcinfra.audit.batch.JobRunner;
import dev.agcinfra.audit.resources.DeduplicatingWriter;
import dev.agcinfra.audit.resources.ResourceReport;
import dev.agcinfra.audit.resources.ResourcesJob;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agc-audit resources}: everything that carries the tag, per region. */
@Command(name = "resources",
        header = "List every resource that carries the tag, per region.",
        description = {
            "Reads the Resource Groups Tagging API (every page) and, because it can miss them, EC2 NAT gateways, "
                    + "VPC endpoints and Elastic IPs with a tag filter, and CloudWatch log groups under AGC's name "
                    + "prefixes. Each resource is listed once, in its own region (a bucket's from "
                    + "GetBucketLocation).",
            "",
            "A region that fails (access denied, not enabled, throttled beyond the retries, no answer in time) is "
                    + "reported on stderr and in the report; the other regions complete, and the exit code is 3.",
            "",
            "With --accounts or --org, every account is read the same way through the role --role-name assumed in "
                    + "it; each resource names its account, and the table groups them by account. An account whose "
                    + "role cannot be assumed is one error; the others complete, and the exit code is 3.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ${ROOT-COMMAND-NAME} resources --regions us-east-1,eu-west-1 --format json",
            "  ${ROOT-COMMAND-NAME} resources --all-regions --format csv --output agc.csv",
            "  ${ROOT-COMMAND-NAME} resources --org --regions us-east-1,eu-west-1 --format json",
            "  ${ROOT-COMMAND-NAME} resources --accounts 111111111111,222222222222 --role-name AgcAudit",
        })
final class AuditResources extends AbstractJobCommand {

    @Option(names = "--log-group-prefix", paramLabel = "PREFIX",
            description = "Log group name prefix that marks AGC's log groups, tagged or not; repeatable "
                    + "(default: /aws/lambda/Agc- and Agc-).")
    List<String> logGroupPrefixes = new ArrayList<>();

    @Override
    JobResult execute(Run run) throws IOException {
        List<String> prefixes = logGroupPrefixes.isEmpty() ? ResourcesJob.DEFAULT_LOG_GROUP_PREFIXES : logGroupPrefixes;
        DeduplicatingWriter writer = ResourceReport.writer(output.format, run.report(), run.tag(), run.scope());
        JobRunner runner = new JobRunner(run.clients(), run.account(), run.parallelism(), run.progress());
        long start = System.nanoTime();
        writer.begin();
        JobResult job = runner.runPartitions(ResourcesJob.create(run.tag(), run.regions(), prefixes),
                run.scope().partitions(), writer);
        JobResult result = new JobResult(job.items(), run.errors(job));
        writer.end(result.errors());
        if (run.verbose()) {
            run.err().printf("agc-audit: resources: %d resources (%d duplicates dropped) in %d regions%s, %d ms%n",
                    result.items() - writer.duplicates(), writer.duplicates(), run.regions().size(),
                    run.scope().byAccount() ? " of " + run.scope().accounts().size() + " accounts" : "",
                    (System.nanoTime() - start) / 1_000_000);
        }
        return result;
    }
}
