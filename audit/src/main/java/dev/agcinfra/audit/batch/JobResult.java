package dev.agcinfra.audit.batch;

import java.util.List;

/**
 * What a job run did.
 *
 * @param items  items written
 * @param errors failed calls, in region order
 */
public record JobResult(long items, List<AuditError> errors) {

    public JobResult {
        errors = List.copyOf(errors);
    }

    /** Whether every call of every region succeeded. */
    public boolean complete() {
        return errors.isEmpty();
    }
}
