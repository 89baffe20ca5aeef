package dev.agcinfra.audit;

import dev.agcinfra.cli.ExitCode;
import java.util.List;

/**
 * A failure that ends a command with a known exit code and one line for the user.
 *
 * <p>The message is shown as is, followed by any cause message that differs; the stack trace only with {@code -v}.
 */
public class AuditException extends RuntimeException {

    private final int status;
    private final List<String> lines;

    public AuditException(int status, String message) {
        super(message);
        this.status = status;
        this.lines = List.of();
    }

    public AuditException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.lines = List.of();
    }

    private AuditException(int status, List<String> lines) {
        super(String.join(System.lineSeparator(), lines));
        this.status = status;
        this.lines = List.copyOf(lines);
    }

    /** Several problems, each shown on its own line (a settings file's problems, as agc-infra prints them). */
    public static AuditException invalidInput(List<String> problems) {
        return new AuditException(ExitCode.INVALID_INPUT, problems);
    }

    /** The lines to show one by one, when the failure has several; empty for a one-line failure. */
    public List<String> lines() {
        return lines;
    }

    /** The exit code, one of {@link ExitCode}. */
    public int status() {
        return status;
    }

    /** Invalid input: exit code 2. */
    public static AuditException invalidInput(String message) {
        return new AuditException(ExitCode.INVALID_INPUT, message);
    }
}
