package dev.agcinfra.audit.batch;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rewrites one status line on a terminal's stderr a few times a second: regions done of total, items so far.
 *
 * <p>stdout carries only the report; this writes only to the stream it is given (stderr).
 */
public final class TerminalProgress implements Progress {

    private final PrintWriter err;
    private final String job;
    private final int regions;
    private final String unit;
    private final AtomicInteger regionsDone = new AtomicInteger();
    private final AtomicLong items = new AtomicLong();
    private final ScheduledExecutorService ticker;
    private int lastWidth;

    /** A status line redrawn four times a second by a daemon thread. */
    public TerminalProgress(PrintWriter err, String job, int regions) {
        this(err, job, regions, "regions", true);
    }

    /**
     * A status line redrawn four times a second by a daemon thread, counting partitions as {@code unit}
     * ({@code regions}, or {@code account regions} when several accounts are read).
     */
    public TerminalProgress(PrintWriter err, String job, int partitions, String unit) {
        this(err, job, partitions, unit, true);
    }

    /** @param ticking whether a thread redraws the line; without it, {@link #tick()} does (tests) */
    TerminalProgress(PrintWriter err, String job, int regions, boolean ticking) {
        this(err, job, regions, "regions", ticking);
    }

    private TerminalProgress(PrintWriter err, String job, int regions, String unit, boolean ticking) {
        this.err = err;
        this.job = job;
        this.regions = regions;
        this.unit = unit;
        this.ticker = ticking ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "agc-audit-progress");
            thread.setDaemon(true);
            return thread;
        }) : null;
        if (ticker != null) {
            ticker.scheduleAtFixedRate(this::tick, 200, 250, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void regionDone(String region) {
        regionsDone.incrementAndGet();
    }

    @Override
    public void items(int count) {
        items.addAndGet(count);
    }

    /** Redraws the line. */
    synchronized void tick() {
        String line = job + ": " + regionsDone.get() + "/" + regions + " " + unit + ", " + items.get() + " items";
        err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        err.flush();
        lastWidth = line.length();
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
        }
    }
}
