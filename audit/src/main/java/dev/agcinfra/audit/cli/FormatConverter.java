package dev.agcinfra.audit.cli;

import dev.agcinfra.audit.report.Format;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code table}, {@code json} or {@code csv}, in any case. */
final class FormatConverter implements ITypeConverter<Format> {

    @Override
    public Format convert(String value) {
        try {
            return Format.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("expected table, json or csv but was '" + value + "'");
        }
    }
}
