package dev.agcinfra.audit.report;

/** The report formats every job offers ({@code --format}). */
public enum Format {
    /** For people: grouped, aligned, with counts. */
    TABLE,
    /** For programs: one JSON document, streamed. */
    JSON,
    /** For spreadsheets: a header row and one row per item, streamed (RFC 4180 quoting). */
    CSV
}
