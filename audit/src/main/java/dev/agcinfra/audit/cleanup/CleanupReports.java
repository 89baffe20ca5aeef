package dev.agcinfra.audit.cleanup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cleanup plan and result, as text for people and as JSON. */
public final class CleanupReports {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private CleanupReports() {
    }

    /** The plan: each deletion in order with its command and monthly saving, what is kept and why, the total. */
    public static String planText(CleanupPlan plan) {
        StringBuilder text = new StringBuilder();
        text.append("Cleanup of ").append(plan.region()).append(plan.includeData() ? " (orphans and data)"
                : " (orphans only; data needs --include-data)").append(": ").append(count(plan.actions().size()))
                .append(" to delete, in this order\n");
        int n = 0;
        for (CleanupAction action : plan.actions()) {
            n++;
            text.append(String.format("  %2d. %-24s %-18s %s%s%n", n, action.operation().id(), action.type(),
                    action.id(), action.monthlyUsd() == null ? "  (saving unknown)"
                            : action.monthlyUsd().signum() == 0 ? "" : "  " + usd(action.monthlyUsd()) + "/month"));
            text.append("      $ ").append(action.command()).append('\n');
        }
        if (!plan.kept().isEmpty()) {
            text.append("Kept (").append(plan.kept().size()).append("):\n");
            for (Kept kept : plan.kept()) {
                text.append("  ").append(kept.type()).append(' ').append(kept.id()).append(" (").append(kept.owner())
                        .append("): ").append(kept.reason()).append('\n');
            }
        }
        text.append("Monthly saving: ").append(usd(plan.monthlySavingUsd())).append('\n');
        return text.toString();
    }

    /** What was deleted, what failed and why, what was not deleted. */
    public static String resultText(CleanupResult result) {
        StringBuilder text = new StringBuilder();
        text.append("Deleted (").append(result.deleted().size()).append("):");
        list(text, result.deleted());
        if (!result.requested().isEmpty()) {
            text.append("Deletion requested, not yet complete (").append(result.requested().size()).append("):");
            list(text, result.requested());
        }
        if (result.failed() != null) {
            text.append("Failed: ").append(result.failed().label()).append(": ").append(result.error()).append('\n');
            text.append("Not deleted (").append(result.notDone().size() + 1).append("):");
            list(text, prepend(result.failed(), result.notDone()));
            text.append("Stopped at the first failure; run cleanup again once the cause is fixed.\n");
        } else {
            text.append("Every deletion completed.\n");
        }
        return text.toString();
    }

    /** {@code {"plan": ..., "dryRun": ..., "result": ...}}. */
    public static String json(CleanupPlan plan, boolean dryRun, CleanupResult result) {
        Map<String, Object> document = new LinkedHashMap<>();
        Map<String, Object> planFields = new LinkedHashMap<>();
        planFields.put("region", plan.region());
        planFields.put("includeData", plan.includeData());
        planFields.put("monthlySavingUsd", plan.monthlySavingUsd());
        planFields.put("actions", plan.actions());
        planFields.put("kept", plan.kept());
        document.put("plan", planFields);
        document.put("dryRun", dryRun);
        if (result != null) {
            Map<String, Object> resultFields = new LinkedHashMap<>();
            resultFields.put("complete", result.complete());
            resultFields.put("deleted", result.deleted());
            resultFields.put("requested", result.requested());
            resultFields.put("failed", result.failed());
            resultFields.put("error", result.error());
            resultFields.put("notDone", result.notDone());
            document.put("result", resultFields);
        }
        try {
            return MAPPER.writeValueAsString(document) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<CleanupAction> prepend(CleanupAction first, List<CleanupAction> rest) {
        java.util.ArrayList<CleanupAction> all = new java.util.ArrayList<>(rest);
        all.add(0, first);
        return all;
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

    static String usd(BigDecimal amount) {
        return "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
