package dev.agcinfra.audit.costs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What the {@code costs} job reads in a region and prices: plain data made by the processors from SDK objects.
 *
 * <p>Every item names its region, so that the writer can group what the partitions hand it.
 */
public sealed interface LiveItem permits LiveItem.LiveNatGateway, LiveItem.LiveInterfaceEndpoint,
        LiveItem.LiveElasticIp, LiveItem.NatTraffic, LiveItem.RegionActivity {

    /** The region the resource is in. */
    String region();

    /**
     * A NAT gateway in state {@code available}, billed by the hour and per GB processed.
     *
     * @param id            e.g. {@code nat-0a1b2c3d4e5f00101}
     * @param name          its Name tag, or {@code null}
     * @param publicIps     its public IPv4 addresses (one per Elastic IP association), each billed by the hour
     * @param allocationIds the Elastic IP allocations it uses, so that those EIPs are not priced twice
     * @param regional      whether it is a regional NAT gateway ({@code AvailabilityMode} {@code regional}), whose
     *                      hours and data are billed otherwise than a zonal one's
     */
    record LiveNatGateway(String region, String id, String name, int publicIps, List<String> allocationIds,
                          boolean regional) implements LiveItem {
        public LiveNatGateway {
            Objects.requireNonNull(region, "region must be non-null");
            Objects.requireNonNull(id, "id must be non-null");
            allocationIds = List.copyOf(allocationIds);
        }

        /** A zonal NAT gateway (the default availability mode). */
        public LiveNatGateway(String region, String id, String name, int publicIps, List<String> allocationIds) {
            this(region, id, name, publicIps, allocationIds, false);
        }
    }

    /**
     * An interface VPC endpoint, billed per hour per network interface (one per subnet, i.e. per AZ).
     *
     * @param id                e.g. {@code vpce-0a1b2c3d4e5f00601}
     * @param name              its Name tag, or {@code null}
     * @param service           e.g. {@code com.amazonaws.us-east-1.logs}
     * @param networkInterfaces its network interfaces (or, when EC2 gives none yet, its subnets)
     */
    record LiveInterfaceEndpoint(String region, String id, String name, String service, int networkInterfaces)
            implements LiveItem {
        public LiveInterfaceEndpoint {
            Objects.requireNonNull(region, "region must be non-null");
            Objects.requireNonNull(id, "id must be non-null");
        }
    }

    /**
     * A tagged Elastic IP: a public IPv4 address billed by the hour whether in use or idle.
     *
     * @param allocationId e.g. {@code eipalloc-0a1b2c3d4e5f00204}
     * @param publicIp     e.g. {@code 203.0.113.13}
     * @param name         its Name tag, or {@code null}
     * @param associated   whether it is attached to a network interface or instance
     */
    record LiveElasticIp(String region, String allocationId, String publicIp, String name, boolean associated)
            implements LiveItem {
        public LiveElasticIp {
            Objects.requireNonNull(region, "region must be non-null");
            Objects.requireNonNull(allocationId, "allocationId must be non-null");
        }
    }

    /**
     * What a NAT gateway sent over a recent window (CloudWatch {@code AWS/NATGateway} metrics).
     *
     * @param natGatewayId the gateway
     * @param gb           BytesOutToDestination plus BytesOutToSource over the window, in GB (10^9 bytes)
     * @param days         the window's length
     */
    record NatTraffic(String region, String natGatewayId, BigDecimal gb, int days) implements LiveItem {
        public NatTraffic {
            Objects.requireNonNull(region, "region must be non-null");
            Objects.requireNonNull(natGatewayId, "natGatewayId must be non-null");
            Objects.requireNonNull(gb, "gb must be non-null");
        }
    }

    /**
     * Whether AGC's infrastructure (agc-infra's core, or AGC's own) is active in the region: its
     * {@code /agc/_common/vpc} parameter exists. A deactivated region should hold nothing that bills by the hour.
     */
    record RegionActivity(String region, boolean active) implements LiveItem {
        public RegionActivity {
            Objects.requireNonNull(region, "region must be non-null");
        }
    }
}
