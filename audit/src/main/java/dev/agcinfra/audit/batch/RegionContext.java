package dev.agcinfra.audit.batch;

import dev.agcinfra.audit.aws.RegionClients;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

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

    public RegionContext(RegionScope scope, RegionClients clients) {
        this.scope = scope;
        this.clients = clients;
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
