package dev.agcinfra.audit.estimate;

import dev.agcinfra.audit.AuditException;
import dev.agcinfra.cli.ExitCode;

/** Input the user can fix (a path, a file, an option): reported as one line, exit code 2. */
public class InvalidInputException extends AuditException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(ExitCode.INVALID_INPUT, message);
    }
}
