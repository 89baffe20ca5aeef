package dev.agcinfra.audit.retained;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who a finding belongs to. Only {@link #AGC} findings are ever proposed for deletion. */
public enum Owner {
    /** Carries the tag: created by agc-infra or AGC. */
    AGC("agc"),
    /** Brought by the user: named in the settings file, or untagged. Reported for information, never deleted. */
    USER("user");

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
