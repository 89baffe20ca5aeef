package dev.agcinfra.cli;

import java.io.PrintWriter;

/**
 * How agc-infra and agc-audit print a problem: on exactly one line, and showing the text as it is. A problem often
 * quotes what the user wrote (a tag key, a bucket name, a file name, an AWS error message); a raw newline in it would
 * break the line in two, and a character such as U+202E (right-to-left override) would make the terminal show the
 * rest of the line reversed.
 */
public final class ProblemLine {

    private ProblemLine() {
    }

    /**
     * {@code text} as one line that shows every character: newline, carriage return and tab as {@code \n}, {@code \r}
     * and {@code \t}; every other control character, every invisible formatting character (which includes the
     * bidirectional controls U+061C, U+200E, U+200F, U+202A to U+202E and U+2066 to U+2069, and zero-width characters)
     * and the line and paragraph separators U+2028 and U+2029 as {@code \\uXXXX} (characters outside the Basic
     * Multilingual Plane as their two UTF-16 halves). Everything else, backslashes included, is kept as it is.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            String escaped = escapeOf(cp);
            if (escaped != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escaped != null) {
                    out.append(escaped);
                } else {
                    out.appendCodePoint(cp);
                }
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    /**
     * Prints {@code line} ({@code agc-infra: warning: ...}, {@code agc-infra: deactivated us-east-1}) as one
     * {@linkplain #escape(String) escaped} line: every message that may quote a path, a name or an AWS message.
     */
    public static void println(PrintWriter to, String line) {
        to.println(escape(line));
    }

    private static String escapeOf(int cp) {
        switch (cp) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        int type = Character.getType(cp);
        if (type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (char c : Character.toChars(cp)) {
            b.append(String.format("\\u%04x", (int) c));
        }
        return b.toString();
    }
}
