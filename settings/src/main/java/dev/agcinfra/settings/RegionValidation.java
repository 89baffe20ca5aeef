package dev.agcinfra.settings;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the tools that run agc-infra's stacks know a region's name, and so whether its stacks must tell them not
 * to check it ({@code skip_region_validation} in the AWS provider and in the S3 backend).
 *
 * <p>Terraform's S3 backend and hashicorp/aws both check the region against the list compiled into their
 * {@code aws-sdk-go-base} ({@code validation.SupportedRegion}) and fail with "Invalid AWS Region" on a region opened
 * after their release. agc-infra accepts Terraform {@value #MINIMUM_TERRAFORM} and later, whose S3 backend was built
 * with aws-sdk-go-base v2.0.0-beta.58 (Terraform's {@code go.mod} at v1.10.0): it knows the 30 commercial regions of
 * {@link #KNOWN_TO_MINIMUM_TERRAFORM}, not the four AWS opened in 2025. For those the stacks skip the check, in the
 * backend and in the provider (the provider issues for each, hashicorp/terraform-provider-aws #40832, #40924, #42888
 * and #44113, give that as the way until the provider knows it; whether every hashicorp/aws release from 6.25.0 on
 * does was not established here, and skipping costs nothing). Skipping is safe: with the check off, the AWS SDK
 * resolves endpoints by the {@code aws} partition's pattern, {@code ^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$} (the same
 * aws-sdk-go-base), which every commercial region's name matches.
 *
 * <p>Every region of {@link AwsNames#commercialRegions()} is in one of the two tables ({@code RegionValidationTest}
 * fails otherwise), so that a region a future AWS SDK adds gets a decision before agc-infra accepts it.
 */
public final class RegionValidation {

    /** The oldest Terraform agc-infra's stacks accept: the S3 backend's {@code use_lockfile} needs it. */
    public static final String MINIMUM_TERRAFORM = "1.10.0";

    /**
     * The commercial regions of the region list in aws-sdk-go-base v2.0.0-beta.58 ({@code endpoints/endpoints_gen.go}),
     * which Terraform {@value #MINIMUM_TERRAFORM}'s S3 backend validates with.
     */
    static final Set<String> KNOWN_TO_MINIMUM_TERRAFORM = Set.of(
            "af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ca-central-1",
            "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1",
            "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "sa-east-1", "us-east-1",
            "us-east-2", "us-west-1", "us-west-2");

    /**
     * The regions opened after it, each with the first Terraform release whose S3 backend knows it: 1.11.2 moved to
     * aws-sdk-go-base v2.0.0-beta.62 (ap-southeast-7 since beta.60, mx-central-1 since beta.61; hashicorp/terraform
     * #36624, #36625), 1.13.5 to beta.65 (ap-east-2), 1.14.0 to beta.67 (ap-southeast-6 since beta.66).
     */
    static final Map<String, String> TERRAFORM_KNOWS_SINCE = Map.of(
            "ap-southeast-7", "1.11.2",
            "mx-central-1", "1.11.2",
            "ap-east-2", "1.13.5",
            "ap-southeast-6", "1.14.0");

    private RegionValidation() {
    }

    /** Whether the stacks of {@code region} set {@code skip_region_validation} in the provider and the backend. */
    public static boolean skipped(String region) {
        return TERRAFORM_KNOWS_SINCE.containsKey(region);
    }

    /** Why the stacks of {@code region} skip the region check, in one line; empty when they do not. */
    public static Optional<String> whySkipped(String region) {
        String since = TERRAFORM_KNOWS_SINCE.get(region);
        if (since == null) {
            return Optional.empty();
        }
        return Optional.of(region + ": its stacks set skip_region_validation in the AWS provider and the S3 backend, "
                + "because Terraform's S3 backend knows " + region + " only from " + since + " on and agc-infra "
                + "supports Terraform " + MINIMUM_TERRAFORM + " and later (without it, an older Terraform stops at "
                + "init: \"Invalid region value\")");
    }
}
