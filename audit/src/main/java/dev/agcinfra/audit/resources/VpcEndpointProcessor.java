package dev.agcinfra.audit.resources;

import dev.agcinfra.audit.batch.ItemProcessor;
import dev.agcinfra.audit.batch.RegionScope;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.State;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/** Turns an EC2 VPC endpoint (gateway or interface) into a {@link Resource}; deleted ones are left out. */
public final class VpcEndpointProcessor implements ItemProcessor<VpcEndpoint, Resource> {

    private final RegionScope scope;

    public VpcEndpointProcessor(RegionScope scope) {
        this.scope = scope;
    }

    @Override
    public Resource process(VpcEndpoint endpoint) {
        if (endpoint.state() == State.DELETED) {
            return null;
        }
        Map<String, String> tags = NatGatewayProcessor.Ec2Tags.toMap(endpoint.tags());
        String state = endpoint.stateAsString() == null ? null : endpoint.stateAsString().toLowerCase(java.util.Locale.ROOT);
        return new Resource(scope.region(), "ec2", "vpc-endpoint", endpoint.vpcEndpointId(),
                Arn.of(scope.awsPartition(), "ec2", scope.region(), scope.account(), "vpc-endpoint",
                        endpoint.vpcEndpointId()),
                tags.get(Resource.NAME_TAG), state, tags);
    }
}
