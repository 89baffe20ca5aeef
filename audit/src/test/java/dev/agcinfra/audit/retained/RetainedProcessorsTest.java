package dev.agcinfra.audit.retained;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.batch.RegionScope;
import dev.agcinfra.audit.provenance.Owned;
import dev.agcinfra.audit.provenance.Owner;
import dev.agcinfra.audit.provenance.Ownership;
import dev.agcinfra.audit.provenance.Protection;
import dev.agcinfra.audit.provenance.Provenance;
import dev.agcinfra.audit.provenance.StateHistory;
import dev.agcinfra.audit.resources.ResourcesJob;
import dev.agcinfra.audit.resources.LogGroupItem;
import dev.agcinfra.settings.AgcNames;
import java.util.HashMap;
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

/**
 * The retained processors are pure: plain SDK model objects and the region's ownership evidence in, findings out.
 * The evidence here is a state history made in memory: "created" ids are listed as managed by a state version.
 */
class RetainedProcessorsTest {

    static final String ACCOUNT = "123456789012";
    static final long GB = 1L << 30;
    static final Tag AGC = Tag.builder().key("application-name").value("agc").build();
    static final String CORE_STATE = "agc/agc-core-us-east-1.tfstate";

    static RetainedProcessors processors(String region, Protection protection) {
        return new RetainedProcessors(new RegionScope(region, ACCOUNT, "aws"), TagFilter.DEFAULT, protection,
                ResourcesJob.DEFAULT_LOG_GROUP_PREFIXES, RetainedPricing.embedded());
    }

    static RetainedProcessors usEast1() {
        return processors("us-east-1", Protection.NONE);
    }

    /** Evidence in which a state version lists each of {@code ids} as created by agc-infra. */
    static Ownership created(String region, Protection protection, String... ids) {
        Map<String, Provenance> managed = new HashMap<>();
        for (String id : ids) {
            managed.put(id, Provenance.state(CORE_STATE, "v3", "aws_x." + id.replace('-', '_')));
        }
        return new Ownership(StateHistory.read(region, "agc-tfstate-" + ACCOUNT + "-" + region, managed, Map.of(),
                List.of(CORE_STATE)), protection);
    }

    static <T> Owned<T> createdByAgcInfra(T item, String id) {
        return new Owned<>(item, created("us-east-1", Protection.NONE, id));
    }

    static <T> Owned<T> inNoState(T item) {
        return new Owned<>(item, created("us-east-1", Protection.NONE));
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
            Finding finding = usEast1().natGateway(createdByAgcInfra(nat, "nat-1"));

            // Then
            assertThat(finding.kind()).isEqualTo(Kind.ORPHAN);
            assertThat(finding.owner()).isEqualTo(Owner.AGC);
            assertThat(finding.provenance()).isEqualTo(Provenance.state(CORE_STATE, "v3", "aws_x.nat_1"));
            assertThat(finding.reason()).contains("created by agc-infra: " + CORE_STATE + " (version v3) lists it as aws_x.nat_1");
            assertThat(finding.monthlyUsd()).isEqualByComparingTo("32.85");
            assertThat(finding.vpcId()).isEqualTo("vpc-1");
            assertThat(finding.cleanup()).isEqualTo("aws ec2 delete-nat-gateway --region us-east-1 --nat-gateway-id nat-1");
        }

        @Test
        @DisplayName("deleted, deleting, failed or untagged NAT gateways are left out")
        void natGatewaysThatDoNotBill() {
            for (String state : List.of("deleted", "deleting", "failed")) {
                assertThat(usEast1().natGateway(createdByAgcInfra(NatGateway.builder().natGatewayId("nat-1")
                        .state(state).tags(AGC).build(), "nat-1"))).as(state).isNull();
            }
            assertThat(usEast1().natGateway(createdByAgcInfra(NatGateway.builder().natGatewayId("nat-1")
                    .state("available").build(), "nat-1"))).isNull();
        }

