package dev.agcinfra.audit.batch;

import dev.agcinfra.aws.AwsErrors;
import dev.agcinfra.audit.aws.RegionClients;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What a reader gets for its partition: the scope, the region's clients, and data the partition's steps share
 * (like Jakarta Batch's transient user data: an earlier step may leave something for a later one).
 *
 * <p>A partition runs on one thread, so the data needs no locking.
 */
public final class RegionContext {

    private final RegionScope scope;
    private final RegionClients clients;
    private final Map<String, Object> data = new HashMap<>();
    private final Consumer<AuditError> errors;

    /** A context whose {@link #recordError} is ignored (for tests of single readers). */
    public RegionContext(RegionScope scope, RegionClients clients) {
        this(scope, clients, error -> { });
    }

    /** A context that passes {@link #recordError} to the job's errors. */
    public RegionContext(RegionScope scope, RegionClients clients, Consumer<AuditError> errors) {
        this.scope = scope;
        this.clients = clients;
        this.errors = errors;
    }

    /**
     * Records a failed call that the reader can do without (e.g. one bucket's location): it is reported like any
     * other error and makes the run partial (exit 3), but the step goes on.
     */
    public void recordError(String service, String operation, SdkException e) {
        errors.accept(new AuditError(scope.account(), region(), service, operation, AwsErrors.code(e), AwsErrors.message(e)));
    }

    public RegionScope scope() {
        return scope;
    }

    public RegionClients clients() {
        return clients;
    }

    public String region() {
        return scope.region();
    }

    /** The partition's value for {@code key}, created by {@code initial} on first use. */
    @SuppressWarnings("unchecked")
    public <T> T data(String key, Supplier<T> initial) {
        return (T) data.computeIfAbsent(key, k -> initial.get());
    }
}
