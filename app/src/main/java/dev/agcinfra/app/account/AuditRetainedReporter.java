package dev.agcinfra.app.account;

import dev.agcinfra.cli.ProblemLine;
import dev.agcinfra.aws.AwsClientFactory;
import dev.agcinfra.audit.provenance.Protection;
import dev.agcinfra.audit.retained.RetainedAudit;
import dev.agcinfra.audit.retained.RetainedOptions;
import dev.agcinfra.audit.retained.RetainedReports;
import dev.agcinfra.audit.retained.RetainedResult;
import dev.agcinfra.settings.Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * The audit's {@code retained} report ({@code agc-audit retained}, the same code) for the region just deactivated:
 * what stays (buckets, state bucket, log groups, orphans), what it costs per month, and how to remove what agc-infra
 * created. Ownership is proven as the audit proves it, from agc-infra's state history; the settings as they were
 * before deactivation (own VPC and buckets still named) only add protection, so nothing the user brought is ever
 * called agc's.
 */
public final class AuditRetainedReporter implements RetainedReporter {

    private final Settings settings;

    /** @param settings the settings as they were before deactivation */
    public AuditRetainedReporter(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void report(AccountAws aws, String account, String region, PrintWriter out) {
        // The command's own client factory: its credentials (profile, or injected), endpoint and region chain.
        AwsClientFactory clients = aws.environment().clients();
        try {
            RetainedOptions options = RetainedOptions.defaults().withProtection(Protection.from(settings));
            RetainedResult result = new RetainedAudit(clients, account, options).parallelism(1).scan(List.of(region));
            ProblemLine.println(out, "agc-infra: what deactivation kept in " + region + " (agc-audit retained):");
            RetainedReports.write(RetainedReports.table(out), result);
            out.flush();
        } catch (IOException | RuntimeException e) {
            ProblemLine.println(out, "agc-infra: warning: the retained report failed (" + e.getMessage() + "); run agc-audit "
                    + "retained --regions " + region + " for it");
        }
    }
}
