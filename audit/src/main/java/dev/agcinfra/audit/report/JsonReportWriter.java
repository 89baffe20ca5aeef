package dev.agcinfra.audit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.agcinfra.audit.batch.AuditError;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Streams {@code {<header fields>, "<items>": [...], "errors": [...], <trailer fields>}}: each item is serialised as
 * it comes and nothing is kept, so a report of any size needs the memory of one chunk. Trailer fields (totals known
 * only at the end) are asked for when the errors are written.
 *
 * @param <T> the item type, serialised by Jackson (records with {@code @JsonPropertyOrder})
 */
public final class JsonReportWriter<T> implements ReportWriter<T> {


    private final JsonGenerator json;
    private final Map<String, ?> header;
    private final String itemsField;
    private final Supplier<Map<String, ?>> trailer;

    /**
     * @param out        where to write; flushed, not closed, at the end
     * @param header     the fields before the items, in order
     * @param itemsField the name of the items array, e.g. {@code resources}
     * @param pretty     indent the output
     */
    public JsonReportWriter(Writer out, Map<String, ?> header, String itemsField, boolean pretty) throws IOException {
        this(out, header, itemsField, pretty, Map::of);
    }

    /**
     * @param trailer the fields after the errors, in order, asked for at the end
     */
    public JsonReportWriter(Writer out, Map<String, ?> header, String itemsField, boolean pretty,
            Supplier<Map<String, ?>> trailer) throws IOException {
        this.trailer = trailer;
        this.json = Json.MAPPER.getFactory().createGenerator(out);
        if (pretty) {
            json.useDefaultPrettyPrinter();
        }
        this.header = header;
        this.itemsField = itemsField;
    }

    @Override
    public void begin() throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, ?> field : header.entrySet()) {
            json.writeFieldName(field.getKey());
            Json.MAPPER.writeValue(json, field.getValue());
        }
        json.writeArrayFieldStart(itemsField);
    }

    @Override
    public void write(List<? extends T> chunk) throws IOException {
        for (T item : chunk) {
            Json.MAPPER.writeValue(json, item);
        }
    }

    @Override
    public void end(List<AuditError> errors) throws IOException {
        json.writeEndArray();
        json.writeArrayFieldStart("errors");
        for (AuditError error : errors) {
            Json.MAPPER.writeValue(json, error);
        }
        json.writeEndArray();
        for (Map.Entry<String, ?> field : trailer.get().entrySet()) {
            json.writeFieldName(field.getKey());
            Json.MAPPER.writeValue(json, field.getValue());
        }
        json.writeEndObject();
        json.writeRaw('\n');
        json.flush();
    }
}
