package dev.agcinfra.audit.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agcinfra.audit.aws.RegionClients;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/** The runner with plain-Java readers: no AWS involved. */
@Timeout(20)
class JobRunnerTest {

    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-south-1", "sa-east-1");

    /** Regions' clients are never used by these readers. */
    static final Function<String, RegionClients> NO_CLIENTS = region -> new RegionClients(null, region);

    @Test
    @DisplayName("items come out region by region in the order given, whatever order the regions finish in")
    void keepsRegionOrder() throws Exception {
        // Given: each region reads three pages of 150 items; the first starts only when the three others are done
        OthersFirst othersFirst = new OthersFirst(REGIONS.size() - 1);
        Step<Integer, String> step = new Step<>("numbers", "test", "List", context -> {
            if (context.region().equals("us-east-1")) {
                othersFirst.await();
            }
            return pages(context.region(), 3, 150);
        }, scope -> item -> scope.region() + ":" + item);
        List<String> written = new ArrayList<>();

        // When
        JobResult result = runner(4, othersFirst).run(new Job<>("test", List.of(step)), REGIONS, written::addAll,
                NO_CLIENTS);

        // Then
        assertThat(othersFirst.done).last().asString().contains("us-east-1");
        assertThat(result.items()).isEqualTo(4 * 450);
        assertThat(result.errors()).isEmpty();
        List<String> expected = new ArrayList<>();
        for (String region : REGIONS) {
            IntStream.range(0, 450).forEach(i -> expected.add(region + ":" + i));
        }
        assertThat(written).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("partitions of several accounts come out account by account, each knowing its account, with its account's credentials; an error names its account")
    void partitionsOfSeveralAccounts() throws Exception {
        // Given: two accounts, two regions each; the second account's first region is denied after the three others
        // are done
        AwsCredentialsProvider roleB = StaticCredentialsProvider.create(AwsBasicCredentials.create("b", "b"));
        AuditAccount a = AuditAccount.caller("111111111111");
        AuditAccount b = new AuditAccount("222222222222", "lab-b", roleB);
        List<Partition> partitions = List.of(new Partition(a, "us-east-1"), new Partition(a, "eu-west-1"),
                new Partition(b, "us-east-1"), new Partition(b, "eu-west-1"));
        OthersFirst othersFirst = new OthersFirst(partitions.size() - 1);
        Step<Integer, String> step = new Step<>("numbers", "test", "List", context -> {
            if (context.scope().account().equals(b.id()) && context.region().equals("us-east-1")) {
                othersFirst.await();
                throw serviceError("AccessDeniedException", "denied in b");
            }
            return pages(context.region(), 1, 2);
        }, scope -> item -> scope.account() + "/" + scope.region() + ":" + item);
        List<String> written = new ArrayList<>();
        List<Object> credentials = Collections.synchronizedList(new ArrayList<>());

        // When
        JobResult result = runner(4, othersFirst).runPartitions(new Job<>("test", List.of(step)), partitions,
                written::addAll,
                partition -> {
                    credentials.add(partition.account().id() + " " + partition.account().credentials());
                    return new RegionClients(null, partition.region(), partition.account().credentials());
                });

        // Then
        assertThat(othersFirst.done).hasSize(4).last().asString().contains("222222222222").contains("us-east-1");
        assertThat(written).containsExactly("111111111111/us-east-1:0", "111111111111/us-east-1:1",
                "111111111111/eu-west-1:0", "111111111111/eu-west-1:1",
                "222222222222/eu-west-1:0", "222222222222/eu-west-1:1");
        assertThat(result.errors()).containsExactly(new AuditError("222222222222", "us-east-1", "test", "List",
                "AccessDeniedException", "denied in b"));
        assertThat(credentials).containsExactlyInAnyOrder("111111111111 null", "111111111111 null",
                "222222222222 " + roleB, "222222222222 " + roleB);
    }

    @Test
    @DisplayName("regions run in parallel up to --parallelism, no further")
    void boundsParallelism() throws Exception {
        // Given
        // Given: each partition waits until four are reading at once (a barrier, no clock), then goes on
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        java.util.concurrent.CyclicBarrier four = new java.util.concurrent.CyclicBarrier(4);
        Step<Integer, Integer> step = new Step<>("slow", "test", "List", context -> () -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                four.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("four partitions never ran at once", e);
            }
            running.decrementAndGet();
            return Stream.of(List.of(1));
        }, scope -> item -> item);
        List<String> eight = IntStream.range(1, 9).mapToObj(i -> "eu-west-" + i).toList();

        // When
        JobResult result = runner(4).run(new Job<>("test", List.of(step)), eight, chunk -> { }, NO_CLIENTS);

