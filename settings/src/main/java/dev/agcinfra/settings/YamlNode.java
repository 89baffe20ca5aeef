package dev.agcinfra.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value that remembers where it was written, so each problem can name its line and column. */
sealed interface YamlNode {

    /** 1-based line of the value's first character. */
    int line();

    /** 1-based column of the value's first character. */
    int column();

    /** What a user calls this kind of value, for "expected ..., got ..." messages. */
    String kind();

    /**
     * A mapping; keys keep file order.
     *
     * @param keysLeftOut whether the file writes keys that are not here because they are not plain names (already
     *                    reported), so that an empty mapping is not also reported as empty
     */
    record Mapping(Map<String, Entry> entries, int line, int column, boolean keysLeftOut) implements YamlNode {
        public Mapping {
            entries = new LinkedHashMap<>(entries);
        }

        Mapping(Map<String, Entry> entries, int line, int column) {
            this(entries, line, column, false);
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** One key of a mapping, with the key's own position. */
    record Entry(String key, int line, int column, YamlNode value) {
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A scalar: its text as written (without quotes) and how YAML typed it. */
    record Scalar(String text, Type type, int line, int column) implements YamlNode {

        /** How YAML resolved the scalar. */
        enum Type { STRING, INTEGER, FLOAT, TRUE, FALSE, NULL }

        @Override
        public String kind() {
            return switch (type) {
                case STRING -> "a string";
                case INTEGER, FLOAT -> "a number";
                case TRUE, FALSE -> "a boolean";
                case NULL -> "empty";
            };
        }

        boolean isNull() {
            return type == Type.NULL;
        }

        /** The value as a user would recognise it in the file: strings quoted, others bare. */
        String shown() {
            return switch (type) {
                case STRING -> Quote.of(text);
                case NULL -> "(empty)";
                default -> text;
            };
        }
    }

    /** How problems quote user values: in double quotes, with control characters escaped so a problem stays one line. */
    final class Quote {
        private Quote() {
        }

        static String of(String value) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (Character.isISOControl(c)) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }
    }
}
