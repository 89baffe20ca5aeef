package dev.agcinfra.audit.cli;

import dev.agcinfra.audit.report.Format;
import java.io.Writer;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --output}: what the report looks like and where it goes. */
public final class OutputOptions {

    /** The formats, as users type them. */
    static final class Formats extends java.util.ArrayList<String> {
        Formats() {
            super(List.of("table", "json", "csv"));
        }
    }

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            completionCandidates = Formats.class,
            description = "Report format: table, json or csv (default: ${DEFAULT-VALUE}).", defaultValue = "table")
    Format format = Format.TABLE;

    @Mixin
    OutputFile file;

    /** See {@link OutputFile#check}. */
    void check(CommandLine commandLine) {
        file.check(commandLine);
    }

    /** See {@link OutputFile#write}. */
    void write(Writer stdout, OutputFile.Report report) {
        file.write(stdout, report);
    }

    /** See {@link OutputFile#open}. */
    Writer open(Writer stdout) {
        return file.open(stdout);
    }
}
