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
 * Runs a job: one partition per region of each account on a bounded pool, each running the job's steps in order with
 * its own clients (signed with its account's credentials), their chunks joined in partition order (account by account,
 * region by region) into one writer on the calling thread.
 *
 * <p>A failed AWS call ends its step, is recorded as an {@link AuditError}, and the partition goes on with its next
 * step; after a region-wide failure (no connection, timeout, credentials not valid in that region) the partition's
 * remaining steps are skipped. Other partitions are never stopped. Anything else (a bug) fails the run after every
 * partition has ended.
 */
public final class JobRunner {

    /** Items per chunk handed from a partition to the writer. */
    public static final int DEFAULT_CHUNK_SIZE = 100;
    /** Chunks a partition may have waiting for the writer before it pauses. */
    public static final int DEFAULT_QUEUE_CHUNKS = 8;
    /**
     * Partitions started and not yet written, per thread: a partition starts only when the one this many places
     * before it is written, so that however many accounts and regions a job reads, at most
     * {@code parallelism x 4 x 8} chunks wait for the writer, while a slow partition still leaves three times the
     * pool's threads of later ones to run.
     */
    public static final int WINDOW_PER_THREAD = 4;

    private final AwsClientFactory clients;
    private final AuditAccount account;
    private final int parallelism;
    private final Progress progress;
    private final int chunkSize;

    /**
     * @param clients     builds each partition's clients
     * @param account     the caller's account id: the account of {@link #run(Job, List, ItemWriter)}, read with the
     *                    factory's own credentials
     * @param parallelism partitions (regions) read at the same time
     * @param progress    told of each partition and chunk
     */
    public JobRunner(AwsClientFactory clients, String account, int parallelism, Progress progress) {
        this(clients, account, parallelism, progress, DEFAULT_CHUNK_SIZE);
    }

    JobRunner(AwsClientFactory clients, String account, int parallelism, Progress progress, int chunkSize) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.clients = clients;
        this.account = AuditAccount.caller(Objects.requireNonNull(account, "account must be non-null"));
        this.parallelism = parallelism;
        this.progress = progress;
        this.chunkSize = chunkSize;
    }

    /**
     * Runs every step of {@code job} for every region of the caller's account, writing to {@code writer} in region
     * order.
     *
     * @return items written and the errors, in region order
     * @throws IOException when the writer fails (the partitions are then cancelled)
     */
    public <O> JobResult run(Job<O> job, List<String> regions, ItemWriter<O> writer) throws IOException {
        return runPartitions(job, partitions(account, regions), writer);
    }

    /**
     * Runs every step of {@code job} for every partition (a region of an account), writing to {@code writer} in
     * the partitions' order.
     *
     * @return items written and the errors, in partition order
     * @throws IOException when the writer fails (the partitions are then cancelled)
     */
    public <O> JobResult runPartitions(Job<O> job, List<Partition> partitions, ItemWriter<O> writer)
            throws IOException {
        return runPartitions(job, partitions, writer, partition -> new RegionClients(clients, partition.region(),
                partition.account().credentials()));
    }

    /** The partitions of one account's regions. */
    public static List<Partition> partitions(AuditAccount account, List<String> regions) {
        return regions.stream().map(region -> new Partition(account, region)).toList();
    }

    <O> JobResult run(Job<O> job, List<String> regions, ItemWriter<O> writer,
            Function<String, RegionClients> regionClients) throws IOException {
        return runPartitions(job, partitions(account, regions), writer,
                partition -> regionClients.apply(partition.region()));
    }

    <O> JobResult runPartitions(Job<O> job, List<Partition> partitions, ItemWriter<O> writer,
            Function<Partition, RegionClients> regionClients) throws IOException {
        OrderedMerge<O> merge = new OrderedMerge<>(partitions.size(), DEFAULT_QUEUE_CHUNKS);
        ConcurrentLinkedQueue<AuditError> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, partitions.size())),
                r -> {
                    Thread thread = new Thread(r, "agc-audit-" + job.name() + "-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        boolean accountInLabel = partitions.stream().map(p -> p.account().id()).distinct().count() > 1;
        List<Future<?>> futures = new ArrayList<>();
        AtomicLong written = new AtomicLong();
        int window = window(parallelism);
        java.util.function.IntConsumer start = index -> {
            if (index < partitions.size()) {
                Partition partition = partitions.get(index);
                String label = accountInLabel ? partition.account().id() + " " + partition.region()
                        : partition.region();
                futures.add(pool.submit(() -> runPartition(job, index, partition, label, merge, errors,
                        regionClients)));
            }
        };
        try {
            for (int i = 0; i < Math.min(window, partitions.size()); i++) {
                start.accept(i);
            }
            // each partition written in full makes room for the next one: never more than the window unwritten
            merge.drainTo(chunk -> {
                writer.write(chunk);
                written.addAndGet(chunk.size());
            }, ended -> start.accept(ended + window));
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
        for (Future<?> partition : futures) {
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
        java.util.Map<String, Integer> order = new java.util.HashMap<>();
        for (int i = 0; i < partitions.size(); i++) {
            order.putIfAbsent(partitions.get(i).account().id() + "/" + partitions.get(i).region(), i);
        }
        List<AuditError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(error -> order.getOrDefault(error.account() + "/" + error.region(), -1)));
        return new JobResult(written.get(), sorted);
    }

    private <O> void runPartition(Job<O> job, int index, Partition partition, String label, OrderedMerge<O> merge,
            ConcurrentLinkedQueue<AuditError> errors, Function<Partition, RegionClients> regionClients) {
        long start = System.nanoTime();
        String region = partition.region();
        RegionScope scope = new RegionScope(region, partition.account().id(), awsPartition(region));
        try (RegionClients regionClientsForPartition = regionClients.apply(partition)) {
            RegionContext context = new RegionContext(scope, regionClientsForPartition, errors::add);
            for (Step<?, O> step : job.steps()) {
                SdkException failure = runStep(step, context, chunk -> merge.put(index, chunk), errors);
                if (failure != null && AwsErrors.isRegionWide(failure)) {
                    break;
                }
            }
        } finally {
            merge.end(index);
            progress.regionDone(label, (System.nanoTime() - start) / 1_000_000);
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
            errors.add(error(context.scope(), e.service(), e.operation(), e.getCause()));
            return e.getCause();
        } catch (SdkException e) {
            errors.add(error(context.scope(), step.service(), step.operation(), e));
            return e;
        } finally {
            if (!chunk.isEmpty()) {
                sink.accept(new ArrayList<>(chunk));
            }
        }
    }

    private static AuditError error(RegionScope scope, String service, String operation, SdkException e) {
        return new AuditError(scope.account(), scope.region(), service, operation, AwsErrors.code(e),
                AwsErrors.message(e));
    }

    /** Partitions started and not yet written, at most. */
    static int window(int parallelism) {
        return Math.max(1, parallelism * WINDOW_PER_THREAD);
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
