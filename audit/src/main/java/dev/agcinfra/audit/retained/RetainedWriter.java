package dev.agcinfra.audit.retained;

import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.batch.ItemWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Receives a {@code retained} report: the regions' status, then the findings chunk by chunk (in region order, each
 * region's orphans first), then the total and the errors.
 */
public interface RetainedWriter extends ItemWriter<Finding> {

    /** Before the first finding: which regions are active. */
    void begin(List<RegionStatus> regions) throws IOException;

    /** After the last finding: the monthly total of every finding and the failed calls. Flushes, never closes. */
    void end(BigDecimal totalMonthlyUsd, List<AuditError> errors) throws IOException;
}
