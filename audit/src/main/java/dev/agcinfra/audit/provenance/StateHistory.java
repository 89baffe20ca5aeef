package dev.agcinfra.audit.provenance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What every version of a region's agc-infra state files says: which resource ids agc-infra managed (created), and
 * which it only read with data sources. Built by {@link StateHistoryReader}; the newest version naming an id is kept.
 *
 * <p>When the state could not be read completely ({@link #readable()} is false), nothing can be proven from it:
 * {@link Ownership} then answers {@link Owner#UNKNOWN} for everything the settings do not name.
 */
public final class StateHistory {

    private final String region;
    private final String stateBucket;
    private final String problem;
    private final SdkException failure;
    private final boolean noStateBucket;
    private final Map<String, Provenance> managed;
    private final Map<String, Provenance> dataSources;
    private final List<String> stateFiles;

    private StateHistory(String region, String stateBucket, String problem, SdkException failure,
            boolean noStateBucket, Map<String, Provenance> managed, Map<String, Provenance> dataSources,
            List<String> stateFiles) {
        this.region = Objects.requireNonNull(region, "region must be non-null");
        this.stateBucket = Objects.requireNonNull(stateBucket, "stateBucket must be non-null");
        this.problem = problem;
        this.failure = failure;
        this.noStateBucket = noStateBucket;
        this.managed = Map.copyOf(managed);
        this.dataSources = Map.copyOf(dataSources);
        this.stateFiles = List.copyOf(stateFiles);
    }

    /** A complete read: every version of every state file of the region. */
    public static StateHistory read(String region, String stateBucket, Map<String, Provenance> managed,
            Map<String, Provenance> dataSources, List<String> stateFiles) {
        return new StateHistory(region, stateBucket, null, null, false, managed, dataSources, stateFiles);
    }

    /**
     * The state bucket does not exist: nothing can be proven from it (its template may be another one), and nothing
     * was ever applied through it.
     */
    public static StateHistory noStateBucket(String region, String stateBucket, String problem) {
        return new StateHistory(region, stateBucket, Objects.requireNonNull(problem, "problem must be non-null"), null,
                true, Map.of(), Map.of(), List.of());
    }

    /**
     * The state could not be read: {@code problem} says why, in words; {@code failure} is the AWS error when one
     * caused it (reported as an error of the run), {@code null} when the cause is no error (no state bucket).
     */
    public static StateHistory unreadable(String region, String stateBucket, String problem, SdkException failure) {
        return new StateHistory(region, stateBucket, Objects.requireNonNull(problem, "problem must be non-null"),
                failure, false, Map.of(), Map.of(), List.of());
    }

    public String region() {
        return region;
    }

    /** The bucket the state was read from (or looked for). */
    public String stateBucket() {
        return stateBucket;
    }

    /** Whether every version was read, so that absence from the state proves something. */
    public boolean readable() {
        return problem == null;
    }

    /** Whether the state bucket does not exist at all. */
    public boolean noStateBucket() {
        return noStateBucket;
    }

    /** Why the state could not be read, when it could not. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The AWS error that stopped the read, when one did. */
    public Optional<SdkException> failure() {
        return Optional.ofNullable(failure);
    }

    /** The newest version listing {@code id} as managed. */
    public Optional<Provenance> managed(String id) {
        return Optional.ofNullable(managed.get(id));
    }

    /** The newest version reading {@code id} with a data source. */
    public Optional<Provenance> dataSource(String id) {
        return Optional.ofNullable(dataSources.get(id));
    }

    /** Every id some version lists as managed, with its provenance. */
    public Map<String, Provenance> managed() {
        return managed;
    }

    /** The state files found (keys), each read in every version. */
    public List<String> stateFiles() {
        return stateFiles;
    }

    /** Collects ids while versions are read, newest first: the first provenance recorded for an id is kept. */
    static final class Builder {
        private final Map<String, Provenance> managed = new HashMap<>();
        private final Map<String, Provenance> dataSources = new HashMap<>();

        void add(TerraformState.Resource resource, String stateFile, String versionId) {
            for (String id : resource.ids()) {
                if (resource.managed()) {
                    managed.putIfAbsent(id, Provenance.state(stateFile, versionId, resource.address()));
                } else {
                    dataSources.putIfAbsent(id, Provenance.dataSource(stateFile, versionId, resource.address()));
                }
            }
        }

        StateHistory build(String region, String stateBucket, List<String> stateFiles) {
            return read(region, stateBucket, managed, dataSources, stateFiles);
        }
    }
}
