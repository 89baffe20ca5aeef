package dev.agcinfra.audit.cli;

import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.accounts.AccountSelection;
import dev.agcinfra.audit.batch.JobResult;
import dev.agcinfra.audit.costs.CostsRun;
import dev.agcinfra.audit.costs.CostsRun.Options;
import dev.agcinfra.audit.estimate.PriceSource;
import dev.agcinfra.audit.estimate.PriceTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code agc-audit costs}: the run rate of what bills by the hour, and what it actually cost (Cost Explorer). */
@Command(name = "costs",
        header = "Estimate the monthly run rate of tagged NAT gateways, interface endpoints and public IPv4 "
                + "addresses, and show their actual cost.",
        description = {
            "Per region, reads the NAT gateways (available), interface endpoints and their network interfaces, and "
                    + "Elastic IPs that carry the tag, and prices them with agc-audit estimate's price table into "
                    + "an estimated monthly run rate (an item without a sourced price is reported as unknown, never "
                    + "as $0). CloudWatch gives each NAT gateway's traffic over the last 14 days.",
            "",
            "Cost Explorer (global, called once; USD 0.01 per request) gives the actual cost of last month and of "
                    + "this month so far, filtered by the tag and grouped by service and usage type, attributed to "
                    + "regions by the usage type's prefix. When the tag is not an active cost allocation tag, a "
                    + "warning says so: actuals then undercount.",
            "",
            "With --budget, the exit code is 1 when the estimated monthly total exceeds it (for CI and cron).",
            "",
            "With --accounts or --org, every account's regions are read through the role --role-name, and totalled "
                    + "per account and overall (--budget applies to the overall total). Cost Explorer is still read "
                    + "once, in the caller's account, grouped by linked account: the management account's covers "
                    + "every account of its organization; any other account's covers only itself, and the report "
                    + "says which accounts have actuals.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ${ROOT-COMMAND-NAME} costs --regions us-east-1,eu-west-1",
            "  ${ROOT-COMMAND-NAME} costs --all-regions --format json --budget 500",
            "  ${ROOT-COMMAND-NAME} costs --org --regions us-east-1,eu-west-1",
        })
final class AuditCosts extends AbstractJobCommand {

    private BigDecimal budget;

    @Option(names = "--price-file", paramLabel = "FILE",
            description = "Prices that override the embedded table (agc-audit estimate's format).")
    Path priceFile;

    @Option(names = "--no-actuals", description = "Do not read Cost Explorer (which costs USD 0.01 per request).")
    boolean noActuals;

    @Option(names = "--today", hidden = true, paramLabel = "YYYY-MM-DD",
            description = "The day the billing periods and traffic window end on (default: today in UTC).")
    LocalDate today;

    private boolean overBudget;

    @Option(names = "--budget", paramLabel = "USD",
            description = "Exit 1 when the estimated monthly total exceeds USD (e.g. 300).")
    void setBudget(BigDecimal value) {
        if (value.signum() < 0) {
            throw new ParameterException(spec.commandLine(), "--budget must not be negative, was " + value);
        }
        budget = value;
    }

    @Override
    JobResult execute(Run run) throws IOException {
        PriceTable table = PriceTable.embedded();
        PriceSource prices = priceFile == null ? table : table.overriddenBy(PriceTable.fromFile(priceFile));
        Clock clock = today == null ? Clock.systemUTC()
                : Clock.fixed(today.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        long start = System.nanoTime();
        CostsRun.Outcome outcome = CostsRun.run(run.clients(), run.account(), run.scope(),
                accounts().mode() == AccountSelection.Mode.ORGANIZATION, run.parallelism(), run.progress(),
                new Options(run.tag(), run.regions(), prices, budget, !noActuals, clock, output.format), run.report());
        overBudget = outcome.report().overBudget();
        outcome.report().warnings().forEach(w -> run.err().println("agc-audit: warning: " + w));
        if (run.verbose()) {
            run.err().printf("agc-audit: costs: %d items in %d regions, %d ms%n", outcome.result().items(),
                    run.regions().size(), (System.nanoTime() - start) / 1_000_000);
        }
        return outcome.result();
    }

    /** 3 when a call failed, else 1 when over budget, else 0. */
    @Override
    int status(JobResult result) {
        if (!result.complete()) {
            return ExitCode.AWS_FAILURE;
        }
        return overBudget ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
