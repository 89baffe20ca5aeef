package dev.agcinfra.app.account;

import java.util.ArrayList;
import java.util.List;

/** What the checks before activation found: refusals stop it, warnings and notes are printed. */
public final class PreflightReport {

    private final List<String> refusals = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void refuse(String reason) {
        refusals.add(reason);
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    void note(String note) {
        notes.add(note);
    }

    /** Reasons activation must not go on, one line each (empty: go on). */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** Things that work but that the user should know (missing recommended endpoints, few AZs). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** What was found (bucket owner, quota), for the record. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    public boolean refused() {
        return !refusals.isEmpty();
    }
}
