package dev.agcinfra.audit.cli;

import dev.agcinfra.audit.batch.ItemWriter;
import dev.agcinfra.audit.batch.JobResult;
import dev.agcinfra.audit.batch.JobRunner;
import dev.agcinfra.audit.estimate.StackLoader;
import dev.agcinfra.audit.provenance.Protection;
import dev.agcinfra.audit.security.Checked;
import dev.agcinfra.audit.security.Checkable;
import dev.agcinfra.audit.security.Drift;
import dev.agcinfra.audit.security.Finding;
import dev.agcinfra.audit.security.SecurityJob;
import dev.agcinfra.audit.security.SecurityReports;
import dev.agcinfra.audit.security.SecurityResult;
import dev.agcinfra.audit.security.Severity;
import dev.agcinfra.audit.security.SynthReader;
import dev.agcinfra.audit.security.SynthStack;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code agc-audit security}: AGC's infrastructure checked before deploy ({@code --synth}) and while it runs. */
@Command(name = "security",
        header = "Check AGC's infrastructure for security problems: synthesized stacks offline, or the account.",
        description = {
            "With --synth alone (no --regions, no --all-regions) it reads the synthesized stacks (cdktf.out, a stack "
                    + "directory or a cdk.tf.json) offline, like checkov on Terraform JSON: no AWS call. Otherwise it "
                    + "reads the regions of the account: AGC's VPCs (tagged, or created by agc-infra's Terraform "
                    + "state) with their subnets, endpoints and security groups, the results and state buckets, and "
                    + "the Agc table; with --synth DIR as well, it also compares what agc-infra created with the "
                    + "synthesized stacks of the region (drift).",
            "",
            "With --accounts or --org (live), every account's regions are checked through the role --role-name; "
                    + "each finding names its account, the table groups them by account, and --fail-on applies to "
                    + "all of them.",
            "",
            "Rules (severity): agc-sg-open-ingress (high), agc-sg-default-rules (medium), agc-sg-endpoints-https-only "
                    + "(medium), agc-s3-public-access-block (high), agc-s3-tls-only (high), agc-s3-encryption (high), "
                    + "agc-s3-object-ownership (low), agc-s3-state-versioning (high, live), agc-dynamodb-pitr (medium), "
                    + "agc-subnet-private-public-ip (high), agc-subnet-public-mode (info), agc-vpc-flow-logs (low), "
                    + "agc-endpoint-private-dns (medium), agc-drift-tags (low, live), agc-drift-attributes (medium, "
                    + "live with --synth). Each finding names the resource, the fix, and the equivalent checkov, "
                    + "trivy and AWS Config rules.",
        },
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:no finding reaches --fail-on",
            "1:a finding reaches --fail-on (default: high)",
            "2:invalid input",
            "3:AWS failure: credentials, or some regions or accounts failed (the report is partial)",
            "4:internal error"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ${ROOT-COMMAND-NAME} security --synth                                 # ./cdktf.out, offline",
            "  ${ROOT-COMMAND-NAME} security --synth cdktf.out --sarif agc.sarif     # for GitHub code scanning",
            "  ${ROOT-COMMAND-NAME} security --regions us-east-1,eu-west-1 --format json",
            "  ${ROOT-COMMAND-NAME} security --regions us-east-1 --synth cdktf.out    # live, with drift",
            "  ${ROOT-COMMAND-NAME} security --org --all-regions --sarif org.sarif",
        })
final class AuditSecurity extends AbstractJobCommand {

