package dev.agcinfra.audit.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * Joins chunks produced by parallel partitions into one stream, partition after partition, in partition order.
 *
 * <p>Each partition has a bounded queue of chunks: a partition ahead of the writer fills its queue and then waits,
 * so memory holds at most {@code started-and-unwritten partitions x capacity} chunks, and the output order does not
 * depend on timing. Partitions must be started in order (a FIFO pool does that), so the one being drained is always
 * running.
 *
 * @param <T> the item type
 */
final class OrderedMerge<T> {

    private static final Object END = new Object();

    private final List<BlockingQueue<Object>> queues;

    OrderedMerge(int partitions, int capacity) {
        queues = new ArrayList<>(partitions);
        for (int i = 0; i < partitions; i++) {
            queues.add(new ArrayBlockingQueue<>(capacity));
        }
    }

    /** Hands a chunk of partition {@code index} on, waiting while that partition's queue is full. */
    void put(int index, List<T> chunk) {
        try {
            queues.get(index).put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled while handing on a chunk");
        }
    }

    /** Marks partition {@code index} finished; call it exactly once, also on failure. */
    void end(int index) {
        try {
            queues.get(index).put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Passes every chunk to the writer, partition 0 first, returning when every partition has ended. */
    void drainTo(ItemWriter<T> writer) throws IOException, InterruptedException {
        drainTo(writer, index -> { });
    }

    /**
     * Passes every chunk to the writer, partition 0 first, telling {@code ended} of each partition written in full;
     * returns when every partition has ended.
     */
    @SuppressWarnings("unchecked")
    void drainTo(ItemWriter<T> writer, java.util.function.IntConsumer ended) throws IOException, InterruptedException {
        for (int i = 0; i < queues.size(); i++) {
            BlockingQueue<Object> queue = queues.get(i);
            for (Object next = queue.take(); next != END; next = queue.take()) {
                writer.write((List<T>) next);
            }
            ended.accept(i);
        }
    }
}
