package dev.agcinfra.settings;

import java.util.List;

/**
 * The settings (or what agc-infra must look up to complete them) are unusable. Carries every problem found, one
 * line each, each naming where (file position, region, key), the bad value and the fix.
 *
 * <p>Meant for users, not developers: print {@link #getMessage()} (the problems, one per line) and exit non-zero;
 * never print the stack trace.
 */
public final class SettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** One exception for several problems; {@code problems} must not be empty. */
    public SettingsException(List<String> problems) {
        super(String.join(System.lineSeparator(), requireSome(problems)), null, false, false);
        this.problems = List.copyOf(problems);
    }

    /** One exception for one problem. */
    public SettingsException(String problem) {
        this(List.of(problem));
    }

    /** Every problem, one line each, in the order found (file order first). */
    public List<String> problems() {
        return problems;
    }

    private static List<String> requireSome(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a SettingsException needs at least one problem");
        }
        return problems;
    }
}
