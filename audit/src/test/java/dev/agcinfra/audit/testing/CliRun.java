package dev.agcinfra.audit.testing;

import dev.agcinfra.audit.cli.AgcAudit;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

/**
 * Runs agc-audit in-process with captured streams, as jbang's {@code checkedRun} does.
 *
 * @param status the exit code
 * @param out    what went to stdout (the report)
 * @param err    what went to stderr
 */
public record CliRun(int status, String out, String err) {

    static {
        TestCredentials.install();
    }

    /** Runs {@code agc-audit args...}. */
    public static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = AgcAudit.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(status, out.toString(), err.toString());
    }

    /** Runs {@code agc-audit} with {@code base} then {@code more} arguments. */
    public static CliRun run(List<String> base, String... more) {
        String[] args = base.toArray(new String[0]);
        args = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, args, base.size(), more.length);
        return run(args);
    }

    /** stderr's lines, without empty ones. */
    public List<String> errLines() {
        return err.lines().filter(line -> !line.isBlank()).toList();
    }
}
