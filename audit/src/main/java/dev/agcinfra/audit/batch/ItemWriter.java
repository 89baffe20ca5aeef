package dev.agcinfra.audit.batch;

import java.io.IOException;
import java.util.List;

/**
 * Takes processed items a chunk at a time. Called from one thread only, in partition order.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface ItemWriter<T> {

    /** Writes one chunk; the list is not kept by the caller and may be kept by the writer. */
    void write(List<? extends T> chunk) throws IOException;
}
