package dev.agcinfra.audit.report;

import java.util.function.Function;

/**
 * One column of a CSV or table report.
 *
 * @param header the header text, e.g. {@code region}
 * @param value  the cell's text for an item; {@code null} is written as an empty cell
 * @param <T>    the item type
 */
public record Column<T>(String header, Function<T, String> value) {
}
