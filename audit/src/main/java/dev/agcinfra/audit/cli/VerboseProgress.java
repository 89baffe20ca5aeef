package dev.agcinfra.audit.cli;

import dev.agcinfra.audit.batch.Progress;
import java.io.PrintWriter;

/** With {@code -v}: a line on stderr as each region finishes, with its time, besides what {@code inner} shows. */
final class VerboseProgress implements Progress {

    private final Progress inner;
    private final PrintWriter err;
    private final String job;

    VerboseProgress(Progress inner, PrintWriter err, String job) {
        this.inner = inner;
        this.err = err;
        this.job = job;
    }

    @Override
    public void regionDone(String region) {
        inner.regionDone(region);
    }

    @Override
    public void regionDone(String region, long millis) {
        inner.regionDone(region, millis);
        synchronized (err) {
            err.println("agc-audit: " + job + ": " + region + " done in " + millis + " ms");
            err.flush();
        }
    }

    @Override
    public void items(int count) {
        inner.items(count);
    }

    @Override
    public void close() {
        inner.close();
    }
}