        @Test
        @DisplayName("a tagged NAT gateway that no state version lists is the user's, whatever its tag: no command")
        void taggedButNotCreated() {
            NatGateway nat = NatGateway.builder().natGatewayId("nat-9").state("available").tags(AGC).build();

            Finding finding = usEast1().natGateway(inNoState(nat));

            assertThat(finding.owner()).isEqualTo(Owner.USER);
            assertThat(finding.provenance().source()).isEqualTo(Provenance.Source.NOT_IN_STATE);
            assertThat(finding.cleanup()).isNull();
            assertThat(finding.removable()).isFalse();
            assertThat(finding.reason()).contains("no version of agc-infra's state", "reported, never deleted");
        }

        @Test
        @DisplayName("when the state cannot be read the owner is unknown and nothing gets a command")
        void unreadableState() {
            NatGateway nat = NatGateway.builder().natGatewayId("nat-1").state("available").tags(AGC).build();
            Ownership unknown = new Ownership(StateHistory.unreadable("us-east-1", "agc-tfstate-x", "access denied",
                    null), Protection.NONE);

            Finding finding = usEast1().natGateway(new Owned<>(nat, unknown));

            assertThat(finding.owner()).isEqualTo(Owner.UNKNOWN);
            assertThat(finding.cleanup()).isNull();
            assertThat(finding.reason()).contains("owner unknown, kept: access denied");
        }

        @Test
        @DisplayName("a resource a state version reads with a data source is the user's, even if another version managed it")
        void dataSourceWins() {
            Vpc vpc = Vpc.builder().vpcId("vpc-9").state("available").tags(AGC).build();
            Ownership both = new Ownership(StateHistory.read("us-east-1", "agc-tfstate-x",
                    Map.of("vpc-9", Provenance.state(CORE_STATE, "v1", "aws_vpc.vpc")),
                    Map.of("vpc-9", Provenance.dataSource(CORE_STATE, "v2", "data.aws_vpc.vpc")), List.of(CORE_STATE)),
                    Protection.NONE);

            Finding finding = usEast1().vpc(new Owned<>(vpc, both));

            assertThat(finding.owner()).isEqualTo(Owner.USER);
            assertThat(finding.provenance().address()).isEqualTo("data.aws_vpc.vpc");
            assertThat(finding.cleanup()).isNull();
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
            assertThat(usEast1().vpcEndpoint(createdByAgcInfra(iface, "vpce-1")).monthlyUsd()).isEqualByComparingTo("21.90");
            assertThat(usEast1().vpcEndpoint(createdByAgcInfra(iface, "vpce-1")).reason()).contains("in 3 AZs");
            assertThat(usEast1().vpcEndpoint(createdByAgcInfra(gateway, "vpce-1"))).isNull();
        }

        @Test
        @DisplayName("an idle Elastic IP still bills its public IPv4 address")
        void idleElasticIp() {
            Finding finding = usEast1().elasticIp(createdByAgcInfra(Address.builder().allocationId("eipalloc-1")
                    .publicIp("203.0.113.13").tags(AGC).build(), "eipalloc-1"));

            assertThat(finding.monthlyUsd()).isEqualByComparingTo("3.65");
            assertThat(finding.state()).isEqualTo("unassociated");
            assertThat(finding.reason()).contains("203.0.113.13 idle");
            Finding blankInterface = usEast1().elasticIp(createdByAgcInfra(Address.builder().allocationId("eipalloc-1")
                    .publicIp("203.0.113.13").networkInterfaceId("").tags(AGC).build(), "eipalloc-1"));
            assertThat(blankInterface.reason()).as("an empty interface id is no interface").contains("idle")
                    .doesNotContain("in use by");
        }

        @Test
        @DisplayName("a VPC agc-infra created is a free orphan; one the settings name stays the user's even if a state lists it")
        void vpcs() {
            Vpc vpc = Vpc.builder().vpcId("vpc-1").state("available").tags(AGC).build();
            Protection named = new Protection(Map.of("us-east-1", Map.of("vpc-1", "regions.us-east-1.vpc")),
                    AgcNames.DEFAULT_STATE_BUCKET);

            assertThat(usEast1().vpc(createdByAgcInfra(vpc, "vpc-1")).monthlyUsd()).isEqualByComparingTo("0");
            assertThat(usEast1().vpc(createdByAgcInfra(vpc, "vpc-1")).cleanup())
                    .isEqualTo("aws ec2 delete-vpc --region us-east-1 --vpc-id vpc-1");
            Finding user = processors("us-east-1", named).vpc(new Owned<>(vpc, created("us-east-1", named, "vpc-1")));
            assertThat(user.owner()).isEqualTo(Owner.USER);
            assertThat(user.provenance().source()).isEqualTo(Provenance.Source.SETTINGS);
            assertThat(user.cleanup()).isNull();
        }

