package dev.agcinfra.audit.report;

import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.batch.ItemWriter;
import java.io.IOException;
import java.util.List;

/**
 * A whole report: a beginning, the items chunk by chunk (from one thread, in region order), and an end with the
 * errors. Streaming writers keep nothing between chunks; a writer that must see everything says so.
 *
 * @param <T> the item type
 */
public interface ReportWriter<T> extends ItemWriter<T> {

    /** Before the first chunk. */
    void begin() throws IOException;

    /** After the last chunk: writes the errors and flushes. Does not close the underlying stream. */
    void end(List<AuditError> errors) throws IOException;
}
