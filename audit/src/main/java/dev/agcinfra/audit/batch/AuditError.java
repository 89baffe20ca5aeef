package dev.agcinfra.audit.batch;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.agcinfra.cli.ProblemLine;
import java.io.PrintWriter;
import java.util.List;

/**
 * One failed AWS call, reported on one line; the other regions go on.
 *
 * @param region    e.g. {@code ap-east-1}
 * @param service   e.g. {@code tagging}, {@code ec2}, {@code logs}, {@code s3}
 * @param operation e.g. {@code GetResources}
 * @param code      the AWS error code (e.g. {@code AccessDeniedException}), or {@code Timeout} / {@code ClientError}
 * @param message   AWS's message, on one line
 */
@JsonPropertyOrder({"region", "service", "operation", "code", "message"})
public record AuditError(String region, String service, String operation, String code, String message) {

    /** {@code region service operation code: message}, as printed on stderr and in tables. */
    public String toLine() {
        return region + " " + service + " " + operation + " " + code + ": " + message;
    }

    /** After a job: one line per error on stderr, then how many of the regions failed (the report is partial). */
    public static void printAll(PrintWriter err, List<AuditError> errors, int regionCount) {
        for (AuditError error : errors) {
            err.println("agc-audit: " + ProblemLine.escape(error.toLine()));
        }
        if (!errors.isEmpty()) {
            long failedRegions = errors.stream().map(AuditError::region).distinct().count();
            err.println("agc-audit: " + failedRegions + " of " + regionCount + " regions had errors; the report is partial");
        }
    }
}