        @Test
        @DisplayName("a region without a sourced price reports the cost as unknown, not guessed")
        void unknownPrice() {
            // ca-west-1 has no sourced NAT gateway figure (aws-prices-regions.md: neither NAT source lists it)
            NatGateway nat = NatGateway.builder().natGatewayId("nat-1").vpcId("vpc-1").state("available").tags(AGC)
                    .build();

            Finding finding = processors("ca-west-1", Protection.NONE).natGateway(
                    new Owned<>(nat, created("ca-west-1", Protection.NONE, "nat-1")));

            assertThat(finding.monthlyUsd()).isNull();
            assertThat(finding.reason()).contains("no sourced NAT gateway price for ca-west-1");
        }
    }

    @Nested
    @DisplayName("buckets")
    class Buckets {

        static BucketItem bucket(String name, Map<String, String> tags, boolean versioned, long bytes) {
            return new BucketItem(name, tags, versioned, 2L, 0, bytes, Finding.FROM_LISTING, 1_000_000, List.of(),
                    List.of());
        }

        static final String STATE_BUCKET = "agc-tfstate-123456789012-us-east-1";

        static final Map<String, String> TAGGED = Map.of("application-name", "agc");

        @Test
        @DisplayName("a results bucket agc-infra created is agc's: 1 GB costs the S3 Standard price, removed with aws s3 rb --force")
        void createdBucket() {
            Finding finding = usEast1().bucket(createdByAgcInfra(bucket("agc-123456789012-us-east-1", TAGGED, false,
                    GB), "agc-123456789012-us-east-1"));

            assertThat(finding.kind()).isEqualTo(Kind.BUCKET);
            assertThat(finding.owner()).isEqualTo(Owner.AGC);
            assertThat(finding.monthlyUsd()).isEqualByComparingTo("0.023");
            assertThat(finding.cleanup()).isEqualTo("aws s3 rb s3://agc-123456789012-us-east-1 --force --region us-east-1");
        }

        @Test
        @DisplayName("a versioned bucket's command deletes every version and delete marker before the bucket")
        void versionedBucket() {
            Finding finding = usEast1().bucket(createdByAgcInfra(bucket("agc-123456789012-us-east-1", TAGGED, true,
                    GB), "agc-123456789012-us-east-1"));

            assertThat(finding.cleanup()).startsWith("aws s3api delete-objects --region us-east-1 --bucket "
                    + "agc-123456789012-us-east-1 --delete \"$(aws s3api list-object-versions")
                    .contains("[Versions, DeleteMarkers]").endsWith("&& aws s3 rb s3://agc-123456789012-us-east-1 "
                            + "--force --region us-east-1");
        }

        @Test
        @DisplayName("a tagged bucket named like AGC's that no state lists, or one named in the settings, is the user's")
        void userBuckets() {
            Protection named = new Protection(Map.of("us-east-1", Map.of("lab-results", "regions.us-east-1.bucket")),
                    AgcNames.DEFAULT_STATE_BUCKET);

            Finding agcs = usEast1().bucket(inNoState(bucket("agc-123456789012-us-east-1", TAGGED, false, 10)));
            Finding settings = processors("us-east-1", named).bucket(new Owned<>(bucket("lab-results", TAGGED, false,
                    10), created("us-east-1", named, "lab-results")));

            assertThat(agcs.owner()).as("AGC's own bucket, kept by AGC's deactivation").isEqualTo(Owner.USER);
            assertThat(agcs.cleanup()).isNull();
            assertThat(agcs.reason()).contains("no version of agc-infra's state");
            assertThat(settings.owner()).isEqualTo(Owner.USER);
            assertThat(settings.reason()).contains("named in the settings file as regions.us-east-1.bucket");
        }

        @Test
        @DisplayName("the state bucket is agc's when tagged, and gets a command only when it holds agc-infra's empty state alone")
        void stateBucket() {
            BucketItem holding = new BucketItem(STATE_BUCKET, TAGGED, true, 3L, 0, 300L, Finding.FROM_LISTING, 10,
                    List.of("agc/agc-data-us-east-1.tfstate"), List.of());
            BucketItem shared = new BucketItem(STATE_BUCKET, TAGGED, true, 3L, 0, 300L, Finding.FROM_LISTING, 10,
                    List.of(), List.of("team/network"));
            BucketItem empty = new BucketItem(STATE_BUCKET, TAGGED, true, 3L, 0, 300L, Finding.FROM_LISTING, 10,
                    List.of(), List.of());
            BucketItem untagged = new BucketItem(STATE_BUCKET, Map.of(), true, 3L, 0, 300L, Finding.FROM_LISTING, 10,
                    List.of(), List.of());

            assertThat(usEast1().bucket(inNoState(holding)).kind()).isEqualTo(Kind.STATE_BUCKET);
            assertThat(usEast1().bucket(inNoState(holding)).provenance().source())
                    .isEqualTo(Provenance.Source.STATE_BUCKET);
            assertThat(usEast1().bucket(inNoState(holding)).cleanup()).isNull();
            assertThat(usEast1().bucket(inNoState(holding)).reason()).contains("agc/agc-data-us-east-1.tfstate");
            assertThat(usEast1().bucket(inNoState(shared)).cleanup()).isNull();
            assertThat(usEast1().bucket(inNoState(shared)).reason()).contains("team/network", "another project");
            assertThat(usEast1().bucket(inNoState(empty)).cleanup()).startsWith("aws s3api delete-objects --region "
                    + "us-east-1 --bucket " + STATE_BUCKET).endsWith("aws s3 rb s3://" + STATE_BUCKET
                    + " --force --region us-east-1");
            assertThat(usEast1().bucket(inNoState(untagged)).owner()).isEqualTo(Owner.USER);
        }

        @Test
        @DisplayName("beyond the listing limit the reason names CloudWatch's metrics; without a datapoint the size is unknown")
        void cloudWatchSizes() {
            BucketItem item = new BucketItem("agc-123456789012-us-east-1", TAGGED, false, null, 0, null,
                    Finding.FROM_CLOUDWATCH, 1_000_000, List.of(), List.of());

            Finding finding = usEast1().bucket(createdByAgcInfra(item, item.name()));

            assertThat(finding.sizeSource()).isEqualTo("cloudwatch");
            assertThat(finding.monthlyUsd()).isNull();
            assertThat(finding.reason()).contains("more than 1000000 objects", "BucketSizeBytes", "size unknown");
        }
    }

    @Nested
    @DisplayName("log groups")
    class LogGroups {

        @Test
        @DisplayName("a tagged log group under AGC's prefix is agc's by AGC's name rule, priced; an untagged one is the user's")
        void logGroups() {
            LogGroup group = LogGroup.builder().logGroupName("Agc-Context-x").storedBytes(GB).retentionInDays(30).build();
            LogGroup lambda = LogGroup.builder().logGroupName("/aws/lambda/Agc-Core-x").storedBytes(10L).build();
            LogGroup other = LogGroup.builder().logGroupName("team-app").storedBytes(10L).build();
            RetainedProcessors euWest1 = processors("eu-west-1", Protection.NONE);
            Ownership none = created("eu-west-1", Protection.NONE);

            Finding tagged = euWest1.logGroup(new Owned<>(new LogGroupItem(group, Map.of("application-name", "agc")), none));
            Finding untagged = euWest1.logGroup(new Owned<>(new LogGroupItem(lambda, Map.of()), none));
            Finding taggedElsewhere = euWest1.logGroup(new Owned<>(new LogGroupItem(other,
                    Map.of("application-name", "agc")), none));

            assertThat(tagged.provenance().source()).isEqualTo(Provenance.Source.AGC_NAME_RULE);
            assertThat(tagged.reason()).contains("AGC's prefix Agc-");
            assertThat(taggedElsewhere.owner()).as("tagged, but neither AGC's name nor in a state").isEqualTo(Owner.USER);
            assertThat(taggedElsewhere.cleanup()).isNull();

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
