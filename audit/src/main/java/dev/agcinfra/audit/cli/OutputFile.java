package dev.agcinfra.audit.cli;

import dev.agcinfra.audit.AuditException;
import dev.agcinfra.cli.ExitCode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code -o}/{@code --output}: where a report goes, checked before any AWS call. Part of {@link OutputOptions}; a
 * command with formats of its own ({@code estimate}) takes it alone.
 */
public final class OutputFile {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of stdout.")
    Path output;

    /**
     * Checks, before any AWS call, that {@code --output} can be written: its directory exists and is writable, and it
     * is not a directory itself. The file is created only when the report starts.
     */
    public void check(CommandLine commandLine) {
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

    /** The file given, or {@code null} for stdout. */
    public Path path() {
        return output;
    }

    /** Writes a whole report to a {@link Writer}. */
    @FunctionalInterface
    public interface Report {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Writes {@code report} to the file, or to {@code stdout} (flushed, kept open); a file that cannot be written is
     * exit 2 naming it.
     */
    public void write(Writer stdout, Report report) {
        Writer out = open(stdout);
        try {
            try {
                report.writeTo(out);
                out.flush();
            } finally {
                if (out != stdout) {
                    out.close();
                }
            }
        } catch (IOException e) {
            throw new AuditException(ExitCode.INVALID_INPUT, "cannot write --output " + output + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** Opens the report's destination: the file, or {@code stdout} (which the caller keeps open). */
    public Writer open(Writer stdout) {
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
