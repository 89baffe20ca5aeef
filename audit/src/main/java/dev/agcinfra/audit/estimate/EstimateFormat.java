package dev.agcinfra.audit.estimate;

import java.io.PrintWriter;

/** The output formats of {@code estimate} ({@code --format}): the common three plus Markdown for a PR comment. */
public enum EstimateFormat {
    /** For people: one block per stack, aligned columns, totals. */
    TABLE,
    /** For programs: one JSON document. */
    JSON,
    /** For spreadsheets: a header row and one row per line (RFC 4180 quoting). */
    CSV,
    /** For a pull-request comment, as infracost posts: a summary table and a collapsible section per stack. */
    MARKDOWN;

    public void write(EstimateReport report, PrintWriter out) {
        switch (this) {
            case TABLE -> EstimateTableWriter.write(report, out);
            case JSON -> EstimateJsonWriter.write(report, out);
            case CSV -> EstimateCsvWriter.write(report, out);
            case MARKDOWN -> EstimateMarkdownWriter.write(report, out);
        }
        out.flush();
    }

    public void write(ComparisonReport report, PrintWriter out) {
        switch (this) {
            case TABLE -> EstimateTableWriter.write(report, out);
            case JSON -> EstimateJsonWriter.write(report, out);
            case CSV -> EstimateCsvWriter.write(report, out);
            case MARKDOWN -> EstimateMarkdownWriter.write(report, out);
        }
        out.flush();
    }
}
