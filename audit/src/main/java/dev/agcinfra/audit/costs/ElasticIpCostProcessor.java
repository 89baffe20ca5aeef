package dev.agcinfra.audit.costs;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.batch.ItemProcessor;
import dev.agcinfra.audit.batch.RegionScope;
import dev.agcinfra.audit.costs.LiveItem.LiveElasticIp;
import software.amazon.awssdk.services.ec2.model.Address;

/** Keeps the Elastic IPs that carry the tag, associated or idle (both bill by the hour). */
public final class ElasticIpCostProcessor implements ItemProcessor<Address, LiveItem> {

    private final RegionScope scope;
    private final TagFilter tag;

    public ElasticIpCostProcessor(RegionScope scope, TagFilter tag) {
        this.scope = scope;
        this.tag = tag;
    }

    @Override
    public LiveItem process(Address address) {
        if (!Ec2Tags.carries(address.tags(), tag)) {
            return null;
        }
        String id = address.allocationId() != null ? address.allocationId() : address.publicIp();
        boolean associated = present(address.associationId()) || present(address.networkInterfaceId())
                || present(address.instanceId());
        return new LiveElasticIp(scope.region(), id, address.publicIp(), Ec2Tags.name(address.tags()), associated);
    }

    /** EC2 (and emulators) may send an empty element for "none". */
    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
