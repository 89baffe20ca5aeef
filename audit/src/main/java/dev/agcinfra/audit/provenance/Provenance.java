package dev.agcinfra.audit.provenance;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * Why a resource is agc-infra's, or the user's, or unknown: the record behind its {@link Owner}.
 *
 * @param source    where the answer comes from
 * @param stateFile the state object key, for {@link Source#STATE} and {@link Source#DATA_SOURCE}
 * @param versionId the state object's version that lists it (the newest such), likewise
 * @param address   its Terraform address in that version, e.g. {@code aws_nat_gateway.vpc_public_subnet1_nat_gateway}
 * @param detail    the rest, in words: the setting that names it, the rule applied, why state could not be read
 */
@JsonPropertyOrder({"source", "stateFile", "versionId", "address", "detail"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(Source source, String stateFile, String versionId, String address, String detail) {

    /** Where an ownership answer comes from; the ids are part of the JSON format. */
    public enum Source {
        /** A version of agc-infra's state lists it as a managed resource: agc-infra created it. */
        STATE("state", Owner.AGC),
        /** AGC's context app created it: a log group named by AGC's rule and carrying the tag. */
        AGC_NAME_RULE("agc-name-rule", Owner.AGC),
        /** agc-infra's state bucket of the region, found by the settings' template and carrying the tag. */
        STATE_BUCKET("state-bucket", Owner.AGC),
        /** The settings file names it as the user's (a VPC, subnets, an existing bucket). */
        SETTINGS("settings", Owner.USER),
        /** agc-infra's state reads it only with a data source: the user brought it. */
        DATA_SOURCE("data-source", Owner.USER),
        /** agc-infra's state is readable and does not list it: not created by agc-infra, whatever its tags. */
        NOT_IN_STATE("not-in-state", Owner.USER),
        /** Not agc-infra's by its name or tags (an untagged log group under an AGC prefix, a foreign bucket). */
        UNTAGGED("untagged", Owner.USER),
        /** agc-infra's state could not be read, so ownership cannot be proven. */
        UNKNOWN("unknown", Owner.UNKNOWN);

        private final String id;
        private final Owner owner;

        Source(String id, Owner owner) {
            this.id = id;
            this.owner = owner;
        }

        @JsonValue
        public String id() {
            return id;
        }

        /** The owner this source proves. */
        public Owner owner() {
            return owner;
        }
    }

    public Provenance {
        Objects.requireNonNull(source, "source must be non-null");
    }

    /** Listed as managed in a version of agc-infra's state. */
    public static Provenance state(String stateFile, String versionId, String address) {
        return new Provenance(Source.STATE, stateFile, versionId, address, null);
    }

    /** Read only with a data source in a version of agc-infra's state. */
    public static Provenance dataSource(String stateFile, String versionId, String address) {
        return new Provenance(Source.DATA_SOURCE, stateFile, versionId, address, null);
    }

    /** Any other source, with its detail. */
    public static Provenance of(Source source, String detail) {
        return new Provenance(source, null, null, null, detail);
    }

    /** Who it belongs to. */
    @JsonIgnore
    public Owner owner() {
        return source.owner();
    }

    /** In words, for reports: {@code agc/agc-core-eu-west-1.tfstate version 3f2a... lists aws_nat_gateway.x}. */
    public String describe() {
        return switch (source) {
            case STATE -> "created by agc-infra: " + stateFile + " (version " + versionId + ") lists it as "
                    + address;
            case DATA_SOURCE -> "the user's: agc-infra only reads it, as " + address + " in " + stateFile
                    + " (version " + versionId + ")";
            default -> detail;
        };
    }
}
