package dev.agcinfra.audit.batch;

/** Told how a job advances; shows it somewhere, or nowhere. Called from several threads. */
public interface Progress extends AutoCloseable {

    /** A partition (region) has finished, successfully or not. */
    void regionDone(String region);

    /** A partition (region) has finished after {@code millis}; by default the same as {@link #regionDone(String)}. */
    default void regionDone(String region, long millis) {
        regionDone(region);
    }

    /** Items have been processed. */
    void items(int count);

    /** Stops showing progress and clears what it showed. */
    @Override
    void close();

    /** Shows nothing: for tests, and when stderr is not a terminal. */
    static Progress none() {
        return new Progress() {
            @Override
            public void regionDone(String region) {
            }

            @Override
            public void items(int count) {
            }

            @Override
            public void close() {
            }
        };
    }
}