    @Option(names = "--synth", arity = "0..1", paramLabel = "DIR", fallbackValue = StackLoader.DEFAULT_PATH,
            description = "The synthesized stacks: a cdktf.out directory, a stack directory or a cdk.tf.json "
                    + "(without a value: ${FALLBACK-VALUE}). Alone, they are checked offline; with --regions or "
                    + "--all-regions, the live check compares agc-infra's resources with them.")
    Path synth;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
            description = "Exit 1 when a finding is this severe or more: info, low, medium, high, or none "
                    + "(default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--sarif", paramLabel = "FILE",
            description = "Also write the findings as SARIF 2.1.0 to FILE (for GitHub code scanning), whatever "
                    + "--format says.")
    Path sarif;

    @Option(names = "--settings", paramLabel = "FILE",
            description = "agc-infra's settings file (live): its stateBucket says where agc-infra's state is, for the "
                    + "state bucket rules and drift (default: AGC_CONFIG when set, else ./agc.yaml when it exists).")
    Path settings;

    /** Options that only mean something to the live check. */
    private static final List<String> LIVE_ONLY = List.of("--tag", "--profile", "--endpoint-url", "--settings",
            "--accounts", "--org", "--role-name", "--external-id");

    private Severity threshold;
    private List<SynthStack> stacks = List.of();
    private boolean offline;
    private Protection protection;
    private SecurityResult result;

    @Override
    void checkJobOptions() {
        if (!failOn.equalsIgnoreCase("none")) {
            threshold = Severity.parse(failOn);
            if (threshold == null) {
                throw new ParameterException(spec.commandLine(), "--fail-on must be info, low, medium, high or none, "
                        + "was '" + failOn + "'");
            }
        }
        if (sarif != null) {
            Path directory = sarif.toAbsolutePath().getParent();
            if (Files.isDirectory(sarif) || directory == null || !Files.isDirectory(directory)
                    || !Files.isWritable(directory)) {
                throw new ParameterException(spec.commandLine(), "cannot write --sarif " + sarif + ": "
                        + (Files.isDirectory(sarif) ? "it is a directory" : "no writable directory " + directory));
            }
        }
        offline = synth != null && scope.regions() == null && !scope.allRegions();
        if (offline) {
            for (String option : LIVE_ONLY) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw new ParameterException(spec.commandLine(), option + " is for the live check: --synth alone "
                            + "checks the synthesized stacks offline; add --regions (or --all-regions) to check the "
                            + "account");
                }
            }
        }
        if (synth != null && !offline && accounts().byAccount()) {
            throw new ParameterException(spec.commandLine(), "--synth with --accounts or --org: the synthesized "
                    + "stacks are one account's (its state bucket, its settings), so drift is checked one account at "
                    + "a time; leave --synth out to check the accounts, or run once per account with its credentials");
        }
        if (synth != null) {
            stacks = SynthReader.read(synth);
        }
    }

    @Override
    OptionalInt runOffline() throws IOException {
        if (!offline) {
            return OptionalInt.empty();
        }
        List<Finding> findings = stacks.stream().flatMap(stack -> stack.findings().stream()).toList();
        long resources = stacks.stream().mapToLong(stack -> stack.items().size()).sum();
        result = new SecurityResult(synth.toString(), stacks.stream().map(SynthStack::name).toList(), null,
                resources, findings, List.of(), threshold);
        output.write(spec.commandLine().getOut(), this::writeReports);
        return OptionalInt.of(result.exitCode());
    }

    @Override
    void prepare(Supplier<String> account, String region) {
        protection = Protection.forCommand(settings, region, account);
    }

    @Override
    JobResult execute(Run run) throws IOException {
        Map<String, String> stateBuckets = new LinkedHashMap<>();
        Map<String, Map<String, Checkable>> expected = new LinkedHashMap<>();
        for (SynthStack stack : stacks) {
            if (stack.region() != null && stack.stateBucket() != null) {
                stateBuckets.putIfAbsent(stack.region(), stack.stateBucket());
            }
            Map<String, Checkable> byAddress = new LinkedHashMap<>();
            stack.items().forEach(item -> byAddress.put(item.id(), item));
            expected.put(stack.name(), byAddress);
        }
        SecurityJob.Options options = new SecurityJob.Options(run.tag(), protection, stateBuckets,
                stacks.isEmpty() ? Drift.Expected.NONE : new Drift.Expected(expected));
        List<Finding> findings = new ArrayList<>();
        ItemWriter<Checked> collect = chunk -> chunk.forEach(checked -> findings.addAll(checked.findings()));
        JobResult job = new JobRunner(run.clients(), run.account(), run.parallelism(), run.progress())
                .runPartitions(SecurityJob.create(options), run.scope().partitions(), collect);
        JobResult all = new JobResult(job.items(), run.errors(job));
        result = new SecurityResult(null, run.regions(), run.tag().toString(), all.items(), findings, all.errors(),
                threshold, run.scope().accounts(), run.scope().byAccount());
        writeReports(run.report());
        return all;
    }

    /** The report in --format, and the SARIF file when asked. */
    private void writeReports(Writer report) throws IOException {
        SecurityReports.write(output.format, result, report);
        if (sarif != null) {
            try (Writer out = Files.newBufferedWriter(sarif, StandardCharsets.UTF_8)) {
                SecurityReports.sarif(result, out, VersionProvider.version());
            }
        }
    }

    /** 3 when a call failed, else 1 when a finding reaches --fail-on, else 0. */
    @Override
    int status(JobResult job) {
        return result.exitCode();
    }
}
