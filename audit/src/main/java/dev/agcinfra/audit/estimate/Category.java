package dev.agcinfra.audit.estimate;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a line of the estimate bills for. Each category has one price per region (the data categories may be tiered).
 *
 * <p>The ids are part of the JSON, CSV and price-file formats: never rename them.
 */
public enum Category {
    /** A NAT gateway, per hour it exists. */
    NAT_GATEWAY_HOURS("nat-gateway-hours", "hours", false),
    /** Data processed by a NAT gateway, per GB, in either direction. */
    NAT_GATEWAY_DATA("nat-gateway-data", "GB", true),
    /** An interface VPC endpoint, per hour per AZ (one network interface per subnet). */
    INTERFACE_ENDPOINT_HOURS("interface-endpoint-hours", "endpoint-AZ-hours", false),
    /** Data processed by interface endpoints, per GB, tiered over all interface endpoints of a region. */
    INTERFACE_ENDPOINT_DATA("interface-endpoint-data", "GB", true),
    /** A public IPv4 address (Elastic IP or a NAT gateway's), per hour, in use or idle. */
    PUBLIC_IPV4_HOURS("public-ipv4-hours", "address-hours", false),
    /** S3 Standard storage, per GB-month (first 50 TB tier); used by {@code retained} for kept buckets. */
    S3_STANDARD_STORAGE("s3-standard-storage", "GB-months", false),
    /** CloudWatch Logs stored data, per GB-month; used by {@code retained} for kept log groups. */
    LOGS_STORAGE("logs-storage", "GB-months", false),
    /**
     * Data ingested into CloudWatch Logs, per GB: what a VPC flow log to CloudWatch Logs bills by traffic (flow logs
     * are vended logs: the figure is their first 10 TB a month, which equals the standard ingestion price).
     */
    LOGS_INGESTION("logs-ingestion", "GB", true);

    private final String id;
    private final String unit;
    private final boolean usageBased;

    Category(String id, String unit, boolean usageBased) {
        this.id = id;
        this.unit = unit;
        this.usageBased = usageBased;
    }

    /** The stable id used in every output format and in price files, e.g. {@code nat-gateway-hours}. */
    public String id() {
        return id;
    }

    /** The unit of the quantity, e.g. {@code hours} or {@code GB}. */
    public String unit() {
        return unit;
    }

    /** Whether the quantity depends on traffic (a usage assumption) rather than on what exists. */
    public boolean usageBased() {
        return usageBased;
    }

    public static Optional<Category> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
