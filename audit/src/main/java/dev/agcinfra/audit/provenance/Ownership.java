package dev.agcinfra.audit.provenance;

import java.util.Objects;

/**
 * Who owns a resource of one region, proven from agc-infra's state history, never from tags alone (tags only find
 * candidates). Pure: the history and the settings are read before.
 *
 * <ol>
 *   <li>Named in the settings file ({@code vpc}, {@code subnets}, an existing {@code bucket}): the user's.</li>
 *   <li>The state could not be read completely: unknown.</li>
 *   <li>Read by some version with a data source: the user's (even if another version managed it: reading it is
 *       what agc-infra does with what the user brought).</li>
 *   <li>Listed as managed by some version: agc-infra's.</li>
 *   <li>Otherwise: the user's, whatever its tags.</li>
 * </ol>
 */
public final class Ownership {

    private final StateHistory history;
    private final Protection protection;

    public Ownership(StateHistory history, Protection protection) {
        this.history = Objects.requireNonNull(history, "history must be non-null");
        this.protection = Objects.requireNonNull(protection, "protection must be non-null");
    }

    /** The region this answers for. */
    public String region() {
        return history.region();
    }

    /** The history behind the answers. */
    public StateHistory history() {
        return history;
    }

    /** The provenance of the resource {@code id} (a resource id, or a bucket or log group name). */
    public Provenance of(String id) {
        var setting = protection.setting(history.region(), id);
        if (setting.isPresent()) {
            return Provenance.of(Provenance.Source.SETTINGS, "the user's: named in the settings file as "
                    + setting.get());
        }
        if (!history.readable()) {
            return Provenance.of(Provenance.Source.UNKNOWN, history.problem().orElseThrow());
        }
        var data = history.dataSource(id);
        if (data.isPresent()) {
            return data.get();
        }
        return history.managed(id).orElseGet(() -> Provenance.of(Provenance.Source.NOT_IN_STATE,
                "the user's: no version of agc-infra's state in " + history.stateBucket() + " lists it, whatever "
                        + "its tags"));
    }
}
