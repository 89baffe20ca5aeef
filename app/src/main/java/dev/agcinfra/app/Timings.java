package dev.agcinfra.app;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;

/**
 * Where a synth spends its time, printed to stderr when {@code AGC_INFRA_TIMINGS=1}; used by the benchmark.
 * Each line: milliseconds since the JVM started, milliseconds since the previous mark, and the phase.
 */
final class Timings {

    private final PrintWriter err;
    private final boolean enabled;
    private long last;

    private Timings(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
        this.last = ManagementFactory.getRuntimeMXBean().getStartTime();
        mark("jvm started to main");
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
        err.printf("timing %6d ms %+6d ms  %s%n", sinceStart, now - last, phase);
        last = now;
    }
}
