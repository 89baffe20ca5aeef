package dev.agcinfra.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

class AwsNamesTest {

    @Test
    void theListOfCommercialRegionsIsExactlyWhatTheAwsSdkKnows() {
        // Given the AWS SDK's region metadata
        Set<String> sdk = new TreeSet<>();
        for (Region region : Region.regions()) {
            RegionMetadata metadata = region.metadata();
            if (!region.isGlobalRegion() && metadata != null && "aws".equals(metadata.partition().id())) {
                sdk.add(region.id());
            }
        }

        // When / Then: after an SDK upgrade that adds a region, add it to AwsNames.COMMERCIAL_REGIONS
        assertThat(AwsNames.commercialRegions()).containsExactlyElementsOf(sdk);
    }

    @Test
    void aRegionOfAnotherPartitionIsARegionButNotOneAgcInfraDeploysTo() {
        assertThat(AwsNames.regionProblemInAnyPartition("us-gov-west-1")).isEmpty();
        assertThat(AwsNames.regionProblemInAnyPartition("cn-north-1")).isEmpty();
        assertThat(AwsNames.regionProblem("us-gov-west-1")).hasValueSatisfying(problem -> assertThat(problem)
                .isEqualTo("\"us-gov-west-1\" is in partition aws-us-gov, which agc-infra does not support; use a "
                        + "commercial region such as us-east-1"));
    }

    @Test
    void aMisspeltOrGlobalRegionIsNoRegionInAnyPartition() {
        assertThat(AwsNames.regionProblemInAnyPartition("us-esat-1"))
                .hasValue("\"us-esat-1\" is not an AWS region; did you mean us-east-1?")
                .isEqualTo(AwsNames.regionProblem("us-esat-1"));
        assertThat(AwsNames.regionProblemInAnyPartition("aws-global")).isPresent();
        assertThat(AwsNames.regionProblemInAnyPartition("us-east-1")).isEmpty();
    }

    @Test
    void resourceIdsHave8Or17LowercaseHexDigits() {
        assertThat(AwsNames.isResourceId("vpc", "vpc-1234abcd")).isTrue();
        assertThat(AwsNames.isResourceId("vpc", "vpc-0123456789abcdef0")).isTrue();
        assertThat(AwsNames.isResourceId("vpc", "vpc-123456789")).as("9 digits").isFalse();
        assertThat(AwsNames.isResourceId("vpc", "vpc-0123456789ABCDEF0")).as("uppercase").isFalse();
        assertThat(AwsNames.isResourceId("vpc", "subnet-1234abcd")).as("wrong prefix").isFalse();
        assertThat(AwsNames.isResourceId("subnet", "subnet-1234abcg")).as("not hex").isFalse();
    }

    @Test
    void availabilityZonesAreTheRegionsNameWithALetterOrTheSuffixOfALocalOrWavelengthZone() {
        assertThat(AwsNames.isAvailabilityZone("eu-west-1", "eu-west-1a")).isTrue();
        assertThat(AwsNames.isAvailabilityZone("us-east-1", "us-east-1-bos-1a")).isTrue();
        assertThat(AwsNames.isAvailabilityZone("us-east-1", "us-east-1-wl1-bos-wlz-1")).isTrue();
        assertThat(AwsNames.isAvailabilityZone("eu-west-1", "eu-west-2a")).as("another region's").isFalse();
        assertThat(AwsNames.isAvailabilityZone("eu-west-1", "eu-west-1")).as("the region itself").isFalse();
        assertThat(AwsNames.isAvailabilityZone("eu-west-1", "eu-west-1A")).isFalse();
        assertThat(AwsNames.isAvailabilityZone("eu-west-1", "eu-west-1-")).isFalse();
        assertThat(AwsNames.isAvailabilityZone("eu-west-1", "eu-west-1a${aws_vpc.x.id}")).isFalse();
    }

    @Test
    void validBucketNamesPassEveryRule() {
        assertThat(AwsNames.bucketNameProblems("agc-123456789012-ap-southeast-2")).isEmpty();
        assertThat(AwsNames.bucketNameProblems("my.results.bucket")).isEmpty();
        assertThat(AwsNames.bucketNameProblems("a1b")).isEmpty();
        assertThat(AwsNames.bucketNameProblems("b".repeat(63))).isEmpty();
    }

    @Test
    void aBucketNameBreakingSeveralRulesListsThemAll() {
        assertThat(AwsNames.bucketNameProblems("-Xn..")).containsExactly(
                "it contains uppercase letters (only lowercase letters, digits, dots and hyphens)",
                "it must start with a lowercase letter or digit",
                "it must end with a lowercase letter or digit",
                "it has two adjacent dots");
    }

    @Test
    void reservedTagKeysAreRefusedInAnyCase() {
        assertThat(AwsNames.tagProblems("Application-Name", "x")).containsExactly(
                "agc-infra sets application-name itself on every resource");
        assertThat(AwsNames.tagProblems("team", "")).isEmpty();
        assertThat(AwsNames.tagProblems("cost center/ü", "a b+c=d@e")).isEmpty();
    }

    @Test
    void typosAreMatchedToTheClosestCandidateOnlyWhenClose() {
        assertThat(AwsNames.closest("usePublicSubnet", java.util.List.of("vpc", "usePublicSubnets"))).contains("usePublicSubnets");
        assertThat(AwsNames.closest("us-esat-1", AwsNames.commercialRegions())).contains("us-east-1");
        assertThat(AwsNames.closest("colour", java.util.List.of("vpc", "subnets", "bucket"))).isEmpty();
    }
}
