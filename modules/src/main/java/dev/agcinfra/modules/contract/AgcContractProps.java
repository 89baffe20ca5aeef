package dev.agcinfra.modules.contract;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Properties of {@link AgcContract}.
 *
 * @param vpcId        the VPC AGC's contexts run in (a literal or a Terraform reference). Required.
 * @param bucketName   the results bucket: where the artifacts go, and what {@code /agc/_common/bucket} and the export
 *                     {@code WesAdapterZipBucket} name. Required.
 * @param infraSubnets the subnets AGC's compute runs in. Required, not empty.
 * @param ami          the compute AMI id.
 *                     <p>@default - the latest ECS-optimized Amazon Linux 2 image
 * @param customTags   the user's custom tags, for {@code /agc/_common/customTags}.
 *                     <p>@default - none
 * @param installation the AGC installation to upload the artifacts and the WES adapter from. Required; when it is not
 *                     complete, nothing of it is uploaded and there is no {@code WesAdapterZipKeyParameter}, so AGC's
 *                     contexts cannot be deployed until the core is deployed again with one.
 */
public record AgcContractProps(String vpcId, String bucketName, List<String> infraSubnets, Optional<String> ami,
                               Map<String, String> customTags, AgcInstallation installation) {

    public AgcContractProps {
        Objects.requireNonNull(vpcId, "AgcContractProps.vpcId must be non-null");
        Objects.requireNonNull(bucketName, "AgcContractProps.bucketName must be non-null");
        infraSubnets = List.copyOf(infraSubnets);
        ami = ami == null ? Optional.empty() : ami;
        customTags = customTags == null ? Map.of() : Map.copyOf(customTags);
        Objects.requireNonNull(installation, "AgcContractProps.installation must be non-null");
    }
}
