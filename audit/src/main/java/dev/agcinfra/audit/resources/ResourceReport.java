package dev.agcinfra.audit.resources;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.accounts.AuditScope;
import dev.agcinfra.audit.batch.AuditAccount;
import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.report.Column;
import dev.agcinfra.audit.report.CsvReportWriter;
import dev.agcinfra.audit.report.Format;
import dev.agcinfra.audit.report.JsonReportWriter;
import dev.agcinfra.audit.report.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code resources} report in each format. */
public final class ResourceReport {

    /**
     * The CSV columns, in order; tags as {@code key=value} pairs joined by {@code ;}; {@code account} last, so that the
     * columns of reports of one account stay where they were before accounts were an option.
     */
    public static final List<Column<Resource>> COLUMNS = List.of(
            new Column<>("region", Resource::region),
            new Column<>("service", Resource::service),
            new Column<>("type", Resource::type),
            new Column<>("id", Resource::id),
            new Column<>("arn", Resource::arn),
            new Column<>("name", Resource::name),
            new Column<>("state", Resource::state),
            new Column<>("tags", ResourceReport::tagsCell),
            new Column<>("account", Resource::account));

    /**
     * One account's line of the JSON report's {@code accounts}: how many of its regions were read and resources
     * listed, and whether every call succeeded.
     */
    @JsonPropertyOrder({"account", "name", "regions", "resources", "complete"})
    public record AccountTotal(String account, String name, int regions, long resources, boolean complete) {
    }

    private ResourceReport() {
    }

    /** The writer for a format and the accounts and regions read; the result deduplicates by account and ARN. */
    public static DeduplicatingWriter writer(Format format, Writer out, TagFilter tag, AuditScope scope)
            throws IOException {
        Map<String, Long> counts = new HashMap<>();
        ReportWriter<Resource> writer = switch (format) {
            case JSON -> {
                Map<String, Object> header = new LinkedHashMap<>();
                header.put("tag", tag.toString());
                header.put("regions", scope.regions());
                List<AuditError> errors = new ArrayList<>();
                yield counting(new JsonReportWriter<>(out, header, "resources", true,
                        () -> Map.of("accounts", totals(scope, counts, errors))), counts, errors);
            }
            case CSV -> new CsvReportWriter<>(out, COLUMNS);
            case TABLE -> new ResourceTableWriter(out, tag, scope);
        };
        return new DeduplicatingWriter(writer);
    }

    /** {@code k1=v1;k2=v2}, sorted by key. */
    public static String tagsCell(Resource resource) {
        return resource.tags().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    /** Every account of the scope with its totals, in report order. */
    static List<AccountTotal> totals(AuditScope scope, Map<String, Long> counts, List<AuditError> errors) {
        List<AccountTotal> totals = new ArrayList<>();
        for (AuditAccount account : scope.accounts()) {
            String id = account.id();
            totals.add(new AccountTotal(id, account.name(), scope.regions(id).size(), counts.getOrDefault(id, 0L),
                    errors.stream().noneMatch(e -> e.account().equals(id))));
        }
        return totals;
    }

    /** Counts what {@code delegate} writes per account, and keeps the errors for the totals. */
    private static ReportWriter<Resource> counting(ReportWriter<Resource> delegate, Map<String, Long> counts,
            List<AuditError> errors) {
        return new ReportWriter<>() {
            @Override
            public void begin() throws IOException {
                delegate.begin();
            }

            @Override
            public void write(List<? extends Resource> chunk) throws IOException {
                chunk.forEach(resource -> counts.merge(resource.account(), 1L, Long::sum));
                delegate.write(chunk);
            }

            @Override
            public void end(List<AuditError> all) throws IOException {
                errors.addAll(all);
                delegate.end(all);
            }
        };
    }
}
