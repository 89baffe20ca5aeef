package dev.agcinfra.audit.resources;

import dev.agcinfra.cli.TextTable;
import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.report.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A table for people: per region, per {@code service/type}, with counts, then the errors.
 *
 * <p>It keeps every resource until the end in order to group them (a bucket may arrive from another region's
 * partition), so its memory grows with the account: use {@code --format json} or {@code csv} for very large ones.
 */
public final class ResourceTableWriter implements ReportWriter<Resource> {

    private final Writer out;
    private final TagFilter tag;
    private final List<String> regions;
    private final Map<String, List<Resource>> byRegion = new LinkedHashMap<>();

    public ResourceTableWriter(Writer out, TagFilter tag, List<String> regions) {
        this.out = out;
        this.tag = tag;
        this.regions = regions;
        regions.forEach(region -> byRegion.put(region, new ArrayList<>()));
    }

    @Override
    public void begin() {
    }

    @Override
    public void write(List<? extends Resource> chunk) {
        for (Resource resource : chunk) {
            byRegion.computeIfAbsent(resource.region(), r -> new ArrayList<>()).add(resource);
        }
    }

    @Override
    public void end(List<AuditError> errors) throws IOException {
        StringBuilder text = new StringBuilder();
        long total = 0;
        java.util.Set<String> failed = new java.util.HashSet<>();
        errors.forEach(error -> failed.add(error.region()));
        for (Map.Entry<String, List<Resource>> region : byRegion.entrySet()) {
            List<Resource> resources = region.getValue();
            total += resources.size();
            text.append(region.getKey()).append(": ");
            if (failed.contains(region.getKey())) {
                // a region whose calls failed is not "0 resources": say what was read, and that it is incomplete
                text.append(resources.isEmpty() ? "not read" : count(resources.size(), "resource") + " read")
                        .append(" (incomplete: see the errors below)\n");
            } else {
                text.append(count(resources.size(), "resource")).append('\n');
            }
            Map<String, List<Resource>> byType = new TreeMap<>();
            for (Resource resource : resources) {
                byType.computeIfAbsent(resource.service() + "/" + resource.type(), t -> new ArrayList<>()).add(resource);
            }
            for (Map.Entry<String, List<Resource>> type : byType.entrySet()) {
                List<Resource> rows = type.getValue();
                rows.sort(Comparator.comparing(Resource::id));
                text.append("  ").append(type.getKey()).append(" (").append(rows.size()).append(")\n");
                TextTable table = new TextTable("    ", "  ");
                boolean states = rows.stream().anyMatch(row -> row.state() != null && !row.state().isEmpty());
                rows.forEach(row -> {
                    if (states) {
                        table.row(row.id(), row.state(), row.name());
                    } else {
                        table.row(row.id(), row.name());
                    }
                });
                table.appendTo(text);
            }
        }
        long complete = byRegion.keySet().stream().filter(region -> !failed.contains(region)).count();
        text.append("\nTotal: ").append(count(total, "resource")).append(" tagged ").append(tag)
                .append(" in ").append(count(complete, "region"))
                .append(failed.isEmpty() ? "" : ", and " + count(failed.size(), "region") + " not read completely")
                .append('\n');
        if (!errors.isEmpty()) {
            text.append("\nErrors (").append(errors.size()).append("): the report is partial\n");
            for (AuditError error : errors) {
                text.append("  ").append(error.toLine()).append('\n');
            }
        }
        out.write(text.toString());
        out.flush();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
