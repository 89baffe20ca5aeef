package dev.agcinfra.app.account;

import java.io.PrintWriter;

/**
 * Prints, after a deactivation, what stays in the region and what it costs per month. The real report is the
 * audit's {@code retained} job ({@link AuditRetainedReporter}).
 */
@FunctionalInterface
public interface RetainedReporter {

    void report(AccountAws aws, String account, String region, PrintWriter out);
}
