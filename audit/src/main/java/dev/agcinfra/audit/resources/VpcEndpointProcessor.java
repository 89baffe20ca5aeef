package dev.agcinfra.audit.resources;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.batch.ItemProcessor;
import dev.agcinfra.audit.batch.RegionScope;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/** Turns an EC2 VPC endpoint (gateway or interface) into a {@link Resource}; deleted and untagged ones are left out. */
public final class VpcEndpointProcessor implements ItemProcessor<VpcEndpoint, Resource> {

    private final RegionScope scope;
    private final TagFilter tag;

    /** A processor for one region that keeps only items carrying {@code tag} (the API filter, checked again). */
    public VpcEndpointProcessor(RegionScope scope, TagFilter tag) {
        this.scope = scope;
        this.tag = tag;
    }

    @Override
    public Resource process(VpcEndpoint endpoint) {
        Map<String, String> tags = NatGatewayProcessor.Ec2Tags.toMap(endpoint.tags());
        // The API sends states in lower case ("deleted"); the SDK's enum spells them "Deleted", so compare the text.
        String state = endpoint.stateAsString() == null ? null : endpoint.stateAsString().toLowerCase(java.util.Locale.ROOT);
        if ("deleted".equals(state) || !tag.value().equals(tags.get(tag.key()))) {
            return null;
        }
        return new Resource(scope.region(), "ec2", "vpc-endpoint", endpoint.vpcEndpointId(),
                Arn.of(scope.awsPartition(), "ec2", scope.region(), scope.account(), "vpc-endpoint",
                        endpoint.vpcEndpointId()),
                tags.get(Resource.NAME_TAG), state, tags, scope.account());
    }
}
