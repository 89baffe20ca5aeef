package dev.agcinfra.audit.provenance;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who a resource belongs to, as its {@link Provenance} shows. Only {@link #AGC} resources are ever proposed for
 * deletion; the ids are part of the JSON and CSV formats.
 */
public enum Owner {
    /** agc-infra created it (a version of its Terraform state lists it as managed), or AGC's context app did (the
     *  AGC name rule for log groups). */
    AGC("agc"),
    /** The user's: named in the settings file, read by agc-infra only as a data source, or in no agc-infra state.
     *  Reported for information, never deleted. */
    USER("user"),
    /** Could not be told: agc-infra's state could not be read. Reported, never deleted. */
    UNKNOWN("unknown");

    private final String id;

    Owner(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
