package dev.agcinfra.audit.retained;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.agcinfra.audit.provenance.Owner;
import dev.agcinfra.audit.provenance.Provenance;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One thing left in a deactivated region, with who owns it, what it costs per month and how to remove it.
 *
 * @param region        the region it is in
 * @param kind          orphan, bucket, state-bucket or log-group
 * @param type          {@code natgateway}, {@code elastic-ip}, {@code vpc-endpoint}, {@code vpc}, {@code s3-bucket} or
 *                      {@code log-group}
 * @param id            the resource id: NAT gateway id, allocation id, endpoint id, VPC id, bucket or log group name
 * @param name          its Name tag, or {@code null}
 * @param provenance    why it is agc-infra's, the user's, or unknown: the state file, version and address that list
 *                      it, the AGC name rule, the setting that names it, or why state could not be read; its
 *                      {@link #owner()} follows from it
 * @param state         the state the API gives (orphans), or {@code null}
 * @param vpcId         the VPC an orphan belongs to, or {@code null}
 * @param sizeBytes     stored bytes (buckets: every version; log groups: {@code storedBytes}); {@code null} for
 *                      orphans and when unknown
 * @param objects       objects in a bucket (every version when versioning is on); {@code null} otherwise
 * @param sizeSource    {@code listing} (exact) or {@code cloudwatch} (the daily storage metrics, beyond
 *                      {@code --max-objects}) for buckets; {@code null} otherwise
 * @param retentionDays a log group's retention in days, {@code null} when it never expires (or not a log group)
 * @param monthlyUsd    what it costs per month at list price, {@code null} when no sourced price is known
 * @param reason        why it is reported, and anything the reader must know (ownership, refusal, metric source)
 * @param cleanup       the AWS CLI command that removes it (agc-owned findings only), else {@code null}; in a report of
 *                      several accounts it runs only with credentials of the finding's account
 * @param account       the account it is in (last, so that reports of one account keep their fields in order)
 * @param keptBecause   for an agc-owned finding without a cleanup command, why it must stay, naming the cause (the
 *                      other project's keys in a state bucket, the state files that still list resources), as
 *                      {@code reason} says it too; {@code null} otherwise. Not a field of the reports: {@code cleanup}
 *                      names it in its kept line.
 */
@JsonPropertyOrder({"region", "kind", "type", "id", "name", "owner", "provenance", "state", "vpcId", "sizeBytes", "objects",
        "sizeSource", "retentionDays", "monthlyUsd", "reason", "cleanup", "account"})
public record Finding(
        String region,
        Kind kind,
        String type,
        String id,
        @JsonInclude(JsonInclude.Include.NON_NULL) String name,
        Provenance provenance,
        @JsonInclude(JsonInclude.Include.NON_NULL) String state,
        @JsonInclude(JsonInclude.Include.NON_NULL) String vpcId,
        Long sizeBytes,
        Long objects,
        @JsonInclude(JsonInclude.Include.NON_NULL) String sizeSource,
        Integer retentionDays,
        BigDecimal monthlyUsd,
        String reason,
        String cleanup,
        String account,
        @JsonIgnore String keptBecause) {

    /** {@code type} of a NAT gateway. */
    public static final String NAT_GATEWAY = "natgateway";
    /** {@code type} of an Elastic IP. */
    public static final String ELASTIC_IP = "elastic-ip";
    /** {@code type} of an interface VPC endpoint. */
    public static final String VPC_ENDPOINT = "vpc-endpoint";
    /** {@code type} of a VPC. */
    public static final String VPC = "vpc";
    /** {@code type} of an S3 bucket. */
    public static final String S3_BUCKET = "s3-bucket";
    /** {@code type} of a CloudWatch Logs log group. */
    public static final String LOG_GROUP = "log-group";

    /** {@code sizeSource} when objects were counted by listing them. */
    public static final String FROM_LISTING = "listing";
    /** {@code sizeSource} when the bucket held more than {@code --max-objects} and CloudWatch's metrics were used. */
    public static final String FROM_CLOUDWATCH = "cloudwatch";

    /** A finding with nothing more to say of why it is kept than {@code reason} does. */
    public Finding(String region, Kind kind, String type, String id, String name, Provenance provenance, String state,
            String vpcId, Long sizeBytes, Long objects, String sizeSource, Integer retentionDays, BigDecimal monthlyUsd,
            String reason, String cleanup, String account) {
        this(region, kind, type, id, name, provenance, state, vpcId, sizeBytes, objects, sizeSource, retentionDays,
                monthlyUsd, reason, cleanup, account, null);
    }

    public Finding {
        Objects.requireNonNull(region, "region must be non-null");
        Objects.requireNonNull(kind, "kind must be non-null");
        Objects.requireNonNull(type, "type must be non-null");
        Objects.requireNonNull(id, "id must be non-null");
        Objects.requireNonNull(provenance, "provenance must be non-null");
        Objects.requireNonNull(account, "account must be non-null");
        if (provenance.owner() != Owner.AGC && cleanup != null) {
            throw new IllegalArgumentException("only an agc-owned finding gets a cleanup command: " + id + " is "
                    + provenance.owner());
        }
    }

    /** {@code agc}, {@code user} or {@code unknown}, as the provenance proves. */
    @JsonProperty("owner")
    public Owner owner() {
        return provenance.owner();
    }

    /** Whether {@code cleanup} may remove it: owned by agc-infra or AGC, and a command exists. */
    public boolean removable() {
        return owner() == Owner.AGC && cleanup != null;
    }

    /** The same finding with another cleanup command (e.g. one that first checks the account). */
    public Finding withCleanup(String newCleanup) {
        return new Finding(region, kind, type, id, name, provenance, state, vpcId, sizeBytes, objects, sizeSource,
                retentionDays, monthlyUsd, reason, newCleanup, account, keptBecause);
    }

    /** The monthly cost, zero when unknown (for totals). */
    public BigDecimal monthlyUsdOrZero() {
        return monthlyUsd == null ? BigDecimal.ZERO : monthlyUsd;
    }
}
