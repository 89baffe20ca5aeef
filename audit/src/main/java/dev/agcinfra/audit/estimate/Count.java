package dev.agcinfra.audit.estimate;

/**
 * How many of something Terraform will create: a number, or unknown with the reason (an expression that only
 * Terraform can resolve). Never guessed.
 *
 * @param value the number when known, else {@code null}
 * @param problem why it is unknown, else {@code null}
 */
public record Count(Integer value, String problem) {
    public static final Count ONE = new Count(1, null);

    public Count {
        if ((value == null) == (problem == null)) {
            throw new IllegalArgumentException("a count is either a value or a problem");
        }
        if (value != null && value < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + value);
        }
    }

    public static Count of(int value) {
        return value == 1 ? ONE : new Count(value, null);
    }

    public static Count unknown(String problem) {
        return new Count(null, problem);
    }

    public boolean known() {
        return value != null;
    }

    /** The product of two counts; unknown when either is. */
    public Count times(Count other) {
        if (!known()) {
            return this;
        }
        if (!other.known()) {
            return other;
        }
        return of(value * other.value);
    }
}
