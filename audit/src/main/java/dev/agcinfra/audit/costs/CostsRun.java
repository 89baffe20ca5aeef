package dev.agcinfra.audit.costs;

import dev.agcinfra.audit.TagFilter;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;

/**
 * Runs the {@code costs} job: the regions as partitions of the batch runner, Cost Explorer once beside them (it is
 * global), then prices, joins and writes the report.
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
     * @param result items read, and every error (the regions' and Cost Explorer's)
     */
    public record Outcome(CostsReport report, JobResult result) {
    }

    private CostsRun() {
    }

    /** Runs the job and writes the report to {@code out}. */
    public static Outcome run(AwsClientFactory clients, String account, int parallelism, Progress progress,
            Options options, Writer out) throws IOException {
        BillingPeriods periods = BillingPeriods.of(options.clock());
        ExecutorService costExplorerThread = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "agc-audit-costs-ce");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<CostExplorerReader.Result> actuals = options.actuals()
                    ? CompletableFuture.supplyAsync(() -> readActuals(clients, options, periods), costExplorerThread)
                    : CompletableFuture.completedFuture(null);
            InventoryWriter inventories = new InventoryWriter(options.regions());
            JobResult result = new JobRunner(clients, account, parallelism, progress)
                    .run(CostsJob.create(options.tag(), options.clock()), options.regions(), inventories);
            CostsReport report = CostsReport.build(options.tag(), inventories.inventories(), options.prices(),
                    join(actuals), options.budgetUsd(), result.errors(), Advisor.defaults(), periods);
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

    private static CostExplorerReader.Result readActuals(AwsClientFactory clients, Options options,
            BillingPeriods periods) {
        String region = CostExplorerReader.callRegion(options.regions().get(0));
        try (CostExplorerClient ce = clients.build(CostExplorerClient.builder(), region)) {
            return new CostExplorerReader(ce, region).read(options.tag(), periods);
        }
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
