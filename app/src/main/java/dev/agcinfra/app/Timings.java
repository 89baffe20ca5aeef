package dev.agcinfra.app;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;

/**
 * Where a synth spends its time, printed to stderr when {@code AGC_INFRA_TIMINGS=1}; used by the benchmark.
 * Each line: milliseconds since the JVM started, milliseconds since the previous mark, the phase, and the CPU time so
 * far of the thread that marks (the one that calls jsii) and of the whole JVM (its compilers and collectors too).
 * When off, nothing is measured (the management classes are not even loaded).
 */
final class Timings {

    private final PrintWriter err;
    private final boolean enabled;
    private long last;

    private Timings(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
        if (enabled) {
            this.last = ManagementFactory.getRuntimeMXBean().getStartTime();
            mark("jvm started to main");
        }
    }

    static Timings fromEnvironment(PrintWriter err) {
        return new Timings(err, "1".equals(System.getenv("AGC_INFRA_TIMINGS")));
    }

    void mark(String phase) {
        if (!enabled) {
            return;
        }
        long now = System.currentTimeMillis();
        long sinceStart = now - ManagementFactory.getRuntimeMXBean().getStartTime();
        long threadCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
        long jvmCpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
        err.printf("timing %6d ms %+6d ms  %-42s cpu: this thread %5d ms, jvm %5d ms%n", sinceStart, now - last, phase,
                threadCpu, jvmCpu);
        last = now;
    }
}
