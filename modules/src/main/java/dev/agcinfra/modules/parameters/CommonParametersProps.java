package dev.agcinfra.modules.parameters;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Properties of {@link CommonParameters}.
 *
 * @param vpcId        the VPC id (a literal or a Terraform reference). Required.
 * @param bucketName   the results bucket's name. Required.
 * @param infraSubnets the subnets AGC's compute runs in. Required, not empty.
 * @param ami          the compute AMI id.
 *                     <p>@default - the latest ECS-optimized Amazon Linux 2 image, read from
 *                     {@link CommonParameters#ECS_OPTIMIZED_AMI_PARAMETER} at plan time
 * @param customTags   the user's custom tags, stored as JSON in {@code customTags}.
 *                     <p>@default - none, and no {@code customTags} parameter
 * @param wesAdapterZipKey the key of the WES adapter zip in the bucket (a literal or a Terraform reference), stored in
 *                     {@code WesAdapterZipKeyParameter}.
 *                     <p>@default - none, and no {@code WesAdapterZipKeyParameter} parameter
 */
public record CommonParametersProps(
        String vpcId, String bucketName, List<String> infraSubnets, Optional<String> ami, Map<String, String> customTags,
        Optional<String> wesAdapterZipKey) {

    public CommonParametersProps {
        Objects.requireNonNull(vpcId, "CommonParametersProps.vpcId must be non-null");
        Objects.requireNonNull(bucketName, "CommonParametersProps.bucketName must be non-null");
        infraSubnets = List.copyOf(infraSubnets);
        if (infraSubnets.isEmpty()) {
            throw new IllegalArgumentException("CommonParametersProps.infraSubnets must name at least one subnet");
        }
        ami = ami == null ? Optional.empty() : ami;
        customTags = customTags == null ? Map.of() : Map.copyOf(customTags);
        wesAdapterZipKey = wesAdapterZipKey == null ? Optional.empty() : wesAdapterZipKey;
    }
}
