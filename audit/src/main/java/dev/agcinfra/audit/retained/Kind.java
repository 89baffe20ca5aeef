package dev.agcinfra.audit.retained;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a finding is, in the order reports list them: orphans bill by the hour and come first.
 *
 * <p>The ids are part of the JSON and CSV formats: never rename them.
 */
public enum Kind {
    /** Still billing by the hour in a deactivated region: a NAT gateway, an Elastic IP, an interface endpoint,
     *  or the VPC that holds them. */
    ORPHAN("orphan"),
    /** A results bucket kept on purpose by deactivation, with its objects. */
    BUCKET("bucket"),
    /** A Terraform remote-state bucket ({@code agc-tfstate-*}): small, needed while any stack of the region exists. */
    STATE_BUCKET("state-bucket"),
    /** A CloudWatch Logs log group kept on purpose by deactivation. */
    LOG_GROUP("log-group");

    private final String id;

    Kind(String id) {
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
