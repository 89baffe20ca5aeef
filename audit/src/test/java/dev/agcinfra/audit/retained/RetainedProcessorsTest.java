package dev.agcinfra.audit.retained;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.batch.RegionScope;
import dev.agcinfra.audit.resources.LogGroupItem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/** The retained processors are pure: plain SDK model objects in, findings out. */
class RetainedProcessorsTest {

    static final String ACCOUNT = "123456789012";
    static final long GB = 1L << 30;
    static final Tag AGC = Tag.builder().key("application-name").value("agc").build();

    static RetainedProcessors processors(String region, UserResources user) {
        return new RetainedProcessors(new RegionScope(region, ACCOUNT, "aws"), TagFilter.DEFAULT, user,
                RetainedPricing.embedded());
    }

    static RetainedProcessors usEast1() {
        return processors("us-east-1", UserResources.NONE);
    }

    @Nested
    @DisplayName("orphans")
    class Orphans {

        @Test
        @DisplayName("an available tagged NAT gateway costs 730 hours at the region's price, with its delete command")
        void natGateway() {
            // Given
            NatGateway nat = NatGateway.builder().natGatewayId("nat-1").vpcId("vpc-1").state("available").tags(AGC)
                    .build();

            // When
            Finding finding = usEast1().natGateway(nat);

            // Then
            assertThat(finding.kind()).isEqualTo(Kind.ORPHAN);
            assertThat(finding.owner()).isEqualTo(Owner.AGC);
            assertThat(finding.monthlyUsd()).isEqualByComparingTo("32.85");
            assertThat(finding.vpcId()).isEqualTo("vpc-1");
            assertThat(finding.cleanup()).isEqualTo("aws ec2 delete-nat-gateway --region us-east-1 --nat-gateway-id nat-1");
        }

        @Test
        @DisplayName("deleted, deleting, failed or untagged NAT gateways are left out")
        void natGatewaysThatDoNotBill() {
            for (String state : List.of("deleted", "deleting", "failed")) {
                assertThat(usEast1().natGateway(NatGateway.builder().natGatewayId("nat-1").state(state).tags(AGC)
                        .build())).as(state).isNull();
            }
            assertThat(usEast1().natGateway(NatGateway.builder().natGatewayId("nat-1").state("available").build()))
                    .isNull();
        }

        @Test
        @DisplayName("an interface endpoint bills per AZ; a gateway endpoint is free and left out")
        void endpoints() {
            // Given
            VpcEndpoint iface = VpcEndpoint.builder().vpcEndpointId("vpce-1").vpcEndpointType("Interface")
                    .serviceName("com.amazonaws.us-east-1.logs").state("available").tags(AGC)
                    .networkInterfaceIds("eni-1", "eni-2", "eni-3").build();
            VpcEndpoint gateway = iface.toBuilder().vpcEndpointType("Gateway").networkInterfaceIds(List.of()).build();

            // Then
            assertThat(usEast1().vpcEndpoint(iface).monthlyUsd()).isEqualByComparingTo("21.90");
            assertThat(usEast1().vpcEndpoint(iface).reason()).contains("in 3 AZs");
            assertThat(usEast1().vpcEndpoint(gateway)).isNull();
        }

        @Test
        @DisplayName("an idle Elastic IP still bills its public IPv4 address")
        void idleElasticIp() {
            Finding finding = usEast1().elasticIp(Address.builder().allocationId("eipalloc-1").publicIp("203.0.113.13")
                    .tags(AGC).build());

            assertThat(finding.monthlyUsd()).isEqualByComparingTo("3.65");
            assertThat(finding.state()).isEqualTo("unassociated");
            assertThat(finding.reason()).contains("203.0.113.13 idle");
        }

        @Test
        @DisplayName("a tagged VPC is a free orphan; the user's VPC (named in the settings) gets no command")
        void vpcs() {
            Vpc vpc = Vpc.builder().vpcId("vpc-1").state("available").tags(AGC).build();
            UserResources user = new UserResources(Map.of(), Map.of("us-east-1", "vpc-1"),
                    UserResources.DEFAULT_STATE_BUCKET);

            assertThat(usEast1().vpc(vpc).monthlyUsd()).isEqualByComparingTo("0");
            assertThat(usEast1().vpc(vpc).cleanup()).isEqualTo("aws ec2 delete-vpc --region us-east-1 --vpc-id vpc-1");
            assertThat(processors("us-east-1", user).vpc(vpc).owner()).isEqualTo(Owner.USER);
            assertThat(processors("us-east-1", user).vpc(vpc).cleanup()).isNull();
        }

        @Test
        @DisplayName("a region without a sourced price reports the cost as unknown, not guessed")
        void unknownPrice() {
            // sa-east-1 has no sourced interface endpoint figure
            VpcEndpoint iface = VpcEndpoint.builder().vpcEndpointId("vpce-1").vpcEndpointType("Interface")
                    .serviceName("com.amazonaws.sa-east-1.logs").state("available").tags(AGC)
                    .networkInterfaceIds("eni-1").build();

            Finding finding = processors("sa-east-1", UserResources.NONE).vpcEndpoint(iface);

            assertThat(finding.monthlyUsd()).isNull();
            assertThat(finding.reason()).contains("no sourced interface endpoint price for sa-east-1");
        }
    }

    @Nested
    @DisplayName("buckets")
    class Buckets {

        static BucketItem bucket(String name, Map<String, String> tags, boolean versioned, long bytes) {
            return new BucketItem(name, tags, versioned, 2L, 0, bytes, Finding.FROM_LISTING, 1_000_000, List.of());
        }

