package dev.agcinfra.audit.cleanup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agcinfra.audit.AuditException;
import dev.agcinfra.audit.report.Json;
import dev.agcinfra.audit.report.Money;
import dev.agcinfra.cli.TextTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cleanup plan and result, as text for people, as JSON, and as a plan file to apply later. */
public final class CleanupReports {

    /** What a plan file says it is, and its format's version. */
    public static final String PLAN_FORMAT = "agc-audit-cleanup-plan";
    public static final int PLAN_VERSION = 1;


    private CleanupReports() {
    }

    /**
     * The plan: the account, each deletion in order with why it is agc's, its command and monthly saving, what is
     * kept and why, the total.
     *
     * @param accountLabel the account as the prompt names it, e.g. {@code 123456789012 (mylab)}
     */
    public static String planText(CleanupPlan plan, String accountLabel) {
        StringBuilder text = new StringBuilder();
        text.append("Cleanup of ").append(plan.region()).append(" in account ").append(accountLabel)
                .append(plan.includeData() ? " (orphans and data" : " (orphans only; data needs --include-data")
                .append(plan.includeState() ? ", and the state bucket)" : ")").append(": ")
                .append(count(plan.actions().size())).append(" to delete, in this order\n");
        // one table over every deletion, so the columns line up; each row is followed by why and how
        TextTable table = new TextTable("  ", " ").alignRight((column, cell) -> column == 0);
        int n = 0;
        for (CleanupAction action : plan.actions()) {
            table.row(String.format("%2d.", ++n), action.operation().id(), action.type(), action.id(), action.monthlyUsd() == null
                    ? " (saving unknown)" : action.monthlyUsd().signum() == 0 ? "" : " " + Money.table(action.monthlyUsd())
                    + "/month");
        }
        List<String> rows = table.render().lines().toList();
        for (int i = 0; i < plan.actions().size(); i++) {
            CleanupAction action = plan.actions().get(i);
            text.append(rows.get(i)).append('\n');
            text.append("      ").append(action.provenance().describe()).append('\n');
            text.append("      $ ").append(action.command()).append('\n');
        }
        if (!plan.kept().isEmpty()) {
            text.append("Kept (").append(plan.kept().size()).append("):\n");
            for (Kept kept : plan.kept()) {
                text.append("  ").append(kept.type()).append(' ').append(kept.id()).append(" (owner: ")
                        .append(kept.owner()).append("): ").append(kept.reason()).append('\n');
            }
        }
        text.append("Monthly saving: ").append(Money.table(plan.monthlySavingUsd())).append('\n');
        return text.toString();
    }

    /** What was deleted, what failed and why, what was not deleted or skipped, and what the deletions save. */
    public static String resultText(CleanupResult result) {
        StringBuilder text = new StringBuilder();
        text.append("Deleted (").append(result.deleted().size()).append("):");
        list(text, result.deleted());
        if (!result.requested().isEmpty()) {
            text.append("Deletion requested, not yet complete (").append(result.requested().size()).append("):");
            list(text, result.requested());
        }
        if (!result.skipped().isEmpty()) {
            text.append("Skipped, changed since the plan was made (").append(result.skipped().size()).append("):\n");
            for (CleanupResult.Skipped skipped : result.skipped()) {
                text.append("  ").append(skipped.action().label()).append(": ").append(skipped.reason()).append('\n');
            }
        }
        if (result.failed() != null) {
            text.append("Failed: ").append(result.failed().label()).append(": ").append(result.error()).append('\n');
            text.append("Not deleted (").append(result.notDone().size() + 1).append("):");
            List<CleanupAction> notDeleted = new ArrayList<>(result.notDone());
            notDeleted.add(0, result.failed());
            list(text, notDeleted);
            text.append("Stopped at the first failure; run cleanup again once the cause is fixed.\n");
        } else if (result.skipped().isEmpty() && result.requested().isEmpty()) {
            text.append("Every deletion completed.\n");
        } else {
            text.append("Every deletion that ran completed");
            if (!result.requested().isEmpty()) {
                text.append("; ").append(result.requested().size()).append(" still being deleted by AWS");
            }
            if (!result.skipped().isEmpty()) {
                text.append("; ").append(result.skipped().size()).append(" skipped, as listed: run cleanup again to plan "
                        + "what is left");
            }
            text.append(".\n");
        }
        text.append("Monthly saving of what was deleted: ").append(Money.table(result.monthlySavingUsd())).append('\n');
        return text.toString();
    }

    /** {@code {"plan": ..., "dryRun": ..., "result": ...}}. */
    public static String json(CleanupPlan plan, boolean dryRun, CleanupResult result) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("plan", plan);
        document.put("dryRun", dryRun);
        if (result != null) {
            document.put("result", result);
        }
        try {
            return Json.PRETTY.writeValueAsString(document) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code plan} to {@code file} (whole or not at all: a temporary file beside it, then moved). */
    public static void writePlan(CleanupPlan plan, Path file) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", PLAN_FORMAT);
        document.put("version", PLAN_VERSION);
        document.put("plan", plan);
        Path target = file.toAbsolutePath();
        try {
            Path temporary = Files.createTempFile(target.getParent(), ".cleanup-plan-", ".json");
            try {
                Files.writeString(temporary, Json.PRETTY.writeValueAsString(document) + "\n", StandardCharsets.UTF_8);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw AuditException.invalidInput("--plan-file " + file + ": cannot write it (" + e.getMessage()
                    + "); choose a writable path");
        }
    }

    /**
     * Reads a plan file written by {@link #writePlan}.
     *
     * @throws AuditException exit 2 when it is missing, not a plan file, or of another version
     */
    public static CleanupPlan readPlan(Path file) {
        if (!Files.isRegularFile(file)) {
            throw AuditException.invalidInput("--apply " + file + ": no such file; give a file written by "
                    + "'agc-audit cleanup --plan-file'");
        }
        JsonNode document;
        try {
            document = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw AuditException.invalidInput("--apply " + file + ": cannot read it as JSON (" + e.getMessage()
                    + "); give a file written by 'agc-audit cleanup --plan-file'");
        }
        if (document == null || !PLAN_FORMAT.equals(document.path("format").asText())
                || document.path("version").asInt() != PLAN_VERSION || !document.path("plan").isObject()) {
            throw AuditException.invalidInput("--apply " + file + ": not a cleanup plan of version " + PLAN_VERSION
                    + "; give a file written by 'agc-audit cleanup --plan-file'");
        }
        try {
            CleanupPlan plan = Json.MAPPER.treeToValue(document.path("plan"), CleanupPlan.class);
            if (plan.account() == null || plan.region() == null) {
                throw AuditException.invalidInput("--apply " + file + ": the plan names no account or region");
            }
            return plan;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw AuditException.invalidInput("--apply " + file + ": the plan cannot be read (" + e.getMessage()
                    + "); make a new one with --plan-file");
        }
    }

    private static void list(StringBuilder text, List<CleanupAction> actions) {
        if (actions.isEmpty()) {
            text.append(" none\n");
            return;
        }
        text.append('\n');
        for (CleanupAction action : actions) {
            text.append("  ").append(action.operation().id()).append(' ').append(action.id()).append('\n');
        }
    }

    private static String count(int n) {
        return n + (n == 1 ? " resource" : " resources");
    }
}
