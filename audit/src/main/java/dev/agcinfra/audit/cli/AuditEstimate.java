package dev.agcinfra.audit.cli;

import dev.agcinfra.audit.estimate.ComparisonReport;
import dev.agcinfra.audit.estimate.CostEstimator;
import dev.agcinfra.audit.estimate.EstimateFormat;
import dev.agcinfra.audit.estimate.LivePricing;
import dev.agcinfra.audit.estimate.PriceSource;
import dev.agcinfra.audit.estimate.PriceTable;
import dev.agcinfra.audit.estimate.StackInventory;
import dev.agcinfra.audit.estimate.StackLoader;
import dev.agcinfra.audit.estimate.UsageAssumptions;
import dev.agcinfra.audit.estimate.UsageAssumptions.Usage;
import dev.agcinfra.audit.estimate.UsageFile;
import dev.agcinfra.aws.AwsClientFactory;
import dev.agcinfra.cli.ExitCode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code agc-audit estimate [PATH]}: what the synthesized AGC infrastructure will cost per month, offline.
 *
 * <p>Reads Terraform JSON (CDKTF's {@code cdktf.out}, a stack directory, one {@code cdk.tf.json}, or hand-written
 * {@code *.tf.json}), prices what bills by the hour and prints a report. No AWS account is needed unless
 * {@code --pricing live}, which reads the AWS Price List API through the AWS options every verb takes
 * ({@code --profile}, {@code --endpoint-url}). Every option and input file is checked before that.
 */
@Command(
        name = "estimate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Estimate the monthly cost of synthesized AGC infrastructure, before it is deployed.",
        description = {
            "Prices what bills by the hour in synthesized Terraform JSON: NAT gateways, interface VPC endpoints "
                    + "(per AZ), Elastic IPs and NAT gateways' public IPv4 addresses; lists traffic-priced items "
                    + "with their unit price and gateway endpoints as free. A month is 730 hours. A price that is "
                    + "not known is reported as unknown, never guessed.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the estimate was printed",
            "2:invalid input (path, usage file, price file, option)",
            "3:--pricing live: the AWS Price List API could not be read",
            "4:internal error",
        },
        footer = {"%nExamples:",
            "  agc-audit estimate                          # ./cdktf.out",
            "  agc-audit estimate cdktf.out --nat-gb 500 --endpoint-gb 100",
            "  agc-audit estimate cdktf.out --compare --format markdown",
            "  agc-audit estimate cdktf.out/stacks/agc-core-us-east-1 --format json"})
public final class AuditEstimate extends AuditCommand {

    /** Where prices come from. */
    public enum Pricing {
        /** The table shipped in the jar, each figure with its source and date (optionally under --price-file). */
        EMBEDDED,
        /** The AWS Price List API (GetProducts, us-east-1 endpoint); needs AWS credentials. */
        LIVE
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", defaultValue = StackLoader.DEFAULT_PATH,
            description = "A cdktf.out directory, a stack directory, a cdk.tf.json or *.tf.json file, or a directory "
                    + "of *.tf.json files (default: ${DEFAULT-VALUE}).")
    Path path;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table, json, csv or markdown (a pull-request comment) (default: "
                    + "${DEFAULT-VALUE}).")
    EstimateFormat format;

    @Mixin
    OutputFile output;

    @Option(names = "--nat-gb", paramLabel = "GB",
            description = "GB per month processed by all NAT gateways of each stack (overrides the usage file's "
                    + "global natGb; a stack's own value there still wins).")
    BigDecimal natGb;

    @Option(names = "--endpoint-gb", paramLabel = "GB",
            description = "GB per month processed by all interface endpoints of each stack (as --nat-gb).")
    BigDecimal endpointGb;

    @Option(names = "--usage-file", paramLabel = "FILE",
            description = "YAML or JSON with natGb/endpointGb, globally and under stacks.<name> (see docs/estimate.md).")
    Path usageFile;

    @Option(names = "--compare",
            description = "Price each stack with a new VPC three ways side by side: private subnets (as "
                    + "synthesized), public subnets only, one shared NAT gateway.")
    boolean compare;

    @Option(names = "--pricing", paramLabel = "SOURCE", defaultValue = "embedded",
            description = "Where prices come from: embedded (the table in the jar) or live (the AWS Price List API; "
                    + "needs credentials; --profile and --endpoint-url apply) (default: ${DEFAULT-VALUE}).")
    Pricing pricing;

    @Option(names = "--price-file", paramLabel = "FILE",
            description = "A JSON price table (the embedded table's format) whose figures override or extend it.")
    Path priceFile;

    private List<StackInventory> stacks;
    private UsageAssumptions usage;
    private PriceTable embedded;

    /** Checks the options, the output file and reads every input file: no AWS call, nothing written. */
    @Override
    protected void checkOptions() {
        if (natGb != null && natGb.signum() < 0 || endpointGb != null && endpointGb.signum() < 0) {
            throw new ParameterException(spec.commandLine(), "--nat-gb and --endpoint-gb must be 0 or more GB per "
                    + "month");
        }
        if (pricing == Pricing.LIVE && priceFile != null) {
            throw new ParameterException(spec.commandLine(), "--price-file applies to the embedded table; do not "
                    + "combine it with --pricing live");
        }
        output.check(spec.commandLine());
        stacks = StackLoader.load(path);
        usage = (usageFile == null ? UsageAssumptions.NONE : UsageFile.read(usageFile))
                .withGlobal(new Usage(natGb, endpointGb));
        if (pricing == Pricing.EMBEDDED) {
            PriceTable table = PriceTable.embedded();
            embedded = priceFile == null ? table : table.overriddenBy(PriceTable.fromFile(priceFile));
        }
    }

    @Override
    protected int run(AwsClientFactory clients) {
        PriceSource prices = pricing == Pricing.LIVE ? LivePricing.source(clients, stacks) : embedded;
        output.write(spec.commandLine().getOut(), report -> {
            PrintWriter out = new PrintWriter(report);
            if (compare) {
                format.write(ComparisonReport.compare(stacks, prices, usage), out);
            } else {
                format.write(new CostEstimator(prices, usage).estimate(stacks), out);
            }
            out.flush();
            if (out.checkError()) {
                throw new java.io.IOException("the write failed");
            }
        });
        return ExitCode.OK;
    }
}
