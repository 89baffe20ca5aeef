package dev.agcinfra.audit.batch;

import dev.agcinfra.aws.AwsCall.AwsCallException;
import dev.agcinfra.aws.AwsClientFactory;
import dev.agcinfra.aws.AwsErrors;
import dev.agcinfra.audit.aws.RegionClients;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs a job: one partition per region on a bounded pool, each running the job's steps in order, their chunks
 * joined in region order into one writer on the calling thread.
 *
 * <p>A failed AWS call ends its step, is recorded as an {@link AuditError}, and the region goes on with its next
 * step; after a region-wide failure (no connection, timeout, credentials not valid in that region) the region's
 * remaining steps are skipped. Other regions are never stopped. Anything else (a bug) fails the run after every
 * partition has ended.
 */
public final class JobRunner {

    /** Items per chunk handed from a partition to the writer. */
    public static final int DEFAULT_CHUNK_SIZE = 100;
    /** Chunks a partition may have waiting for the writer before it pauses. */
    public static final int DEFAULT_QUEUE_CHUNKS = 8;

    private final AwsClientFactory clients;
    private final String account;
    private final int parallelism;
    private final Progress progress;
    private final int chunkSize;

    /**
     * @param clients     builds each region's clients
     * @param account     the account id, for the processors' ARNs
     * @param parallelism regions read at the same time
     * @param progress    told of each region and chunk
     */
    public JobRunner(AwsClientFactory clients, String account, int parallelism, Progress progress) {
        this(clients, account, parallelism, progress, DEFAULT_CHUNK_SIZE);
    }

    JobRunner(AwsClientFactory clients, String account, int parallelism, Progress progress, int chunkSize) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.clients = clients;
        this.account = Objects.requireNonNull(account, "account must be non-null");
        this.parallelism = parallelism;
        this.progress = progress;
        this.chunkSize = chunkSize;
    }

    /**
     * Runs every step of {@code job} for every region, writing to {@code writer} in region order.
     *
     * @return items written and the errors, in region order
     * @throws IOException when the writer fails (the partitions are then cancelled)
     */
    public <O> JobResult run(Job<O> job, List<String> regions, ItemWriter<O> writer) throws IOException {
        return run(job, regions, writer, region -> new RegionClients(clients, region));
    }

    <O> JobResult run(Job<O> job, List<String> regions, ItemWriter<O> writer,
            Function<String, RegionClients> regionClients) throws IOException {
        OrderedMerge<O> merge = new OrderedMerge<>(regions.size(), DEFAULT_QUEUE_CHUNKS);
        ConcurrentLinkedQueue<AuditError> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, regions.size())), r -> {
            Thread thread = new Thread(r, "agc-audit-" + job.name() + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        List<Future<?>> partitions = new ArrayList<>();
        AtomicLong written = new AtomicLong();
        try {
            for (int i = 0; i < regions.size(); i++) {
                int index = i;
                String region = regions.get(i);
                partitions.add(pool.submit(() -> runPartition(job, index, region, merge, errors, regionClients)));
            }
            merge.drainTo(chunk -> {
                writer.write(chunk);
                written.addAndGet(chunk.size());
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
            throw new IllegalStateException("interrupted while running job " + job.name(), e);
        } catch (IOException | RuntimeException e) {
            pool.shutdownNow();
            throw e;
        } finally {
            pool.shutdown();
        }
        for (Future<?> partition : partitions) {
            try {
                partition.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running job " + job.name(), e);
            }
        }
        awaitTermination(pool);
        List<AuditError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(error -> regions.indexOf(error.region())));
        return new JobResult(written.get(), sorted);
    }

    private <O> void runPartition(Job<O> job, int index, String region, OrderedMerge<O> merge,
            ConcurrentLinkedQueue<AuditError> errors, Function<String, RegionClients> regionClients) {
        long start = System.nanoTime();
        RegionScope scope = new RegionScope(region, account, awsPartition(region));
        try (RegionClients regionClientsForPartition = regionClients.apply(region)) {
            RegionContext context = new RegionContext(scope, regionClientsForPartition, errors::add);
            for (Step<?, O> step : job.steps()) {
                SdkException failure = runStep(step, context, chunk -> merge.put(index, chunk), errors);
                if (failure != null && AwsErrors.isRegionWide(failure)) {
                    break;
                }
            }
        } finally {
            merge.end(index);
            progress.regionDone(region, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Runs one step for one partition; returns the SDK failure that ended it, or null. */
    private <I, O> SdkException runStep(Step<I, O> step, RegionContext context,
            java.util.function.Consumer<List<O>> sink, ConcurrentLinkedQueue<AuditError> errors) {
        ItemProcessor<I, O> processor = step.processor().apply(context.scope());
        List<O> chunk = new ArrayList<>(chunkSize);
        try {
            step.reader().apply(context).pages().forEach(page -> {
                for (I item : page) {
                    O out = processor.process(item);
                    if (out != null) {
                        chunk.add(out);
                        if (chunk.size() == chunkSize) {
                            sink.accept(new ArrayList<>(chunk));
                            chunk.clear();
                        }
                    }
                }
                progress.items(page.size());
            });
            return null;
        } catch (AwsCallException e) {
            errors.add(error(context.region(), e.service(), e.operation(), e.getCause()));
            return e.getCause();
        } catch (SdkException e) {
            errors.add(error(context.region(), step.service(), step.operation(), e));
            return e;
        } finally {
            if (!chunk.isEmpty()) {
                sink.accept(new ArrayList<>(chunk));
            }
        }
    }

    private static AuditError error(String region, String service, String operation, SdkException e) {
        return new AuditError(region, service, operation, AwsErrors.code(e), AwsErrors.message(e));
    }

    /** The ARN partition of a region: {@code aws}, {@code aws-cn}, {@code aws-us-gov}, ... */
    public static String awsPartition(String region) {
        try {
            return software.amazon.awssdk.regions.PartitionMetadata.of(
                    software.amazon.awssdk.regions.Region.of(region)).id();
        } catch (RuntimeException unknownRegion) {
            return "aws";
        }
    }

    private static void awaitTermination(ExecutorService pool) {
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
