package dev.agcinfra.app.account;

import java.io.PrintWriter;

/**
 * Prints, after a deactivation, what stays in the region and what it costs per month. The real report is the
 * audit's {@code retained} job ({@code dev.agcinfra.audit.retained}); see docs/account.md for its status here.
 */
@FunctionalInterface
public interface RetainedReporter {

    void report(AccountAws aws, String account, String region, PrintWriter out);

    /** Until the audit's retained API is available to the app: say what is kept, and how to price it. */
    static RetainedReporter pointer() {
        return (aws, account, region, out) -> {
            out.println("agc-infra: kept in " + region + ": agc-data-" + region + " (the results bucket and its objects), "
                    + "the Terraform state bucket, CloudWatch logs, and any VPC or bucket you brought");
            out.println("agc-infra: for what they cost per month, run: agc-audit retained --region " + region);
        };
    }
}
