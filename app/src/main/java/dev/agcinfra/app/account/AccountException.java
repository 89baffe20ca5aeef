package dev.agcinfra.app.account;

/**
 * An account command cannot go on: the message is one line for the user (what is wrong, and the fix), the status is
 * one of {@link dev.agcinfra.cli.ExitCode}'s.
 */
public final class AccountException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public AccountException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** The process exit status to end with. */
    public int exitCode() {
        return exitCode;
    }
}