        static final Map<String, String> TAGGED = Map.of("application-name", "agc");

        @Test
        @DisplayName("a tagged results bucket is agc's: 1 GB costs the S3 Standard price, removed with aws s3 rb --force")
        void taggedBucket() {
            Finding finding = usEast1().bucket(bucket("agc-123456789012-us-east-1", TAGGED, false, GB));

            assertThat(finding.kind()).isEqualTo(Kind.BUCKET);
            assertThat(finding.owner()).isEqualTo(Owner.AGC);
            assertThat(finding.monthlyUsd()).isEqualByComparingTo("0.023");
            assertThat(finding.cleanup()).isEqualTo("aws s3 rb s3://agc-123456789012-us-east-1 --force --region us-east-1");
        }

        @Test
        @DisplayName("a versioned bucket's command deletes every version and delete marker before the bucket")
        void versionedBucket() {
            Finding finding = usEast1().bucket(bucket("agc-123456789012-us-east-1", TAGGED, true, GB));

            assertThat(finding.cleanup()).startsWith("aws s3api delete-objects --region us-east-1 --bucket "
                    + "agc-123456789012-us-east-1 --delete \"$(aws s3api list-object-versions")
                    .contains("[Versions, DeleteMarkers]").endsWith("&& aws s3 rb s3://agc-123456789012-us-east-1 "
                            + "--force --region us-east-1");
        }

        @Test
        @DisplayName("an untagged bucket named like AGC's, or one named in the settings, is the user's, without a command")
        void userBuckets() {
            UserResources user = new UserResources(Map.of("us-east-1", "lab-results"), Map.of(),
                    UserResources.DEFAULT_STATE_BUCKET);

            Finding untagged = usEast1().bucket(bucket("agc-123456789012-us-east-1", Map.of(), false, 10));
            Finding named = processors("us-east-1", user).bucket(bucket("lab-results", TAGGED, false, 10));

            assertThat(untagged.owner()).isEqualTo(Owner.USER);
            assertThat(untagged.cleanup()).isNull();
            assertThat(untagged.reason()).contains("not tagged application-name=agc");
            assertThat(named.owner()).isEqualTo(Owner.USER);
            assertThat(named.reason()).contains("named in the settings file");
        }

        @Test
        @DisplayName("a state bucket is reported as state, and without a command while it holds state")
        void stateBucket() {
            BucketItem holding = new BucketItem("agc-tfstate-123456789012-us-east-1", TAGGED, true, 3L, 0, 300L,
                    Finding.FROM_LISTING, 10, List.of("agc-data-us-east-1/terraform.tfstate"));
            BucketItem empty = new BucketItem(holding.name(), TAGGED, true, 3L, 0, 300L, Finding.FROM_LISTING, 10,
                    List.of());

            assertThat(usEast1().bucket(holding).kind()).isEqualTo(Kind.STATE_BUCKET);
            assertThat(usEast1().bucket(holding).cleanup()).isNull();
            assertThat(usEast1().bucket(holding).reason()).contains("agc-data-us-east-1/terraform.tfstate");
            assertThat(usEast1().bucket(empty).cleanup()).isNotNull();
        }

        @Test
        @DisplayName("beyond the listing limit the reason names CloudWatch's metrics; without a datapoint the size is unknown")
        void cloudWatchSizes() {
            BucketItem item = new BucketItem("agc-123456789012-us-east-1", TAGGED, false, null, 0, null,
                    Finding.FROM_CLOUDWATCH, 1_000_000, List.of());

            Finding finding = usEast1().bucket(item);

            assertThat(finding.sizeSource()).isEqualTo("cloudwatch");
            assertThat(finding.monthlyUsd()).isNull();
            assertThat(finding.reason()).contains("more than 1000000 objects", "BucketSizeBytes", "size unknown");
        }
    }

    @Nested
    @DisplayName("log groups")
    class LogGroups {

        @Test
        @DisplayName("a tagged log group reports its retention and 1 GB at the Logs storage price; an untagged one is the user's")
        void logGroups() {
            LogGroup group = LogGroup.builder().logGroupName("Agc-Context-x").storedBytes(GB).retentionInDays(30).build();
            LogGroup lambda = LogGroup.builder().logGroupName("/aws/lambda/Agc-Core-x").storedBytes(10L).build();
            RetainedProcessors euWest1 = processors("eu-west-1", UserResources.NONE);

            Finding tagged = euWest1.logGroup(new LogGroupItem(group, Map.of("application-name", "agc")));
            Finding untagged = euWest1.logGroup(new LogGroupItem(lambda, Map.of()));

            assertThat(tagged.monthlyUsd()).isEqualByComparingTo("0.03");
            assertThat(tagged.retentionDays()).isEqualTo(30);
            assertThat(tagged.owner()).isEqualTo(Owner.AGC);
            assertThat(tagged.cleanup()).isEqualTo("aws logs delete-log-group --region eu-west-1 --log-group-name Agc-Context-x");
            assertThat(untagged.owner()).isEqualTo(Owner.USER);
            assertThat(untagged.retentionDays()).isNull();
            assertThat(untagged.reason()).contains("never expires");
            assertThat(untagged.cleanup()).isNull();
        }
    }

    @Test
    @DisplayName("names the shell would read are single-quoted in commands")
    void quoting() {
        assertThat(CleanupCommands.quote("/aws/lambda/Agc-Core-x")).isEqualTo("/aws/lambda/Agc-Core-x");
        assertThat(CleanupCommands.quote("it's a $group")).isEqualTo("'it'\\''s a $group'");
    }
}
