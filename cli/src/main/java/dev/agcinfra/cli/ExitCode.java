package dev.agcinfra.cli;

/**
 * The exit codes of agc-infra and agc-audit, listed in each command's help. agc-infra's account commands also exit
 * with Terraform's own status when Terraform fails.
 *
 * <p>Only {@code main} exits; everything else returns one of these or throws an exception carrying one.
 */
public final class ExitCode {

    /** Nothing to report: the job ran completely and found nothing that needs attention. */
    public static final int OK = 0;
    /** The job ran completely and has findings (used by jobs that judge, e.g. a budget exceeded). */
    public static final int FINDINGS = 1;
    /**
     * Invalid input (an unknown option or value, a malformed region, tag or settings file, conflicting options), or a
     * check that refused: nothing was changed.
     */
    public static final int INVALID_INPUT = 2;
    /** An AWS call failed: credentials missing or rejected, or some regions could not be read (partial report). */
    public static final int AWS_FAILURE = 3;
    /** A bug or an unexpected state in agc-audit itself. */
    public static final int INTERNAL_ERROR = 4;

    private ExitCode() {
    }
}
