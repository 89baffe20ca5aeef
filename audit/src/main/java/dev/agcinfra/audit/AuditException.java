package dev.agcinfra.audit;

/**
 * A failure that ends a command with a known exit code and one line for the user.
 *
 * <p>The message is shown as is, followed by any cause message that differs; the stack trace only with {@code -v}.
 */
public class AuditException extends RuntimeException {

    private final int status;

    public AuditException(int status, String message) {
        super(message);
        this.status = status;
    }

    public AuditException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
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
