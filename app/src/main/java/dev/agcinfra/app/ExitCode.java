package dev.agcinfra.app;

/** agc-infra's exit statuses. */
public final class ExitCode {

    /** Done. */
    public static final int OK = 0;
    /** The settings or arguments are invalid; nothing was written or changed. */
    public static final int INVALID_INPUT = 2;
    /** An AWS call failed. */
    public static final int AWS_FAILURE = 3;
    /** A bug: please report it. */
    public static final int INTERNAL_ERROR = 4;

    private ExitCode() {
    }
}
