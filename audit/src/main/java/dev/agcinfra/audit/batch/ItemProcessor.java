package dev.agcinfra.audit.batch;

/**
 * Turns one item read into one item to write: a pure function with no AWS call, tested with plain objects.
 *
 * @param <I> what the reader gives
 * @param <O> what the writer takes
 */
@FunctionalInterface
public interface ItemProcessor<I, O> {

    /** The output item, or {@code null} to leave the item out (as in Jakarta Batch). */
    O process(I item);
}
