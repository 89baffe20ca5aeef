package dev.agcinfra.audit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * agc-audit's one JSON configuration, for every report and plan file it writes and every file it reads (price
 * tables, synthesized Terraform JSON, Terraform state, plan files, and in {@link #YAML} usage files): amounts as exact,
 * plain decimals ({@code 262.8}, never {@code 2.628E+2}, read as {@code BigDecimal}), streams left open for the
 * caller, records with no fields written as {@code {}}, and fields a reader does not know ignored.
 */
public final class Json {

    /** The configured mapper (compact output). */
    public static final ObjectMapper MAPPER = configured(new ObjectMapper());

    /** The same configuration over YAML (a superset of JSON), for files people write by hand. */
    public static final ObjectMapper YAML = configured(new ObjectMapper(new YAMLFactory()));

    /** The same, indented, for documents written whole. */
    public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    /** Tree nodes that keep a decimal's scale as given ({@code 35.04}, not {@code 35.040000}). */
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Json() {
    }

    private static ObjectMapper configured(ObjectMapper mapper) {
        return mapper
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
