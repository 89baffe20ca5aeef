package dev.agcinfra.audit.security;

import dev.agcinfra.audit.report.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agcinfra.audit.batch.AuditAccount;
import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.report.Column;
import dev.agcinfra.audit.report.CsvReportWriter;
import dev.agcinfra.audit.report.Format;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import dev.agcinfra.cli.TextTable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The security check's reports: a table for people, JSON ({@code findings}, {@code summary}, {@code errors}) and CSV
 * for programs, and SARIF 2.1.0 for GitHub code scanning. The findings are few (at most a handful per resource), so
 * the reports are written from the collected result.
 */
public final class SecurityReports {

    /** The SARIF version written, and the OASIS schema it follows. */
    public static final String SARIF_VERSION = "2.1.0";
    public static final String SARIF_SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";


    static final List<Column<Finding>> COLUMNS = List.of(
            new Column<>("region", Finding::region),
            new Column<>("severity", f -> f.severity().id()),
            new Column<>("rule", f -> f.rule().id()),
            new Column<>("resourceType", Finding::resourceType),
            new Column<>("id", Finding::id),
            new Column<>("message", Finding::message),
            new Column<>("fix", Finding::fix),
            new Column<>("references", f -> String.join(";", f.references())),
            new Column<>("stack", Finding::stack),
            new Column<>("file", f -> f.location() == null ? null : f.location().file()),
            new Column<>("line", f -> f.location() == null || f.location().line() == 0 ? null
                    : Integer.toString(f.location().line())),
            new Column<>("account", Finding::account));

    private SecurityReports() {
    }

    /** Writes the report in {@code format}. */
    public static void write(Format format, SecurityResult result, Writer out) throws IOException {
        switch (format) {
            case TABLE -> table(result, out);
            case JSON -> json(result, out);
            case CSV -> csv(result, out);
        }
        out.flush();
    }

    /** Between two columns of a finding's first line. */
    private static final String GAP = "  ";
    /** The severity column is as wide as the longest severity ({@code MEDIUM}) whichever are present. */
    private static final int SEVERITY_WIDTH = java.util.Arrays.stream(Severity.values())
            .mapToInt(s -> s.id().length()).max().orElse(0);
    /** A finding's other lines start under its rule. */
    private static final String DETAIL = " ".repeat(SEVERITY_WIDTH + GAP.length());

    /**
     * Per finding, most severe first: a line of severity, rule, stack or region, resource type and id (one
     * {@link TextTable} over every finding, so the columns line up through the report), then the message, the fix,
     * the rules. With several accounts, the findings are grouped under their account, each with its summary.
     */
    public static void table(SecurityResult result, Writer out) {
        PrintWriter print = new PrintWriter(out);
        Map<Finding, String> firstLines = firstLines(result.findings());
        print.println(result.offline()
                ? "Security check of synthesized stacks in " + result.source() + ": " + count(result.scope().size(),
                        "stack") + " (" + String.join(", ", result.scope()) + "), " + count(result.resources(),
                        "resource") + " checked"
                : "Security check of " + (result.byAccount() ? count(result.accounts().size(), "account") + ", " : "")
                        + "regions " + String.join(", ", result.scope()) + " (" + result.tag() + "): "
                        + count(result.resources(), "resource") + " checked");
        if (result.byAccount()) {
            for (AuditAccount account : result.accounts()) {
                print.println();
                List<Finding> own = result.findings().stream().filter(f -> account.id().equals(f.account())).toList();
                if (result.errors().stream().anyMatch(e -> e.accountWide() && e.account().equals(account.id()))) {
                    print.println("Account " + account.label() + ": not read (see the errors below)");
                    continue;
                }
                print.println("Account " + account.label() + ": " + counts(own) + " (" + count(own.size(), "finding")
                        + ")" + (own.isEmpty() ? "" : "; run its fixes with this account's credentials"));
                own.forEach(f -> finding(print, firstLines.get(f), f));
            }
        } else {
            print.println();
            if (result.findings().isEmpty()) {
                print.println("No findings.");
            }
            result.findings().forEach(f -> finding(print, firstLines.get(f), f));
        }
        print.println();
        print.println("Summary: " + summaryLine(result));
        if (!result.errors().isEmpty()) {
            print.println();
            print.println("Errors (the report is partial):");
            result.errors().forEach(e -> print.println("  " + e.toLine(result.byAccount())));
        }
        print.flush();
    }

