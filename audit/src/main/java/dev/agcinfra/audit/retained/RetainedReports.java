package dev.agcinfra.audit.retained;

import dev.agcinfra.audit.report.Json;
import dev.agcinfra.cli.TextTable;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.report.Column;
import dev.agcinfra.audit.report.CsvReportWriter;
import dev.agcinfra.audit.report.Format;
import dev.agcinfra.audit.report.Money;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The {@code retained} report in each format: JSON and CSV stream, the table (for people) collects. */
public final class RetainedReports {

    /** The CSV columns, in order. */
    public static final List<Column<Finding>> COLUMNS = List.of(
            new Column<>("region", Finding::region),
            new Column<>("kind", f -> f.kind().id()),
            new Column<>("type", Finding::type),
            new Column<>("id", Finding::id),
            new Column<>("name", Finding::name),
            new Column<>("owner", f -> f.owner().id()),
            new Column<>("provenance", f -> f.provenance().describe()),
            new Column<>("state", Finding::state),
            new Column<>("vpcId", Finding::vpcId),
            new Column<>("sizeBytes", f -> text(f.sizeBytes())),
            new Column<>("objects", f -> text(f.objects())),
            new Column<>("sizeSource", Finding::sizeSource),
            new Column<>("retentionDays", f -> text(f.retentionDays())),
            new Column<>("monthlyUsd", f -> f.monthlyUsd() == null ? null : f.monthlyUsd().toPlainString()),
            new Column<>("reason", Finding::reason),
            new Column<>("cleanup", Finding::cleanup));


    private RetainedReports() {
    }

    /** The writer for a format. */
    public static RetainedWriter writer(Format format, Writer out, TagFilter tag) throws IOException {
        return switch (format) {
            case JSON -> json(out, tag);
            case CSV -> csv(out);
            case TABLE -> table(out);
        };
    }

    /** Writes a collected result (from {@link RetainedAudit#scan}) with {@code writer}. */
    public static void write(RetainedWriter writer, RetainedResult result) throws IOException {
        writer.begin(result.regions());
        writer.write(result.findings());
        writer.end(result.totalMonthlyUsd(), result.errors());
    }

