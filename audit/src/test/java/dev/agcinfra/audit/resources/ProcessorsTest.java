package dev.agcinfra.audit.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.batch.RegionScope;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.State;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;

/** The processors are pure: plain SDK model objects in, {@link Resource} out. */
class ProcessorsTest {

    static final RegionScope US_EAST_1 = new RegionScope("us-east-1", "123456789012", "aws");
    static final Tag AGC = Tag.builder().key("application-name").value("agc").build();

    @Nested
    @DisplayName("Tagging API results")
    class Tagged {

        final TaggedResourceProcessor processor =
                new TaggedResourceProcessor(US_EAST_1, Set.of("us-east-1", "eu-west-1"));

        @Test
        @DisplayName("take service, type, id, region, Name and tags from the ARN and the tags")
        void mapsArnAndTags() {
            // Given
            ResourceTagMapping mapping = mapping("arn:aws:ec2:us-east-1:123456789012:subnet/subnet-1",
                    Map.of("application-name", "agc", "Name", "agc-core-us-east-1/private-1"));

            // When
            Resource resource = processor.process(new TaggedResource(mapping, null));

            // Then
            assertThat(resource).isEqualTo(new Resource("us-east-1", "ec2", "subnet", "subnet-1",
                    "arn:aws:ec2:us-east-1:123456789012:subnet/subnet-1", "agc-core-us-east-1/private-1", null,
                    Map.of("application-name", "agc", "Name", "agc-core-us-east-1/private-1"), "123456789012"));
        }

        @Test
        @DisplayName("place a bucket in the region GetBucketLocation gave, whichever region's API returned it")
        void placesBucketsInTheirOwnRegion() {
            Resource resource = processor.process(new TaggedResource(
                    mapping("arn:aws:s3:::agc-123456789012-eu-west-1", Map.of("application-name", "agc")),
                    "eu-west-1"));

            assertThat(resource.region()).isEqualTo("eu-west-1");
            assertThat(resource.type()).isEqualTo("bucket");
            assertThat(resource.id()).isEqualTo("agc-123456789012-eu-west-1");
        }

        @Test
        @DisplayName("leave out a bucket located in a region that is not audited")
        void dropsBucketsOfOtherRegions() {
            assertThat(processor.process(new TaggedResource(
                    mapping("arn:aws:s3:::agc-123456789012-ap-south-1", Map.of()), "ap-south-1"))).isNull();
        }

        @Test
        @DisplayName("report resources without a region in their ARN as global")
        void reportsGlobalResources() {
            assertThat(processor.process(new TaggedResource(
                    mapping("arn:aws:iam::123456789012:role/agc-role", Map.of()), null)).region())
                    .isEqualTo(Resource.GLOBAL);
        }
    }

    @Test
    @DisplayName("a NAT gateway gets its EC2 ARN, Name tag and state; a deleted one is left out")
    void natGateways() {
        NatGatewayProcessor processor = new NatGatewayProcessor(US_EAST_1, TagFilter.DEFAULT);
        NatGateway nat = NatGateway.builder().natGatewayId("nat-1").state(NatGatewayState.AVAILABLE)
                .tags(AGC, Tag.builder().key("Name").value("agc-core-us-east-1/nat-1").build()).build();

        Resource resource = processor.process(nat);

        assertThat(resource.arn()).isEqualTo("arn:aws:ec2:us-east-1:123456789012:natgateway/nat-1");
        assertThat(resource.name()).isEqualTo("agc-core-us-east-1/nat-1");
        assertThat(resource.state()).isEqualTo("available");
        assertThat(resource.tags()).containsEntry("application-name", "agc");
        assertThat(processor.process(nat.toBuilder().state(NatGatewayState.DELETED).build())).isNull();
    }

    @Test
    @DisplayName("EC2 items without the tag are left out even when the API's tag filter let them through")
    void untaggedEc2ItemsAreLeftOut() {
        Tag other = Tag.builder().key("application-name").value("other").build();

        assertThat(new NatGatewayProcessor(US_EAST_1, TagFilter.DEFAULT)
                .process(NatGateway.builder().natGatewayId("nat-2").state("available").tags(other).build())).isNull();
        assertThat(new VpcEndpointProcessor(US_EAST_1, TagFilter.DEFAULT)
                .process(VpcEndpoint.builder().vpcEndpointId("vpce-2").state("available").build())).isNull();
        assertThat(new ElasticIpProcessor(US_EAST_1, TagFilter.DEFAULT)
                .process(Address.builder().allocationId("eipalloc-2").build())).isNull();
    }

    @Test
    @DisplayName("a VPC endpoint's state is lower case; a deleted one is left out")
    void vpcEndpoints() {
        VpcEndpointProcessor processor = new VpcEndpointProcessor(US_EAST_1, TagFilter.DEFAULT);
        VpcEndpoint endpoint = VpcEndpoint.builder().vpcEndpointId("vpce-1").state("Available").tags(AGC).build();

        assertThat(processor.process(endpoint).state()).isEqualTo("available");
        assertThat(processor.process(endpoint).arn())
                .isEqualTo("arn:aws:ec2:us-east-1:123456789012:vpc-endpoint/vpce-1");
        assertThat(processor.process(endpoint.toBuilder().state(State.DELETED).build())).isNull();
        assertThat(processor.process(endpoint.toBuilder().state("deleted").build()))
                .as("as the API sends it, in lower case").isNull();
    }

    @Test
    @DisplayName("an Elastic IP is associated or unassociated (idle)")
    void elasticIps() {
        ElasticIpProcessor processor = new ElasticIpProcessor(US_EAST_1, TagFilter.DEFAULT);
        Address idle = Address.builder().allocationId("eipalloc-1").publicIp("203.0.113.13").tags(AGC).build();

        assertThat(processor.process(idle).state()).isEqualTo(ElasticIpProcessor.UNASSOCIATED);
        assertThat(processor.process(idle.toBuilder().associationId("eipassoc-1").build()).state())
                .isEqualTo(ElasticIpProcessor.ASSOCIATED);
        assertThat(processor.process(idle).arn()).isEqualTo("arn:aws:ec2:us-east-1:123456789012:elastic-ip/eipalloc-1");
    }

    @Test
    @DisplayName("a log group's ARN loses the trailing ':*', as the Tagging API writes it")
    void logGroups() {
        LogGroupProcessor processor = new LogGroupProcessor(US_EAST_1);
        LogGroup group = LogGroup.builder().logGroupName("/aws/lambda/Agc-Core-x")
                .arn("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/Agc-Core-x:*").build();

        Resource resource = processor.process(new LogGroupItem(group, Map.of()));

        assertThat(resource.arn()).isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/Agc-Core-x");
        assertThat(resource.id()).isEqualTo("/aws/lambda/Agc-Core-x");
        assertThat(resource.tags()).isEmpty();
    }

    static ResourceTagMapping mapping(String arn, Map<String, String> tags) {
        return ResourceTagMapping.builder().resourceARN(arn)
                .tags(tags.entrySet().stream()
                        .map(e -> software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag.builder()
                                .key(e.getKey()).value(e.getValue()).build())
                        .toList())
                .build();
    }
}
