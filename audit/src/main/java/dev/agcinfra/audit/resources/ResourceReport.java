package dev.agcinfra.audit.resources;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.report.Column;
import dev.agcinfra.audit.report.CsvReportWriter;
import dev.agcinfra.audit.report.Format;
import dev.agcinfra.audit.report.JsonReportWriter;
import dev.agcinfra.audit.report.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code resources} report in each format. */
public final class ResourceReport {

    /** The CSV columns, in order; tags as {@code key=value} pairs joined by {@code ;}. */
    public static final List<Column<Resource>> COLUMNS = List.of(
            new Column<>("region", Resource::region),
            new Column<>("service", Resource::service),
            new Column<>("type", Resource::type),
            new Column<>("id", Resource::id),
            new Column<>("arn", Resource::arn),
            new Column<>("name", Resource::name),
            new Column<>("state", Resource::state),
            new Column<>("tags", ResourceReport::tagsCell));

    private ResourceReport() {
    }

    /** The writer for a format; the result deduplicates by ARN. */
    public static DeduplicatingWriter writer(Format format, Writer out, TagFilter tag, List<String> regions)
            throws IOException {
        ReportWriter<Resource> writer = switch (format) {
            case JSON -> {
                Map<String, Object> header = new LinkedHashMap<>();
                header.put("tag", tag.toString());
                header.put("regions", regions);
                yield new JsonReportWriter<>(out, header, "resources", true);
            }
            case CSV -> new CsvReportWriter<>(out, COLUMNS);
            case TABLE -> new ResourceTableWriter(out, tag, regions);
        };
        return new DeduplicatingWriter(writer);
    }

    /** {@code k1=v1;k2=v2}, sorted by key. */
    public static String tagsCell(Resource resource) {
        return resource.tags().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }
}
