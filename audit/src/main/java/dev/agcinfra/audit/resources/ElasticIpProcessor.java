package dev.agcinfra.audit.resources;

import dev.agcinfra.audit.batch.ItemProcessor;
import dev.agcinfra.audit.batch.RegionScope;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Address;

/**
 * Turns an EC2 Elastic IP into a {@link Resource}. Its state is {@code associated} or {@code unassociated}
 * (an idle address, billed by the hour all the same).
 */
public final class ElasticIpProcessor implements ItemProcessor<Address, Resource> {

    /** An Elastic IP attached to a network interface or instance. */
    public static final String ASSOCIATED = "associated";
    /** An Elastic IP attached to nothing. */
    public static final String UNASSOCIATED = "unassociated";

    private final RegionScope scope;

    public ElasticIpProcessor(RegionScope scope) {
        this.scope = scope;
    }

    @Override
    public Resource process(Address address) {
        Map<String, String> tags = NatGatewayProcessor.Ec2Tags.toMap(address.tags());
        String id = address.allocationId() != null ? address.allocationId() : address.publicIp();
        return new Resource(scope.region(), "ec2", "elastic-ip", id,
                Arn.of(scope.awsPartition(), "ec2", scope.region(), scope.account(), "elastic-ip", id),
                tags.get(Resource.NAME_TAG), address.associationId() != null ? ASSOCIATED : UNASSOCIATED, tags);
    }
}
