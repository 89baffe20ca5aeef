package dev.agcinfra.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RegionValidationTest {

    @Test
    void everyRegionTheSettingsAcceptIsEitherKnownToTheOldestTerraformAgcInfraSupportsOrSkipsTheCheck() {
        // When an AWS SDK upgrade adds a region to AwsNames, it needs a decision here first
        Set<String> classified = new TreeSet<>(RegionValidation.KNOWN_TO_MINIMUM_TERRAFORM);
        classified.addAll(RegionValidation.TERRAFORM_KNOWS_SINCE.keySet());

        assertThat(classified).containsExactlyElementsOf(AwsNames.commercialRegions());
        assertThat(RegionValidation.KNOWN_TO_MINIMUM_TERRAFORM)
                .doesNotContainAnyElementsOf(RegionValidation.TERRAFORM_KNOWS_SINCE.keySet());
    }

    @Test
    void theFourRegionsOpenedIn2025SkipTheRegionCheckAndTheOlderOnesDoNot() {
        assertThat(AwsNames.commercialRegions()).filteredOn(RegionValidation::skipped)
                .containsExactly("ap-east-2", "ap-southeast-6", "ap-southeast-7", "mx-central-1");
        // ca-west-1 (December 2023) and ap-southeast-5 (August 2024) are known to Terraform 1.10.0's S3 backend
        assertThat(RegionValidation.skipped("ca-west-1")).isFalse();
        assertThat(RegionValidation.skipped("ap-southeast-5")).isFalse();
        assertThat(RegionValidation.skipped("us-east-1")).isFalse();
    }

    @Test
    void theReasonNamesTheTerraformReleaseThatFirstKnowsTheRegionAndTheOldestAgcInfraSupports() {
        assertThat(RegionValidation.whySkipped("ap-east-2")).contains("ap-east-2: its stacks set "
                + "skip_region_validation in the AWS provider and the S3 backend, because Terraform's S3 backend knows "
                + "ap-east-2 only from 1.13.5 on and agc-infra supports Terraform 1.10.0 and later (without it, an older "
                + "Terraform stops at init: \"Invalid region value\")");
        assertThat(RegionValidation.whySkipped("ap-southeast-6").orElseThrow()).contains("only from 1.14.0 on");
        assertThat(RegionValidation.whySkipped("mx-central-1").orElseThrow()).contains("only from 1.11.2 on");
        assertThat(RegionValidation.whySkipped("eu-west-1")).isEmpty();
    }
}
