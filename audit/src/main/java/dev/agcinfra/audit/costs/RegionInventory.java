package dev.agcinfra.audit.costs;

import dev.agcinfra.audit.costs.LiveItem.LiveElasticIp;
import dev.agcinfra.audit.costs.LiveItem.LiveInterfaceEndpoint;
import dev.agcinfra.audit.costs.LiveItem.LiveNatGateway;
import dev.agcinfra.audit.costs.LiveItem.NatTraffic;
import dev.agcinfra.audit.estimate.Count;
import dev.agcinfra.audit.estimate.StackInventory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What bills by the hour in one region of one account, as read: NAT gateways, interface endpoints, Elastic IPs, NAT traffic.
 *
 * <p>A NAT gateway's Elastic IP is priced with the gateway (as its public IPv4 address), never twice: tagged Elastic
 * IPs whose allocation a counted gateway uses are left out of {@link #elasticIps()}.
 */
public final class RegionInventory {

    private final String account;
    private final String region;
    private final List<LiveNatGateway> natGateways = new ArrayList<>();
    private final List<LiveInterfaceEndpoint> interfaceEndpoints = new ArrayList<>();
    private final List<LiveElasticIp> taggedElasticIps = new ArrayList<>();
    private final Map<String, NatTraffic> traffic = new LinkedHashMap<>();
    private Boolean active;

    public RegionInventory(String account, String region) {
        this.account = account;
        this.region = region;
    }

    /** Adds an item of this region. */
    public RegionInventory add(LiveItem item) {
        if (item instanceof LiveNatGateway nat) {
            natGateways.add(nat);
        } else if (item instanceof LiveInterfaceEndpoint endpoint) {
            interfaceEndpoints.add(endpoint);
        } else if (item instanceof LiveElasticIp eip) {
            taggedElasticIps.add(eip);
        } else if (item instanceof NatTraffic t) {
            traffic.put(t.natGatewayId(), t);
        } else if (item instanceof LiveItem.RegionActivity activity) {
            active = activity.active();
        }
        return this;
    }

    /** Whether AGC's infrastructure is known to be deactivated (or never activated) in the region. */
    public boolean deactivated() {
        return Boolean.FALSE.equals(active);
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    public List<LiveNatGateway> natGateways() {
        return Collections.unmodifiableList(natGateways);
    }

    public List<LiveInterfaceEndpoint> interfaceEndpoints() {
        return Collections.unmodifiableList(interfaceEndpoints);
    }

    /** The tagged Elastic IPs not used by a counted NAT gateway, associated or idle. */
    public List<LiveElasticIp> elasticIps() {
        Set<String> natAllocations = new HashSet<>();
        natGateways.forEach(nat -> natAllocations.addAll(nat.allocationIds()));
        return taggedElasticIps.stream().filter(eip -> !natAllocations.contains(eip.allocationId())).toList();
    }

    /** The Elastic IPs attached to nothing. */
    public List<LiveElasticIp> idleElasticIps() {
        return elasticIps().stream().filter(eip -> !eip.associated()).toList();
    }

    /** The traffic of a counted NAT gateway, or {@code null} when CloudWatch was not read for it. */
    public NatTraffic traffic(String natGatewayId) {
        return traffic.get(natGatewayId);
    }

    public int endpointNetworkInterfaces() {
        return interfaceEndpoints.stream().mapToInt(LiveInterfaceEndpoint::networkInterfaces).sum();
    }

    /** NAT gateways' public IPv4 addresses plus the other tagged Elastic IPs. */
    public int publicIpv4() {
        return natGateways.stream().mapToInt(LiveNatGateway::publicIps).sum() + elasticIps().size();
    }

    /**
     * The region as the estimate's pricing model sees a stack: each resource once, by its id, so that
     * {@link dev.agcinfra.audit.estimate.CostEstimator} prices live resources exactly as synthesized ones.
     */
    public StackInventory toStackInventory() {
        List<StackInventory.NatGateway> nats = natGateways.stream()
                .map(nat -> new StackInventory.NatGateway(nat.id(), Count.ONE, nat.publicIps() > 0, List.of(),
                        nat.publicIps(), nat.regional()))
                .toList();
        List<StackInventory.ElasticIp> eips = elasticIps().stream()
                .map(eip -> new StackInventory.ElasticIp(eip.allocationId(), Count.ONE)).toList();
        List<StackInventory.InterfaceEndpoint> endpoints = interfaceEndpoints.stream()
                .map(e -> new StackInventory.InterfaceEndpoint(e.id(), e.service(), Count.ONE,
                        Count.of(e.networkInterfaces())))
                .toList();
        return new StackInventory(region, region, null, false, nats, eips, endpoints, List.of(), List.of());
    }
}
