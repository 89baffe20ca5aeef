package dev.agcinfra.audit.retained;

import dev.agcinfra.audit.report.Money;
import dev.agcinfra.audit.accounts.AuditScope;
import dev.agcinfra.audit.batch.Partition;
import dev.agcinfra.aws.AwsClientFactory;
import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.batch.JobResult;
import dev.agcinfra.audit.batch.JobRunner;
import dev.agcinfra.audit.batch.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code retained} audit as a library, without picocli: what is left, and still billing, in deactivated regions.
 *
 * <pre>{@code
 * try (AwsClientFactory clients = new AwsClientFactory(AwsSettings.defaults())) {
 *     RetainedAudit audit = new RetainedAudit(clients, account, RetainedOptions.defaults().withUser(user));
 *     RetainedResult result = audit.scan(List.of("eu-west-1"));       // collected
 *     RetainedReports.table(out).write(result);                          // or audit.run(regions, writer): streamed
 * }
 * }</pre>
 *
 * <p>First every region's activity is read (SSM {@code /agc/_common/vpc}, in parallel); an active region reports
 * nothing. Then the deactivated regions are read in parallel, as partitions of the batch runner, and the findings
 * are handed to the writer region by region. A failed call ends that step of that region only.
 */
public final class RetainedAudit {

    /** Regions read at the same time unless {@link #parallelism(int)} says otherwise. */
    public static final int DEFAULT_PARALLELISM = 20;

    private final AwsClientFactory clients;
    private final String account;
    private final RetainedOptions options;
    private int parallelism = DEFAULT_PARALLELISM;
    private Progress progress = Progress.none();

    /**
     * @param clients builds each region's clients (region, profile, endpoint, timeouts, retries)
     * @param account the account id (STS), for bucket names and ARNs
     * @param options the tag, what the user brought, the listing limit, log group prefixes, the prices
     */
    public RetainedAudit(AwsClientFactory clients, String account, RetainedOptions options) {
        this.clients = Objects.requireNonNull(clients, "clients must be non-null");
        this.account = Objects.requireNonNull(account, "account must be non-null");
        this.options = Objects.requireNonNull(options, "options must be non-null");
    }

    /** Regions read at the same time (default 20). */
    public RetainedAudit parallelism(int regionsAtOnce) {
        if (regionsAtOnce < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + regionsAtOnce);
        }
        this.parallelism = regionsAtOnce;
        return this;
    }

    /** Told of each deactivated region done and of the items read. */
    public RetainedAudit progress(Progress newProgress) {
        this.progress = Objects.requireNonNull(newProgress, "progress must be non-null");
        return this;
    }

    public RetainedOptions options() {
        return options;
    }

    /** Every finding of {@code regions}, collected (for a few regions, e.g. one just deactivated). */
    public RetainedResult scan(List<String> regions) {
        List<Finding> findings = new ArrayList<>();
        try {
            RetainedResult result = run(regions, new RetainedWriter() {
                @Override
                public void begin(List<RegionStatus> statuses) {
                }

                @Override
                public void write(List<? extends Finding> chunk) {
                    findings.addAll(chunk);
                }

                @Override
                public void end(BigDecimal total, List<AuditError> errors) {
                }
            });
            return new RetainedResult(result.regions(), findings, result.findingCount(), result.totalMonthlyUsd(),
                    result.removableMonthlyUsd(), result.errors());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the audit, streaming the findings to {@code writer}; the result carries no findings, only counts. */
    public RetainedResult run(List<String> regions, RetainedWriter writer) throws IOException {
        return run(AuditScope.caller(account, regions), writer);
    }

    /**
     * Runs the audit over the scope's accounts and regions, streaming the findings to {@code writer} account by
     * account; the result carries no findings, only counts, and every error (the accounts' that could not be read
     * first). With several accounts, each cleanup command first checks that it runs with its account's credentials.
     */
    public RetainedResult run(AuditScope scope, RetainedWriter writer) throws IOException {
        List<RegionStatus> statuses = new ArrayList<>();
        JobResult activity = new JobRunner(clients, account, parallelism, Progress.none())
                .runPartitions(RetainedJob.activity(), scope.partitions(), chunk -> statuses.addAll(chunk));
        Map<String, RegionStatus> byPartition = new HashMap<>();
        statuses.forEach(status -> byPartition.put(status.account() + " " + status.region(), status));
        List<RegionStatus> ordered = scope.partitions().stream()
                .map(p -> byPartition.getOrDefault(p.account().id() + " " + p.region(),
                        new RegionStatus(p.region(), null, null, p.account().id())))
                .toList();
        List<Partition> deactivated = scope.partitions().stream()
                .filter(p -> byPartition.containsKey(p.account().id() + " " + p.region())
                        && byPartition.get(p.account().id() + " " + p.region()).deactivated())
                .toList();
        writer.begin(ordered);
        BigDecimal[] totals = {BigDecimal.ZERO, BigDecimal.ZERO};
        long[] count = {0};
        List<AuditError> errors = new ArrayList<>(activity.errors());
        if (!deactivated.isEmpty()) {
            JobResult findings = new JobRunner(clients, account, parallelism, progress)
                    .runPartitions(RetainedJob.findings(options), deactivated, chunk -> {
                        List<Finding> written = new ArrayList<>(chunk.size());
                        for (Finding finding : chunk) {
                            count[0]++;
                            totals[0] = totals[0].add(finding.monthlyUsdOrZero());
                            if (finding.removable()) {
                                totals[1] = totals[1].add(finding.monthlyUsdOrZero());
                            }
                            written.add(scope.byAccount() && finding.cleanup() != null ? finding.withCleanup(
                                    CleanupCommands.inAccount(finding.account(), finding.cleanup())) : finding);
                        }
                        writer.write(written);
                    });
            errors.addAll(findings.errors());
        }
        List<String> order = scope.partitions().stream().map(p -> p.account().id() + " " + p.region()).toList();
        errors.sort(Comparator.comparingInt(error -> order.indexOf(error.account() + " " + error.region())));
        errors = scope.errors(errors);
        BigDecimal total = Money.toHundredthOfCent(totals[0]);
        writer.end(total, errors);
        return new RetainedResult(ordered, List.of(), count[0], total,
                Money.toHundredthOfCent(totals[1]), errors);
    }
}
