package dev.agcinfra.audit.costs;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.accounts.AuditScope;
import dev.agcinfra.audit.accounts.Organization;
import dev.agcinfra.aws.AwsErrors;
import dev.agcinfra.aws.AwsClientFactory;
import dev.agcinfra.audit.batch.JobResult;
import dev.agcinfra.audit.batch.JobRunner;
import dev.agcinfra.audit.batch.Progress;
import dev.agcinfra.audit.estimate.PriceSource;
import dev.agcinfra.audit.report.Format;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * Runs the {@code costs} job: each region of each account as a partition of the batch runner, Cost Explorer once
 * beside them (it is global: with several accounts, once in the caller's account, grouped by linked account), then
 * prices, joins and writes the report.
 */
public final class CostsRun {

    /**
     * What to run.
     *
     * @param tag       the tag that selects resources and costs
     * @param regions   the audited regions, in report order
     * @param prices    the price table
     * @param budgetUsd {@code --budget}, or {@code null}
     * @param actuals   whether to read Cost Explorer (each request costs USD 0.01)
     * @param clock     today, for the billing periods and the traffic window
     * @param format    the report's format
     */
    public record Options(TagFilter tag, List<String> regions, PriceSource prices, BigDecimal budgetUsd,
                          boolean actuals, Clock clock, Format format) {
        public Options {
            Objects.requireNonNull(tag, "tag must be non-null");
            regions = List.copyOf(regions);
            Objects.requireNonNull(prices, "prices must be non-null");
            Objects.requireNonNull(clock, "clock must be non-null");
            Objects.requireNonNull(format, "format must be non-null");
        }
    }

    /**
     * What the run gave.
     *
     * @param report the report written
     * @param result items read, and every error (the accounts', the regions' and Cost Explorer's)
     */
    public record Outcome(CostsReport report, JobResult result) {
    }

    private CostsRun() {
    }

    /** Runs the job over the caller's account and writes the report to {@code out}. */
    public static Outcome run(AwsClientFactory clients, String account, int parallelism, Progress progress,
            Options options, Writer out) throws IOException {
        return run(clients, account, AuditScope.caller(account, options.regions()), false, parallelism, progress,
                options, out);
    }

    /**
     * Runs the job over the scope's accounts and regions and writes the report to {@code out}.
     *
     * @param account      the caller's account, whose Cost Explorer is read
     * @param organization whether the scope is the caller's whole organization ({@code --org}): then the management
     *                     account's actuals cover every account of it without asking Organizations which are members
     */
    public static Outcome run(AwsClientFactory clients, String account, AuditScope scope, boolean organization,
            int parallelism, Progress progress, Options options, Writer out) throws IOException {
        BillingPeriods periods = BillingPeriods.of(options.clock());
        String firstRegion = options.regions().isEmpty() ? "us-east-1" : options.regions().get(0);
        ExecutorService costExplorerThread = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "agc-audit-costs-ce");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<CostExplorerReader.Result> actuals = options.actuals()
                    ? CompletableFuture.supplyAsync(() -> readActuals(clients, account, scope, organization,
                            firstRegion, options, periods), costExplorerThread)
                    : CompletableFuture.completedFuture(null);
            InventoryWriter inventories = new InventoryWriter(scope.partitions());
            JobResult result = new JobRunner(clients, account, parallelism, progress)
                    .runPartitions(CostsJob.create(options.tag(), options.clock()), scope.partitions(), inventories);
            CostsReport report = CostsReport.build(options.tag(), inventories.inventories(), options.prices(),
                    join(actuals), options.budgetUsd(), scope.errors(result.errors()), Advisor.defaults(), periods,
                    scope.accounts(), scope.byAccount());
            switch (options.format()) {
                case JSON -> CostsJsonWriter.write(report, out);
                case CSV -> CostsCsvWriter.write(report, out);
                case TABLE -> CostsTableWriter.write(report, out);
            }
            return new Outcome(report, new JobResult(result.items(), report.errors()));
        } finally {
            costExplorerThread.shutdownNow();
        }
    }

    private static CostExplorerReader.Result readActuals(AwsClientFactory clients, String account, AuditScope scope,
            boolean organization, String firstRegion, Options options, BillingPeriods periods) {
        String region = CostExplorerReader.callRegion(firstRegion);
        try (CostExplorerClient ce = clients.build(CostExplorerClient.builder(), region)) {
            CostExplorerReader reader = new CostExplorerReader(ce, region, account);
            if (!scope.byAccount()) {
                return reader.read(options.tag(), periods);
            }
            CostExplorerReader.Result read = reader.readByAccount(options.tag(), periods);
            return read.byAccount() == null ? read : covered(clients, account, scope, organization, firstRegion, read);
        }
    }

    /**
     * Which accounts the caller's Cost Explorer covers: every account of its organization when the caller is the
     * organization's management account (the payer sees its members' costs), else only the caller's own; with a
     * warning naming the accounts asked for that it does not cover.
     */
    static CostExplorerReader.Result covered(AwsClientFactory clients, String caller, AuditScope scope,
            boolean organization, String firstRegion, CostExplorerReader.Result read) {
        List<String> asked = scope.accountIds();
        String region = Organization.callRegion(firstRegion);
        Set<String> visible = Set.of(caller);
        String why;
        try (OrganizationsClient client = clients.build(OrganizationsClient.builder(), region)) {
            Organization org = new Organization(client);
            Optional<String> management = org.managementAccount();
            if (management.isPresent() && management.get().equals(caller)) {
                visible = organization ? Set.copyOf(asked)
                        : org.accounts().stream().map(Organization.Member::id).collect(Collectors.toSet());
                why = "they are not in the organization of " + caller + ", whose Cost Explorer was read: their "
                        + "costs are their own payer's";
            } else {
                why = "Cost Explorer was read in " + caller + ", which is not its organization's management account ("
                        + management.map(m -> "that is " + m).orElse("it belongs to none")
                        + ") and sees its own costs only; run costs with the management account's credentials "
                        + "for the others";
            }
        } catch (SdkException e) {
            why = "cannot tell whether " + caller + " is its organization's management account (" + region + " "
                    + Organization.SERVICE + " DescribeOrganization/ListAccounts " + AwsErrors.code(e) + ": "
                    + AwsErrors.message(e) + "), so its Cost Explorer is taken to show its own costs only";
        }
        Set<String> members = visible;
        List<String> covers = asked.stream().filter(members::contains).toList();
        List<String> uncovered = asked.stream().filter(id -> !members.contains(id)).toList();
        List<String> warnings = uncovered.isEmpty() ? List.of() : List.of("no actual costs for account"
                + (uncovered.size() == 1 ? " " : "s ") + String.join(", ", uncovered) + ": " + why);
        return read.covering(covers, warnings);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
