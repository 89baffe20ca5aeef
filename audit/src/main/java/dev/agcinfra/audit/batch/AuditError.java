package dev.agcinfra.audit.batch;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.agcinfra.cli.ProblemLine;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;

/**
 * One failed AWS call, reported on one line; the other regions and accounts go on.
 *
 * @param account   the account whose call failed, e.g. {@code 123456789012}
 * @param region    e.g. {@code ap-east-1}; {@code null} when the whole account could not be read (its role could not
 *                  be assumed): none of its regions was
 * @param service   e.g. {@code tagging}, {@code ec2}, {@code logs}, {@code s3}, {@code sts}
 * @param operation e.g. {@code GetResources}, {@code AssumeRole}
 * @param code      the AWS error code (e.g. {@code AccessDeniedException}), or {@code Timeout} / {@code ClientError}
 * @param message   AWS's message, on one line
 */
@JsonPropertyOrder({"region", "service", "operation", "code", "message", "account"})
public record AuditError(String account, String region, String service, String operation, String code,
        String message) {

    public AuditError {
        Objects.requireNonNull(account, "account must be non-null");
    }

    /** Whether the error stopped every region of its account from being read. */
    public boolean accountWide() {
        return region == null;
    }

    /** {@code region service operation code: message}, as printed on stderr and in tables of one account. */
    public String toLine() {
        return toLine(false);
    }

    /**
     * The line, naming the account first when {@code withAccount} (reports of several accounts):
     * {@code 111111111111 eu-west-1 ec2 DescribeNatGateways AuthFailure: ...}; an account-wide error always names it:
     * {@code account 111111111111: sts AssumeRole AccessDenied: ...}.
     */
    public String toLine(boolean withAccount) {
        String where = accountWide() ? "account " + account + ":" : withAccount ? account + " " + region : region;
        return where + " " + service + " " + operation + " " + code + ": " + message;
    }

    /** After a job over one account: one line per error on stderr, then how many of the regions failed. */
    public static void printAll(PrintWriter err, List<AuditError> errors, int regionCount) {
        printAll(err, errors, regionCount, 1, false);
    }

    /**
     * After a job: one line per error on stderr, then how many regions (one account) or accounts (several) failed,
     * and that the report is partial.
     *
     * @param partitions the regions read (of every account)
     * @param accounts   the accounts asked for
     * @param byAccount  whether the report is of several accounts ({@code --accounts}, {@code --org})
     */
    public static void printAll(PrintWriter err, List<AuditError> errors, int partitions, int accounts,
            boolean byAccount) {
        for (AuditError error : errors) {
            err.println("agc-audit: " + ProblemLine.escape(error.toLine(byAccount)));
        }
        if (errors.isEmpty()) {
            return;
        }
        if (!byAccount) {
            long failedRegions = errors.stream().map(AuditError::region).distinct().count();
            err.println("agc-audit: " + failedRegions + " of " + partitions + " regions had errors; the report is partial");
            return;
        }
        long unread = errors.stream().filter(AuditError::accountWide).map(AuditError::account).distinct().count();
        long failedAccounts = errors.stream().map(AuditError::account).distinct().count();
        err.println("agc-audit: " + failedAccounts + " of " + accounts + " accounts had errors (" + unread
                + " not read at all, " + (failedAccounts - unread) + " in some regions); the report is partial");
    }
}