    /** Each finding's first line, its cells aligned with every other finding's (by identity: findings may repeat). */
    private static Map<Finding, String> firstLines(List<Finding> findings) {
        TextTable table = new TextTable("", GAP);
        for (Finding f : findings) {
            String severity = f.severity().id().toUpperCase(java.util.Locale.ROOT);
            table.row(severity + " ".repeat(SEVERITY_WIDTH - severity.length()), f.rule().id(),
                    f.stack() != null ? f.stack() : f.region(), f.resourceType(), f.id());
        }
        List<String> lines = table.render().lines().toList();
        Map<Finding, String> byFinding = new IdentityHashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            byFinding.put(findings.get(i), lines.get(i));
        }
        return byFinding;
    }

    private static void finding(PrintWriter print, String firstLine, Finding f) {
        print.println(firstLine);
        print.println(DETAIL + f.message());
        print.println(DETAIL + "fix: " + f.fix());
        if (!f.references().isEmpty()) {
            print.println(DETAIL + "same as: " + String.join(", ", f.references()));
        }
        if (f.location() != null) {
            print.println(DETAIL + "at: " + f.location().file() + (f.location().line() > 0 ? ":" + f.location().line()
                    : ""));
        }
    }

    /**
     * {@code {"source", "scope"..., "findings": [...], "summary": {...}, "errors": [...]}}; each finding has
     * {@code rule, severity, region, resourceType, id, message, fix, references}, and offline {@code stack} and
     * {@code location}.
     */
    public static void json(SecurityResult result, Writer out) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        if (result.offline()) {
            root.put("synth", result.source());
            root.set("stacks", Json.MAPPER.valueToTree(result.scope()));
        } else {
            root.put("tag", result.tag());
            root.set("regions", Json.MAPPER.valueToTree(result.scope()));
        }
        root.set("findings", Json.MAPPER.valueToTree(result.findings()));
        ObjectNode summary = root.putObject("summary");
        summary.put("resources", result.resources());
        summary.put("findings", result.findings().size());
        ObjectNode bySeverity = summary.putObject("bySeverity");
        result.counts().entrySet().stream().sorted(Map.Entry.<Severity, Long>comparingByKey().reversed())
                .forEach(e -> bySeverity.put(e.getKey().id(), e.getValue()));
        summary.put("failOn", result.failOn() == null ? "none" : result.failOn().id());
        summary.put("fails", result.fails());
        root.set("errors", Json.MAPPER.valueToTree(result.errors()));
        if (!result.offline()) {
            ArrayNode accounts = root.putArray("accounts");
            for (AuditAccount account : result.accounts()) {
                List<Finding> own = result.findings().stream().filter(f -> account.id().equals(f.account())).toList();
                ObjectNode node = accounts.addObject().put("account", account.id()).put("name", account.name())
                        .put("findings", own.size());
                ObjectNode severities = node.putObject("bySeverity");
                for (Severity severity : Severity.values()) {
                    severities.put(severity.id(), own.stream().filter(f -> f.severity() == severity).count());
                }
                node.put("complete", result.errors().stream().noneMatch(e -> e.account().equals(account.id())));
            }
        }
        Json.PRETTY.writeValue(out, root);
        out.write('\n');
    }

    /** A header row and one row per finding (references joined with {@code ;}); errors go to stderr only. */
    public static void csv(SecurityResult result, Writer out) throws IOException {
        CsvReportWriter<Finding> csv = new CsvReportWriter<>(out, COLUMNS);
        csv.begin();
        csv.write(result.findings());
        csv.end(result.errors());
    }

    /**
     * SARIF 2.1.0: one run of the tool {@code agc-audit} with every rule (id, title, description, default level,
     * GitHub's {@code security-severity}, the equivalent rules as tags) and one result per finding. Offline, each
     * result points at its resource's block in the synthesized file (GitHub code scanning needs a file location);
     * live, at a logical location {@code region/type/id}. Failed calls are the invocation's notifications.
     */
    public static void sarif(SecurityResult result, Writer out, String version) throws IOException {
        ObjectNode log = Json.MAPPER.createObjectNode();
        log.put("$schema", SARIF_SCHEMA);
        log.put("version", SARIF_VERSION);
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "agc-audit");
        driver.put("version", version);
        ArrayNode rules = driver.putArray("rules");
        for (Rule rule : Rule.values()) {
            ObjectNode descriptor = rules.addObject();
            descriptor.put("id", rule.id());
            descriptor.putObject("shortDescription").put("text", rule.title());
            descriptor.putObject("fullDescription").put("text", rule.description());
            descriptor.putObject("help").put("text", rule.description() + (rule.references().isEmpty() ? ""
                    : " Equivalent rules: " + String.join(", ", rule.references()) + "."));
            descriptor.putObject("defaultConfiguration").put("level", rule.severity().sarifLevel());
            ObjectNode properties = descriptor.putObject("properties");
            ArrayNode tags = properties.putArray("tags");
            tags.add("security");
            rule.references().forEach(tags::add);
            if (rule.severity().securitySeverity() != null) {
                properties.put("security-severity", rule.severity().securitySeverity());
            }
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : result.findings()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.rule().id());
            r.put("ruleIndex", f.rule().ordinal());
            r.put("level", f.severity().sarifLevel());
            r.putObject("message").put("text", f.message() + ". Fix: " + f.fix());
            ObjectNode location = r.putArray("locations").addObject();
            if (f.location() != null) {
                ObjectNode physical = location.putObject("physicalLocation");
                physical.putObject("artifactLocation").put("uri", uri(f.location().file()));
                if (f.location().line() > 0) {
                    physical.putObject("region").put("startLine", f.location().line());
                }
            }
            String name = logicalName(f, result.byAccount());
            location.putArray("logicalLocations").addObject()
                    .put("fullyQualifiedName", name)
                    .put("kind", "resource");
            r.putObject("partialFingerprints").put("agcAuditResource/v1", f.rule().id() + "|" + name);
            ObjectNode properties = r.putObject("properties");
            properties.put("severity", f.severity().id());
            properties.put("region", f.region());
            properties.put("resourceType", f.resourceType());
            properties.put("id", f.id());
            properties.put("fix", f.fix());
            if (f.account() != null) {
                properties.put("account", f.account());
            }
            properties.set("references", Json.MAPPER.valueToTree(f.references()));
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", result.errors().isEmpty());
        if (!result.errors().isEmpty()) {
            ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
            for (AuditError error : result.errors()) {
                notifications.addObject().put("level", "error").putObject("message")
                        .put("text", error.toLine(result.byAccount()));
            }
        }
        Json.PRETTY.writeValue(out, log);
        out.write('\n');
        out.flush();
    }

    /** {@code stack/address} offline, {@code region/type/id} live. */
    static String logicalName(Finding f) {
        return logicalName(f, false);
    }

    /**
     * {@code stack/address} offline, {@code region/type/id} live, and {@code account/region/type/id} live over several
     * accounts (the table {@code Agc} has the same name in every account).
     */
    static String logicalName(Finding f, boolean byAccount) {
        if (f.stack() != null) {
            return f.stack() + "/" + f.id();
        }
        return (byAccount && f.account() != null ? f.account() + "/" : "") + f.region() + "/" + f.resourceType() + "/"
                + f.id();
    }

    /** A file path as a URI reference: relative paths stay relative ({@code /} separators), absolute ones become {@code file:} URIs. */
    static String uri(String file) {
        Path path = Path.of(file);
        if (path.isAbsolute()) {
            return path.toUri().toString();
        }
        List<String> parts = new ArrayList<>();
        path.forEach(part -> parts.add(part.toString()));
        try {
            return new URI(null, null, String.join("/", parts), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + file, e);
        }
    }

    /** {@code 1 high, 0 medium, 2 low, 1 info}. */
    private static String counts(List<Finding> findings) {
        List<Severity> severities = new ArrayList<>(List.of(Severity.values()));
        java.util.Collections.reverse(severities);
        return severities.stream()
                .map(severity -> findings.stream().filter(f -> f.severity() == severity).count() + " " + severity.id())
                .collect(Collectors.joining(", "));
    }

    /** {@code 1 high, 0 medium, 2 low, 1 info (4 findings); --fail-on high: fails}. */
    static String summaryLine(SecurityResult result) {
        String counts = result.counts().entrySet().stream()
                .sorted(Map.Entry.<Severity, Long>comparingByKey().reversed())
                .map(e -> e.getValue() + " " + e.getKey().id()).collect(Collectors.joining(", "));
        String failOn = result.failOn() == null ? "--fail-on none: never fails"
                : "--fail-on " + result.failOn().id() + ": " + (result.fails() ? "fails" : "passes");
        return counts + " (" + count(result.findings().size(), "finding") + "); " + failOn
                + (result.errors().isEmpty() ? "" : "; partial: " + count(result.errors().size(), "error"));
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
