package dev.agcinfra.audit.report;

import dev.agcinfra.audit.batch.AuditError;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Streams a header row and one row per item (RFC 4180: comma-separated, CRLF not required, fields with a comma,
 * quote or line break quoted). Errors are not rows: they go to stderr and the exit code.
 *
 * @param <T> the item type
 */
public final class CsvReportWriter<T> implements ReportWriter<T> {

    private final Writer out;
    private final List<Column<T>> columns;

    public CsvReportWriter(Writer out, List<Column<T>> columns) {
        this.out = out;
        this.columns = List.copyOf(columns);
    }

    @Override
    public void begin() throws IOException {
        StringBuilder row = new StringBuilder();
        for (Column<T> column : columns) {
            append(row, column.header());
        }
        writeRow(row);
    }

    @Override
    public void write(List<? extends T> chunk) throws IOException {
        StringBuilder row = new StringBuilder();
        for (T item : chunk) {
            row.setLength(0);
            for (Column<T> column : columns) {
                append(row, column.value().apply(item));
            }
            writeRow(row);
        }
    }

    @Override
    public void end(List<AuditError> errors) throws IOException {
        out.flush();
    }

    private void writeRow(StringBuilder row) throws IOException {
        row.setLength(row.length() - 1);
        row.append('\n');
        out.write(row.toString());
    }

    private static void append(StringBuilder row, String value) {
        row.append(escape(value)).append(',');
    }

    /** The cell as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. */
    public static String escape(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
