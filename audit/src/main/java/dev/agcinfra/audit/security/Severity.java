package dev.agcinfra.audit.security;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How much a finding matters, lowest first. {@code --fail-on} names the lowest severity that makes the run fail.
 */
public enum Severity {
    /** Worth knowing, not a problem by itself (AGC's own warning about public subnets). */
    INFO("note", null),
    /** A choice worth making on purpose (no flow logs, ACLs not disabled). */
    LOW("note", "2.0"),
    /** Weakens a protection agc-infra sets up (default security group rules, no point-in-time recovery). */
    MEDIUM("warning", "5.5"),
    /** Exposes data or instances (open ingress, public access, no TLS-only policy, no encryption). */
    HIGH("error", "8.0");

    private final String sarifLevel;
    private final String securitySeverity;

    Severity(String sarifLevel, String securitySeverity) {
        this.sarifLevel = sarifLevel;
        this.securitySeverity = securitySeverity;
    }

    /** As reports write it: {@code info}, {@code low}, {@code medium}, {@code high}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** SARIF's {@code level}: {@code error}, {@code warning} or {@code note}. */
    public String sarifLevel() {
        return sarifLevel;
    }

    /**
     * The score GitHub code scanning reads from a rule's {@code security-severity} property (7.0 to 8.9 is shown as
     * high, 4.0 to 6.9 medium, 0.1 to 3.9 low); {@code null} for info, which has none.
     */
    public String securitySeverity() {
        return securitySeverity;
    }

    /** Whether this is {@code other} or above. */
    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** {@code info}, {@code low}, {@code medium} or {@code high}, in any case; {@code null} when it is none of them. */
    public static Severity parse(String text) {
        for (Severity severity : values()) {
            if (severity.id().equalsIgnoreCase(text)) {
                return severity;
            }
        }
        return null;
    }
}
