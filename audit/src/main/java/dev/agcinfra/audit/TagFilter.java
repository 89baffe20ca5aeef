package dev.agcinfra.audit;

import java.util.Objects;

/**
 * The tag that marks AGC infrastructure: a key and a value, given as {@code key=value}.
 *
 * @param key   the tag key, e.g. {@code application-name}
 * @param value the tag value, e.g. {@code agc}
 */
public record TagFilter(String key, String value) {

    /** The tag agc-infra and AGC put on everything they create. */
    public static final TagFilter DEFAULT = new TagFilter(dev.agcinfra.settings.AgcNames.APPLICATION_TAG,
            dev.agcinfra.settings.AgcNames.APPLICATION_NAME);

    public TagFilter {
        Objects.requireNonNull(key, "key must be non-null");
        Objects.requireNonNull(value, "value must be non-null");
    }

    /**
     * Parses {@code key=value}; the key and the value must both be non-empty (the value may contain '=').
     *
     * @throws AuditException with {@link ExitCode#INVALID_INPUT} when the text is not of that form
     */
    public static TagFilter parse(String text) {
        int eq = text == null ? -1 : text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1 || text.isBlank()) {
            throw AuditException.invalidInput("invalid --tag '" + text + "': expected key=value, e.g. --tag "
                    + DEFAULT);
        }
        return new TagFilter(text.substring(0, eq), text.substring(eq + 1));
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
