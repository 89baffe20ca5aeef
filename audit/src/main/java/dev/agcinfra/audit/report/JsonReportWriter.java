package dev.agcinfra.audit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.agcinfra.audit.batch.AuditError;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Streams {@code {<header fields>, "<items>": [...], "errors": [...]}}: each item is serialised as it comes and
 * nothing is kept, so a report of any size needs the memory of one chunk.
 *
 * @param <T> the item type, serialised by Jackson (records with {@code @JsonPropertyOrder})
 */
public final class JsonReportWriter<T> implements ReportWriter<T> {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final JsonGenerator json;
    private final Map<String, ?> header;
    private final String itemsField;

    /**
     * @param out        where to write; flushed, not closed, at the end
     * @param header     the fields before the items, in order
     * @param itemsField the name of the items array, e.g. {@code resources}
     * @param pretty     indent the output
     */
    public JsonReportWriter(Writer out, Map<String, ?> header, String itemsField, boolean pretty) throws IOException {
        this.json = MAPPER.getFactory().createGenerator(out);
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
            MAPPER.writeValue(json, field.getValue());
        }
        json.writeArrayFieldStart(itemsField);
    }

    @Override
    public void write(List<? extends T> chunk) throws IOException {
        for (T item : chunk) {
            MAPPER.writeValue(json, item);
        }
    }

    @Override
    public void end(List<AuditError> errors) throws IOException {
        json.writeEndArray();
        json.writeArrayFieldStart("errors");
        for (AuditError error : errors) {
            MAPPER.writeValue(json, error);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
        json.flush();
    }
}
