package dev.agcinfra.audit.resources;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.batch.ItemProcessor;
import dev.agcinfra.audit.batch.RegionScope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;

/**
 * Turns an EC2 NAT gateway into a {@link Resource}; deleted ones (EC2 shows them for an hour) are left out, and so
 * are any without the tag (the request filters by tag; emulators do not always honour the filter).
 */
public final class NatGatewayProcessor implements ItemProcessor<NatGateway, Resource> {

    private final RegionScope scope;
    private final TagFilter tag;

    /** A processor for one region that keeps only items carrying {@code tag} (the API filter, checked again). */
    public NatGatewayProcessor(RegionScope scope, TagFilter tag) {
        this.scope = scope;
        this.tag = tag;
    }

    @Override
    public Resource process(NatGateway nat) {
        Map<String, String> tags = Ec2Tags.toMap(nat.tags());
        if (nat.state() == NatGatewayState.DELETED || !tag.value().equals(tags.get(tag.key()))) {
            return null;
        }
        return new Resource(scope.region(), "ec2", "natgateway", nat.natGatewayId(),
                Arn.of(scope.awsPartition(), "ec2", scope.region(), scope.account(), "natgateway", nat.natGatewayId()),
                tags.get(Resource.NAME_TAG), nat.stateAsString(), tags, scope.account());
    }

    /** EC2 tag lists as maps. */
    static final class Ec2Tags {
        private Ec2Tags() {
        }

        static Map<String, String> toMap(List<software.amazon.awssdk.services.ec2.model.Tag> tags) {
            Map<String, String> map = new LinkedHashMap<>();
            for (software.amazon.awssdk.services.ec2.model.Tag tag : tags) {
                map.put(tag.key(), tag.value());
            }
            return map;
        }
    }
}
