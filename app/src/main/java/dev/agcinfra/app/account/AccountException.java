package dev.agcinfra.app.account;

import java.util.List;

/**
 * An account command cannot go on: the lines for the user (each one problem: what is wrong, and the fix), the status
 * is one of {@link dev.agcinfra.cli.ExitCode}'s.
 */
public final class AccountException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final List<String> lines;

    /** One problem. */
    public AccountException(int exitCode, String message) {
        this(exitCode, List.of(message));
    }

    /** Several problems, each printed on its own line (a line's own newlines are shown as {@code \n}). */
    public AccountException(int exitCode, List<String> lines) {
        super(String.join(System.lineSeparator(), lines), null, false, false);
        this.exitCode = exitCode;
        this.lines = List.copyOf(lines);
    }

    /** The problems, one per line. */
    public List<String> lines() {
        return lines;
    }

    /** The process exit status to end with. */
    public int exitCode() {
        return exitCode;
    }
}