    /**
     * {@code {"tag": ..., "regions": [{"region", "active"}], "findings": [...], "totalMonthlyUsd": n, "errors": [...]}},
     * each finding written as it comes.
     */
    public static RetainedWriter json(Writer out, TagFilter tag) throws IOException {
        JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out);
        json.useDefaultPrettyPrinter();
        return new RetainedWriter() {
            @Override
            public void begin(List<RegionStatus> regions) throws IOException {
                json.writeStartObject();
                json.writeStringField("tag", tag.toString());
                json.writeFieldName("regions");
                Json.MAPPER.writeValue(json, regions);
                json.writeArrayFieldStart("findings");
            }

            @Override
            public void write(List<? extends Finding> chunk) throws IOException {
                for (Finding finding : chunk) {
                    Json.MAPPER.writeValue(json, finding);
                }
            }

            @Override
            public void end(BigDecimal totalMonthlyUsd, List<AuditError> errors) throws IOException {
                json.writeEndArray();
                json.writeNumberField("totalMonthlyUsd", totalMonthlyUsd);
                json.writeFieldName("errors");
                Json.MAPPER.writeValue(json, errors);
                json.writeEndObject();
                json.writeRaw('\n');
                json.flush();
            }
        };
    }

    /** A header row and one row per finding; errors go to stderr only. */
    public static RetainedWriter csv(Writer out) {
        CsvReportWriter<Finding> csv = new CsvReportWriter<>(out, COLUMNS);
        return new RetainedWriter() {
            @Override
            public void begin(List<RegionStatus> regions) throws IOException {
                csv.begin();
            }

            @Override
            public void write(List<? extends Finding> chunk) throws IOException {
                csv.write(chunk);
            }

            @Override
            public void end(BigDecimal totalMonthlyUsd, List<AuditError> errors) throws IOException {
                csv.end(errors);
            }
        };
    }

    /**
     * For people: the regions, then orphans (billing by the hour, most urgent), then data (buckets, state buckets,
     * log groups), each with its monthly cost and cleanup command, then the total. Collects the findings (few: one
     * per bucket, log group or orphan, never per object).
     */
    public static RetainedWriter table(Writer out) {
        List<Finding> findings = new ArrayList<>();
        List<RegionStatus> statuses = new ArrayList<>();
        return new RetainedWriter() {
            @Override
            public void begin(List<RegionStatus> regions) {
                statuses.addAll(regions);
            }

            @Override
            public void write(List<? extends Finding> chunk) {
                findings.addAll(chunk);
            }

            @Override
            public void end(BigDecimal totalMonthlyUsd, List<AuditError> errors) throws IOException {
                out.write(tableText(statuses, findings, totalMonthlyUsd, errors));
                out.flush();
            }
        };
    }

    static String tableText(List<RegionStatus> statuses, List<Finding> findings, BigDecimal total,
            List<AuditError> errors) {
        StringBuilder text = new StringBuilder("Regions:");
        for (RegionStatus status : statuses) {
            text.append(' ').append(status.region()).append(' ').append(status.active() == null ? "(unknown)"
                    : status.active() ? "(active: not audited)" : "(not active)");
        }
        text.append('\n');
        List<Finding> orphans = findings.stream().filter(f -> f.kind() == Kind.ORPHAN).toList();
        List<Finding> data = findings.stream().filter(f -> f.kind() != Kind.ORPHAN)
                .sorted(Comparator.comparing(Finding::region).thenComparing(Finding::kind)).toList();
        section(text, "Orphans, billing by the hour (most urgent)", orphans);
        section(text, "Data kept by deactivation", data);
        if (findings.isEmpty()) {
            text.append("\nNothing retained or orphaned in the deactivated regions.\n");
        }
        BigDecimal removable = findings.stream().filter(Finding::removable).map(Finding::monthlyUsdOrZero)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long unpriced = findings.stream().filter(f -> f.monthlyUsd() == null).count();
        text.append("\nTotal: ").append(Money.tableWithFractions(total)).append("/month for ").append(findings.size())
                .append(findings.size() == 1 ? " finding" : " findings").append("; agc-owned and removable: ")
                .append(Money.tableWithFractions(removable)).append("/month");
        if (unpriced > 0) {
            text.append("; ").append(unpriced).append(" without a known price");
        }
        text.append('\n');
        if (!errors.isEmpty()) {
            text.append("\nErrors (").append(errors.size()).append("): the report is partial\n");
            for (AuditError error : errors) {
                text.append("  ").append(error.toLine()).append('\n');
            }
        }
        return text.toString();
    }

    private static void section(StringBuilder text, String title, List<Finding> rows) {
        if (rows.isEmpty()) {
            return;
        }
        text.append('\n').append(title).append(" (").append(rows.size()).append("):\n");
        TextTable table = new TextTable("  ", " ").alignRight((column, cell) -> column == 6);
        rows.forEach(row -> table.row(row.region(), row.kind().id(), row.type(), row.id(), row.owner().id(), size(row),
                row.monthlyUsd() == null ? "unknown" : Money.tableWithFractions(row.monthlyUsd()) + "/mo"));
        List<String> lines = table.render().lines().toList();
        BigDecimal subtotal = BigDecimal.ZERO;
        for (int i = 0; i < rows.size(); i++) {
            Finding row = rows.get(i);
            text.append(lines.get(i)).append('\n');
            text.append("      ").append(row.reason()).append('\n');
            if (row.cleanup() != null) {
                text.append("      $ ").append(row.cleanup()).append('\n');
            }
            subtotal = subtotal.add(row.monthlyUsdOrZero());
        }
        text.append("  subtotal ").append(Money.tableWithFractions(subtotal)).append("/month\n");
    }

    private static String size(Finding finding) {
        if (finding.kind() == Kind.ORPHAN) {
            return finding.state() == null ? "" : finding.state();
        }
        String bytes = finding.sizeBytes() == null ? "size unknown" : bytes(finding.sizeBytes());
        return finding.objects() == null ? bytes : bytes + ", " + finding.objects() + " objects";
    }

    /** {@code 3.0 KB}, {@code 1.2 GB}: binary units, as AWS bills storage. */
    static String bytes(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static String text(Number number) {
        return number == null ? null : number.toString();
    }
}
