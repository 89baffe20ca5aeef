package dev.agcinfra.audit.provenance;

import java.util.Objects;

/**
 * An item a reader found, with the ownership evidence of its region, so that the processor deciding who owns it stays
 * pure.
 *
 * @param item      what was read (a NAT gateway, a bucket, ...)
 * @param ownership the region's evidence
 * @param <T>       the item's type
 */
public record Owned<T>(T item, Ownership ownership) {

    public Owned {
        Objects.requireNonNull(item, "item must be non-null");
        Objects.requireNonNull(ownership, "ownership must be non-null");
    }
}
