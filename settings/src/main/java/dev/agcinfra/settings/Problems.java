package dev.agcinfra.settings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects problems, one line each, prefixed compiler-style with {@code file:line:column:} where known. Problems
 * come out in file order (by line and column), then the ones with no position, in the order found.
 */
final class Problems {

    private record Problem(int line, int column, String text) {
    }

    private static final Comparator<Problem> FILE_ORDER = Comparator
            .comparingInt((Problem p) -> p.line() <= 0 ? Integer.MAX_VALUE : p.line())
            .thenComparingInt(Problem::column);

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    /** A problem with a value: {@code agc.yaml:7:10: regions.eu-west-1.vpc: message}. */
    void at(YamlNode node, String path, String message) {
        atPosition(node.line(), node.column(), path + ": " + message);
    }

    /** A problem with a key itself (unknown, duplicated): positioned at the key. */
    void atKey(YamlNode.Entry entry, String path, String message) {
        atPosition(entry.line(), entry.column(), path + ": " + message);
    }

    /** A problem at a known position of the file; a value that was not read from a file (line 0) has none. */
    void atPosition(int line, int column, String message) {
        problems.add(new Problem(line, column, line <= 0 ? message : file + ":" + line + ":" + column + ": " + message));
    }

    /** A problem with no position in the file (the file itself, or something looked up outside it). */
    void add(String line) {
        problems.add(new Problem(0, 0, line));
    }

    String file() {
        return file;
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<String> lines() {
        return problems.stream().sorted(FILE_ORDER).map(Problem::text).toList();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new SettingsException(lines());
        }
    }
}
