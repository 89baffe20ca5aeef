package dev.agcinfra.audit.cli;

import dev.agcinfra.audit.AuditException;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.report.Format;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

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

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of stdout.")
    Path output;

    /**
     * Checks, before any AWS call, that {@code --output} can be written: its directory exists and is writable, and it
     * is not a directory itself. The file is created only when the report starts.
     */
    void check(CommandLine commandLine) {
        if (output == null) {
            return;
        }
        Path absolute = output.toAbsolutePath();
        Path directory = absolute.getParent();
        if (Files.isDirectory(absolute) || directory == null || !Files.isDirectory(directory)
                || !Files.isWritable(directory)) {
            throw new ParameterException(commandLine, "cannot write --output " + output + ": "
                    + (Files.isDirectory(absolute) ? "it is a directory" : "no writable directory " + directory));
        }
    }

    /** Opens the report's destination: the file, or {@code stdout} (which the caller keeps open). */
    Writer open(Writer stdout) {
        if (output == null) {
            return stdout;
        }
        try {
            return new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new AuditException(ExitCode.INVALID_INPUT, "cannot write --output " + output + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }
}
