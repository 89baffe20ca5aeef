package dev.agcinfra.audit.resources;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.batch.ItemProcessor;
import dev.agcinfra.audit.batch.RegionScope;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Address;

/**
 * Turns an EC2 Elastic IP into a {@link Resource}. Its state is {@code associated} or {@code unassociated}
 * (an idle address, billed by the hour all the same). Addresses without the tag are left out.
 */
public final class ElasticIpProcessor implements ItemProcessor<Address, Resource> {

    /** An Elastic IP attached to a network interface or instance. */
    public static final String ASSOCIATED = "associated";
    /** An Elastic IP attached to nothing. */
    public static final String UNASSOCIATED = "unassociated";

    private final RegionScope scope;
    private final TagFilter tag;

    /** A processor for one region that keeps only items carrying {@code tag} (the API filter, checked again). */
    public ElasticIpProcessor(RegionScope scope, TagFilter tag) {
        this.scope = scope;
        this.tag = tag;
    }

    @Override
    public Resource process(Address address) {
        Map<String, String> tags = NatGatewayProcessor.Ec2Tags.toMap(address.tags());
        if (!tag.value().equals(tags.get(tag.key()))) {
            return null;
        }
        String id = address.allocationId() != null ? address.allocationId() : address.publicIp();
        return new Resource(scope.region(), "ec2", "elastic-ip", id,
                Arn.of(scope.awsPartition(), "ec2", scope.region(), scope.account(), "elastic-ip", id),
                tags.get(Resource.NAME_TAG),
                address.associationId() != null && !address.associationId().isBlank() ? ASSOCIATED : UNASSOCIATED,
                tags, scope.account());
    }
}
