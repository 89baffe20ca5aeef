package dev.agcinfra.audit.retained;

import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.batch.AuditError;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a {@code retained} run found.
 *
 * @param regions         every region asked for, with whether it is active ({@code null}: unknown, see errors)
 * @param findings        the findings, when collected ({@link RetainedAudit#scan}); empty when streamed to a writer
 * @param findingCount    how many findings there were
 * @param totalMonthlyUsd the monthly cost of every finding with a known price
 * @param removableMonthlyUsd the part of it that {@code cleanup} may remove (agc-owned, with a command)
 * @param errors          failed calls, in region order
 */
public record RetainedResult(List<RegionStatus> regions, List<Finding> findings, long findingCount,
        BigDecimal totalMonthlyUsd, BigDecimal removableMonthlyUsd, List<AuditError> errors) {

    public RetainedResult {
        regions = List.copyOf(regions);
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
    }

    /** 3 when any call failed (the report is partial), else 1 when a deactivated region has findings, else 0. */
    public int exitCode() {
        if (!errors.isEmpty()) {
            return ExitCode.AWS_FAILURE;
        }
        return findingCount > 0 ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
