package dev.agcinfra.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * The one renderer of agc-infra's and agc-audit's tables for people: rows of cells in columns as wide as their widest
 * cell, left-aligned unless {@link #alignRight} says otherwise, each line indented and stripped of trailing blanks.
 *
 * <pre>{@code
 * TextTable table = new TextTable("  ", "  ").alignRight((column, cell) -> column == 2);
 * table.row("nat-gateway", "nat-0123", "$32.85");
 * table.appendTo(text);
 * }</pre>
 */
public final class TextTable {

    private final String indent;
    private final String gap;
    private final List<String[]> rows = new ArrayList<>();
    private BiPredicate<Integer, String> alignRight = (column, cell) -> false;

    /**
     * @param indent put before every line
     * @param gap    put between two columns
     */
    public TextTable(String indent, String gap) {
        this.indent = Objects.requireNonNull(indent, "indent must be non-null");
        this.gap = Objects.requireNonNull(gap, "gap must be non-null");
    }

    /** Which cells are right-aligned (amounts, counts), by column index and text. */
    public TextTable alignRight(BiPredicate<Integer, String> rule) {
        this.alignRight = Objects.requireNonNull(rule, "rule must be non-null");
        return this;
    }

    /** Adds a row; {@code null} cells print as empty. Every row must have as many cells as the first. */
    public TextTable row(String... cells) {
        if (!rows.isEmpty() && cells.length != rows.get(0).length) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of "
                    + rows.get(0).length + " columns");
        }
        String[] copy = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            copy[i] = cells[i] == null ? "" : cells[i];
        }
        rows.add(copy);
        return this;
    }

    /** Whether there is no row. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The lines, each ending in a line break. */
    public String render() {
        StringBuilder text = new StringBuilder();
        appendTo(text);
        return text.toString();
    }

    /** Appends the lines to {@code text}. */
    public void appendTo(StringBuilder text) {
        if (rows.isEmpty()) {
            return;
        }
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < columns; i++) {
                String padding = " ".repeat(widths[i] - row[i].length());
                line.append(alignRight.test(i, row[i]) ? padding + row[i] : row[i] + padding);
                if (i < columns - 1) {
                    line.append(gap);
                }
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
