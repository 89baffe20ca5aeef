package dev.agcinfra.audit.retained;

import dev.agcinfra.audit.report.Json;
import dev.agcinfra.cli.TextTable;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.accounts.AuditScope;
import dev.agcinfra.audit.batch.AuditAccount;
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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
            new Column<>("cleanup", Finding::cleanup),
            new Column<>("account", Finding::account));

    /**
     * One account's line of the JSON report's {@code accounts}.
     *
     * @param account         the account id
     * @param name            its name in the organization, or {@code null}
     * @param findings        its findings
     * @param totalMonthlyUsd their monthly cost (known prices)
     * @param complete        whether every call of it succeeded
     */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"account", "name", "findings", "totalMonthlyUsd", "complete"})
    public record AccountTotal(String account, String name, long findings, BigDecimal totalMonthlyUsd,
            boolean complete) {
    }


    private RetainedReports() {
    }

    /** The writer for a format, for the caller's account. */
    public static RetainedWriter writer(Format format, Writer out, TagFilter tag) throws IOException {
        return writer(format, out, tag, null);
    }

    /**
     * The writer for a format and the accounts read.
     *
     * @param scope the accounts asked for (their names, and those that could not be read); {@code null}: the
     *              accounts the regions' statuses name, reported as one
     */
    public static RetainedWriter writer(Format format, Writer out, TagFilter tag, AuditScope scope)
            throws IOException {
        return switch (format) {
            case JSON -> json(out, tag, scope);
            case CSV -> csv(out);
            case TABLE -> table(out, scope);
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
        return json(out, tag, null);
    }

    /**
     * The JSON writer, ending with {@code "accounts": [{"account", "name", "findings", "totalMonthlyUsd",
     * "complete"}]}.
     */
    public static RetainedWriter json(Writer out, TagFilter tag, AuditScope scope) throws IOException {
        JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out);
        json.useDefaultPrettyPrinter();
        List<RegionStatus> statuses = new ArrayList<>();
        Map<String, long[]> counts = new HashMap<>();
        Map<String, BigDecimal> sums = new HashMap<>();
        return new RetainedWriter() {
            @Override
            public void begin(List<RegionStatus> regions) throws IOException {
                statuses.addAll(regions);
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
                    counts.computeIfAbsent(finding.account(), a -> new long[1])[0]++;
                    sums.merge(finding.account(), finding.monthlyUsdOrZero(), BigDecimal::add);
                }
            }

            @Override
            public void end(BigDecimal totalMonthlyUsd, List<AuditError> errors) throws IOException {
                json.writeEndArray();
                json.writeNumberField("totalMonthlyUsd", totalMonthlyUsd);
                json.writeFieldName("errors");
                Json.MAPPER.writeValue(json, errors);
                List<AccountTotal> totals = new ArrayList<>();
                for (AuditAccount account : accounts(scope, statuses, errors)) {
                    String id = account.id();
                    totals.add(new AccountTotal(id, account.name(), counts.getOrDefault(id, new long[1])[0],
                            Money.toHundredthOfCent(sums.getOrDefault(id, BigDecimal.ZERO)),
                            errors.stream().noneMatch(e -> e.account().equals(id))));
                }
                json.writeFieldName("accounts");
                Json.MAPPER.writeValue(json, totals);
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
        return table(out, null);
    }

    /**
     * The table writer; with a scope of several accounts ({@code --accounts}, {@code --org}), each account has its
     * own regions line, sections and total.
     */
    public static RetainedWriter table(Writer out, AuditScope scope) {
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
                out.write(scope != null && scope.byAccount()
                        ? tableText(scope, statuses, findings, totalMonthlyUsd, errors)
                        : tableText(statuses, findings, totalMonthlyUsd, errors));
                out.flush();
            }
        };
    }

    static String tableText(List<RegionStatus> statuses, List<Finding> findings, BigDecimal total,
            List<AuditError> errors) {
        StringBuilder text = new StringBuilder();
        appendAccount(text, statuses, findings);
        if (findings.isEmpty()) {
            text.append("\nNothing retained or orphaned in the deactivated regions.\n");
        }
        text.append("\nTotal: ");
        appendTotal(text, findings, total);
        text.append('\n');
        appendErrors(text, errors, false);
        return text.toString();
    }

    /** Account by account: its regions, sections and total; then the total of every account. */
    static String tableText(AuditScope scope, List<RegionStatus> statuses, List<Finding> findings, BigDecimal total,
            List<AuditError> errors) {
        StringBuilder text = new StringBuilder();
        int unread = 0;
        for (AuditAccount account : scope.accounts()) {
            String id = account.id();
            text.append(text.length() == 0 ? "" : "\n").append("Account ").append(account.label());
            if (errors.stream().anyMatch(e -> e.accountWide() && e.account().equals(id))) {
                text.append(": not read (see the errors below)\n");
                unread++;
                continue;
            }
            text.append('\n');
            List<Finding> own = findings.stream().filter(f -> f.account().equals(id)).toList();
            appendAccount(text, statuses.stream().filter(s -> id.equals(s.account())).toList(), own);
            text.append(own.isEmpty() ? "Nothing retained or orphaned in its deactivated regions.\n" : "")
                    .append("Account total: ");
            appendTotal(text, own, own.stream().map(Finding::monthlyUsdOrZero).reduce(BigDecimal.ZERO, BigDecimal::add));
            text.append('\n');
        }
        text.append("\nTotal: ");
        appendTotal(text, findings, total);
        int read = scope.accounts().size() - unread;
        text.append(" in ").append(read).append(read == 1 ? " account" : " accounts")
                .append(unread == 0 ? "" : ", and " + unread + (unread == 1 ? " account" : " accounts") + " not read")
                .append('\n');
        appendErrors(text, errors, true);
        return text.toString();
    }

    /** The regions line, then orphans (most urgent), then data. */
    private static void appendAccount(StringBuilder text, List<RegionStatus> statuses, List<Finding> findings) {
        text.append("Regions:");
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
    }

    /** {@code $35.04/month for 3 findings; agc-owned and removable: $35.04/month; 1 without a known price}. */
    private static void appendTotal(StringBuilder text, List<Finding> findings, BigDecimal total) {
        BigDecimal removable = findings.stream().filter(Finding::removable).map(Finding::monthlyUsdOrZero)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long unpriced = findings.stream().filter(f -> f.monthlyUsd() == null).count();
        text.append(Money.tableWithFractions(total)).append("/month for ").append(findings.size())
                .append(findings.size() == 1 ? " finding" : " findings").append("; agc-owned and removable: ")
                .append(Money.tableWithFractions(removable)).append("/month");
        if (unpriced > 0) {
            text.append("; ").append(unpriced).append(" without a known price");
        }
    }

    private static void appendErrors(StringBuilder text, List<AuditError> errors, boolean byAccount) {
        if (!errors.isEmpty()) {
            text.append("\nErrors (").append(errors.size()).append("): the report is partial\n");
            for (AuditError error : errors) {
                text.append("  ").append(error.toLine(byAccount)).append('\n');
            }
        }
    }

    /** The scope's accounts, or those the statuses and errors name, in order of appearance. */
    private static List<AuditAccount> accounts(AuditScope scope, List<RegionStatus> statuses, List<AuditError> errors) {
        if (scope != null) {
            return scope.accounts();
        }
        Set<String> ids = new LinkedHashSet<>();
        statuses.forEach(status -> ids.add(status.account()));
        errors.forEach(error -> ids.add(error.account()));
        ids.remove(null);
        return ids.stream().map(AuditAccount::caller).toList();
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
