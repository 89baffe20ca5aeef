package dev.agcinfra.audit.batch;

import java.util.Objects;

/**
 * One unit of a job's work: one region of one account, with its own clients, run on one thread.
 *
 * @param account the account, with the credentials its clients sign with
 * @param region  the region, e.g. {@code us-east-1}
 */
public record Partition(AuditAccount account, String region) {

    public Partition {
        Objects.requireNonNull(account, "account must be non-null");
        Objects.requireNonNull(region, "region must be non-null");
    }
}