        // Then: four at once, never five, every region done
        assertThat(most.get()).isEqualTo(4);
        assertThat(result.items()).isEqualTo(8);
    }

    @Test
    @DisplayName("a failed call is recorded for its region; that region's next step runs; other regions complete")
    void recordsServiceErrorsAndGoesOn() throws Exception {
        // Given: eu-west-1's first step is denied
        Step<Integer, String> denied = new Step<>("first", "tagging", "GetResources", context -> {
            if (context.region().equals("eu-west-1")) {
                throw serviceError("AccessDeniedException", "User is not authorized\nto perform this");
            }
            return pages(context.region(), 1, 2);
        }, scope -> item -> scope.region() + ":first:" + item);
        Step<Integer, String> second = new Step<>("second", "ec2", "DescribeNatGateways",
                context -> pages(context.region(), 1, 1), scope -> item -> scope.region() + ":second:" + item);
        List<String> written = Collections.synchronizedList(new ArrayList<>());

        // When
        JobResult result = runner(2).run(new Job<>("test", List.of(denied, second)), List.of("us-east-1", "eu-west-1"),
                written::addAll, NO_CLIENTS);

        // Then
        assertThat(written).containsExactly("us-east-1:first:0", "us-east-1:first:1", "us-east-1:second:0",
                "eu-west-1:second:0");
        assertThat(result.errors()).containsExactly(new AuditError("123456789012", "eu-west-1", "tagging", "GetResources",
                "AccessDeniedException", "User is not authorized to perform this"));
    }

    @Test
    @DisplayName("items read before a failure in the middle of a step are kept")
    void keepsItemsReadBeforeAFailure() throws Exception {
        Step<Integer, Integer> step = new Step<>("paged", "tagging", "GetResources", context -> () ->
                Stream.of(1, 2).map(page -> {
                    if (page == 2) {
                        throw serviceError("ThrottlingException", "Rate exceeded");
                    }
                    return List.of(1, 2, 3);
                }), scope -> item -> item);
        List<Integer> written = new ArrayList<>();

        JobResult result = runner(1).run(new Job<>("test", List.of(step)), List.of("us-east-1"), written::addAll,
                NO_CLIENTS);

        assertThat(written).containsExactly(1, 2, 3);
        assertThat(result.errors()).extracting(AuditError::code).containsExactly("ThrottlingException");
    }

    @Test
    @DisplayName("after a timeout the region's remaining steps are skipped, not waited for again")
    void skipsTheRegionAfterATimeout() throws Exception {
        AtomicInteger secondStepRuns = new AtomicInteger();
        Step<Integer, Integer> first = new Step<>("first", "ec2", "DescribeNatGateways", context -> {
            throw ApiCallTimeoutException.create(1000);
        }, scope -> item -> item);
        Step<Integer, Integer> second = new Step<>("second", "tagging", "GetResources", context -> {
            secondStepRuns.incrementAndGet();
            return ItemReader.empty();
        }, scope -> item -> item);

        JobResult result = runner(1).run(new Job<>("test", List.of(first, second)), List.of("eu-west-1"),
                chunk -> { }, NO_CLIENTS);

        assertThat(secondStepRuns.get()).isZero();
        assertThat(result.errors()).extracting(AuditError::code).containsExactly("Timeout");
    }

    @Test
    @DisplayName("while the writer is busy with the first region, a later one reads at most its queue ahead")
    void laterRegionsPauseWhenTheirQueueIsFull() throws Exception {
        AtomicInteger secondRegionPages = new AtomicInteger();
        Step<Integer, Integer> step = new Step<>("many", "test", "List", context -> () ->
                IntStream.range(0, 100).mapToObj(page -> {
                    if (context.region().equals("eu-west-1")) {
                        secondRegionPages.incrementAndGet();
                    }
                    return List.of(page);
                }), scope -> item -> item);
        // no clock: the count is taken once every partition thread is parked (its queue full) with the queue filled
        HeldFirstChunk writer = new HeldFirstChunk(secondRegionPages::get, JobRunner.DEFAULT_QUEUE_CHUNKS);

        runner(2, 1).run(new Job<>("test", List.of(step)), List.of("us-east-1", "eu-west-1"), writer, NO_CLIENTS);

        // Then: eu-west-1 filled its queue (8 chunks of one page) plus the one it was handing on, and waited
        assertThat(writer.countWhileHeld()).isBetween(JobRunner.DEFAULT_QUEUE_CHUNKS,
                JobRunner.DEFAULT_QUEUE_CHUNKS + 1);
        assertThat(secondRegionPages.get()).isEqualTo(100);
    }

    @Test
    @DisplayName("while the writer is busy with the first partition, only the window of later ones (4 per thread) is started: memory stays bounded however many accounts and regions")
    void laterPartitionsWaitForTheWriter() throws Exception {
        AtomicInteger started = new AtomicInteger();
        Step<Integer, Integer> step = new Step<>("one", "test", "List", context -> () -> {
            started.incrementAndGet();
            return Stream.of(List.of(1));
        }, scope -> item -> item);
        int window = JobRunner.WINDOW_PER_THREAD;
        // no clock: the count is taken once the window's partitions have run and the pool's one thread is idle
        HeldFirstChunk writer = new HeldFirstChunk(started::get, window);
        List<String> ten = IntStream.range(1, 11).mapToObj(i -> "eu-west-" + i).toList();

        JobResult result = runner(1).run(new Job<>("test", List.of(step)), ten, writer, NO_CLIENTS);

        // Then: with one thread, partitions 1 to 3 ran while the writer held the first; the fifth waited for it
        assertThat(writer.countWhileHeld()).isEqualTo(window);
        assertThat(result.items()).isEqualTo(10);
        assertThat(started.get()).isEqualTo(10);
    }

    /**
     * A writer that holds its first chunk until every partition thread is parked and a count has reached a floor,
     * then notes the count and lets the run go on: what the partitions did while the writer was busy.
     */
    static final class HeldFirstChunk implements ItemWriter<Integer> {
        private final CountDownLatch firstChunk = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final AtomicInteger noted = new AtomicInteger(-1);
        private final Thread observer;

        HeldFirstChunk(java.util.function.IntSupplier count, int floor) {
            observer = new Thread(() -> {
                try {
                    firstChunk.await();
                    while (count.getAsInt() < floor || !partitionsParked()) {
                        Thread.onSpinWait();
                    }
                    noted.set(count.getAsInt());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    release.countDown();
                }
            });
            observer.start();
        }

        @Override
        public void write(List<? extends Integer> chunk) {
            firstChunk.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The count noted while the first chunk was held. */
        int countWhileHeld() throws InterruptedException {
            observer.join();
            return noted.get();
        }
    }

    @Test
    @DisplayName("a bug in a reader fails the run after the other regions have ended")
    void bugsFailTheRun() {
        Step<Integer, Integer> step = new Step<>("buggy", "test", "List", context -> {
            if (context.region().equals("eu-west-1")) {
                throw new IllegalStateException("bug");
            }
            return pages(context.region(), 1, 1);
        }, scope -> item -> item);

        assertThatThrownBy(() -> runner(2).run(new Job<>("test", List.of(step)), List.of("us-east-1", "eu-west-1"),
                chunk -> { }, NO_CLIENTS)).isInstanceOf(IllegalStateException.class).hasMessage("bug");
    }

    /** Whether every partition thread of the job "test" is waiting (for room in its queue). */
    private static boolean partitionsParked() {
        List<Thread.State> states = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("agc-audit-test-")).map(Thread::getState).toList();
        return !states.isEmpty() && states.stream().allMatch(state -> state == Thread.State.WAITING
                || state == Thread.State.TIMED_WAITING);
    }

    private static JobRunner runner(int parallelism) {
        return runner(parallelism, JobRunner.DEFAULT_CHUNK_SIZE);
    }

    private static JobRunner runner(int parallelism, int chunkSize) {
        return new JobRunner(null, "123456789012", parallelism, Progress.none(), chunkSize);
    }

    private static JobRunner runner(int parallelism, Progress progress) {
        return new JobRunner(null, "123456789012", parallelism, progress, JobRunner.DEFAULT_CHUNK_SIZE);
    }

    /**
     * Holds one partition back until the others are done, so that it finishes last whatever the threads do: the
     * runner's progress counts the partitions done (and records their order), the held partition awaits the count.
     */
    private static final class OthersFirst implements Progress {
        final List<String> done = Collections.synchronizedList(new ArrayList<>());
        private final CountDownLatch others;

        OthersFirst(int others) {
            this.others = new CountDownLatch(others);
        }

        /** Called by the held partition: returns when the others are done. */
        void await() {
            try {
                if (!others.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the other partitions never finished");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void regionDone(String region) {
            done.add(region);
            others.countDown();
        }

        @Override
        public void items(int count) {
        }

        @Override
        public void close() {
        }
    }

    /** {@code count} pages of {@code size} consecutive numbers. */
    private static ItemReader<Integer> pages(String region, int count, int size) {
        return () -> IntStream.range(0, count)
                .mapToObj(page -> IntStream.range(page * size, (page + 1) * size).boxed().toList());
    }

    private static AwsServiceException serviceError(String code, String message) {
        return AwsServiceException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .statusCode(400).build();
    }
}
