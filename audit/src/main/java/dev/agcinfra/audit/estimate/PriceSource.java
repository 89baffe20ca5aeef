package dev.agcinfra.audit.estimate;

import java.util.Optional;

/** Where prices come from: the embedded table, a price file, or the AWS Price List API. */
public interface PriceSource {

    /** The sourced price of {@code category} in {@code region}, or empty when none is known (never a guess). */
    Optional<Price> price(String region, Category category);

    /** A short description for reports, e.g. {@code embedded table (2026-11-26)}. */
    String description();
}
