package dev.agcinfra.audit.costs;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.batch.ItemProcessor;
import dev.agcinfra.audit.batch.RegionScope;
import dev.agcinfra.audit.costs.LiveItem.LiveNatGateway;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.model.AvailabilityMode;
import software.amazon.awssdk.services.ec2.model.ConnectivityType;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;

/**
 * Keeps the NAT gateways that bill: state {@code available} and carrying the tag. A public gateway has one public
 * IPv4 address per address entry with a public IP (a private gateway has none). A regional gateway is marked so: its
 * hours and data are not priced as a zonal gateway's.
 */
public final class NatGatewayCostProcessor implements ItemProcessor<NatGateway, LiveItem> {

    private final RegionScope scope;
    private final TagFilter tag;

    public NatGatewayCostProcessor(RegionScope scope, TagFilter tag) {
        this.scope = scope;
        this.tag = tag;
    }

    @Override
    public LiveItem process(NatGateway nat) {
        if (nat.state() != NatGatewayState.AVAILABLE || !Ec2Tags.carries(nat.tags(), tag)) {
            return null;
        }
        boolean isPrivate = nat.connectivityType() == ConnectivityType.PRIVATE;
        List<NatGatewayAddress> addresses = nat.natGatewayAddresses();
        int publicIps = isPrivate ? 0 : (int) addresses.stream().filter(a -> a.publicIp() != null).count();
        List<String> allocations = addresses.stream().map(NatGatewayAddress::allocationId)
                .filter(Objects::nonNull).toList();
        return new LiveNatGateway(scope.region(), nat.natGatewayId(), Ec2Tags.name(nat.tags()), publicIps, allocations,
                nat.availabilityMode() == AvailabilityMode.REGIONAL);
    }
}
