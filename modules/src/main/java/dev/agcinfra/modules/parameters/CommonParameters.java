package dev.agcinfra.modules.parameters;

import dev.agcinfra.modules.naming.AddressedScope;
import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.providers.aws.data_aws_ssm_parameter.DataAwsSsmParameter;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameter;
import dev.agcinfra.modules.naming.TerraformLiteral;
import java.util.Map;
import java.util.TreeMap;
import software.constructs.Construct;

/**
 * The SSM parameters under {@code /agc/_common/} through which AGC's contexts find the shared infrastructure:
 * {@code vpc}, {@code bucket}, {@code installed-artifacts/s3-root-url}, {@code customTags} (only with custom tags),
 * {@code InfraSubnets} (StringList), {@code NumInfraSubnets}, {@code ComputeEnvImage} (data type
 * {@code aws:ec2:image}) and {@code WesAdapterZipKeyParameter} (only when the WES adapter is uploaded). None is
 * secret, so values are stored as {@code insecure_value} and show in plans.
 *
 * <p>Construct ids (Terraform names) are the parameter names in PascalCase: {@code Vpc}, {@code Bucket},
 * {@code InstalledArtifactsS3RootUrl}, {@code CustomTags}, {@code InfraSubnets}, {@code NumInfraSubnets},
 * {@code ComputeEnvImage}, {@code WesAdapterZipKeyParameter}; the AMI lookup is the data source {@code EcsOptimizedAmi}.
 */
public final class CommonParameters extends Construct {

    /** Where every parameter lives. */
    public static final String PREFIX = dev.agcinfra.settings.AgcNames.COMMON_PARAMETERS;
    /** The public parameter holding the latest ECS-optimized Amazon Linux 2 AMI of the region. */
    public static final String ECS_OPTIMIZED_AMI_PARAMETER = "/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id";
    /** The parameter (below {@link #PREFIX}) holding the WES adapter zip's key; AGC keeps the key here, not in an export. */
    public static final String WES_ADAPTER_ZIP_KEY = "WesAdapterZipKeyParameter";

    private final String computeImageId;
    private final AddressedScope here;

    public CommonParameters(Construct scope, String id, CommonParametersProps props) {
        super(scope, id);
        this.here = AddressedScope.of(scope).child(this, id);
        string("Vpc", "vpc", props.vpcId());
        string("Bucket", "bucket", props.bucketName());
        string("InstalledArtifactsS3RootUrl", "installed-artifacts/s3-root-url",
                "s3://" + props.bucketName() + "/artifacts/batch-artifacts");
        if (!props.customTags().isEmpty()) {
            string("CustomTags", "customTags", json(props.customTags()));
        }
        here.add("InfraSubnets", (s, n) -> SsmParameter.Builder.create(s, n)
                .name(PREFIX + "InfraSubnets")
                .type("StringList")
                .insecureValue(Fn.join(",", props.infraSubnets().stream().map(TerraformLiteral::ofFunctionArgument)
                        .toList()))
                .build());
        string("NumInfraSubnets", "NumInfraSubnets", Integer.toString(props.infraSubnets().size()));
        this.computeImageId = props.ami().orElseGet(() -> here.add("EcsOptimizedAmi", (s, n) ->
                DataAwsSsmParameter.Builder.create(s, n).name(ECS_OPTIMIZED_AMI_PARAMETER).build()).getInsecureValue());
        here.add("ComputeEnvImage", (s, n) -> SsmParameter.Builder.create(s, n)
                .name(PREFIX + "ComputeEnvImage")
                .type("String")
                .dataType("aws:ec2:image")
                .insecureValue(TerraformLiteral.of(computeImageId))
                .build());
        props.wesAdapterZipKey().ifPresent(key -> string(WES_ADAPTER_ZIP_KEY, WES_ADAPTER_ZIP_KEY, key));
    }

    /** The compute AMI id: the one given, or a reference to the public ECS-optimized AMI parameter. */
    public String computeImageId() {
        return computeImageId;
    }

    /** A String parameter whose value is written as the text it is ({@link TerraformLiteral}; references stay references). */
    private void string(String id, String name, String value) {
        here.add(id, (s, n) -> SsmParameter.Builder.create(s, n).name(PREFIX + name).type("String")
                .insecureValue(TerraformLiteral.of(value)).build());
    }

    /** The tags as a JSON object with sorted keys, so the parameter's value does not change between synths. */
    static String json(Map<String, String> tags) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, String> e : new TreeMap<>(tags).entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(e.getKey())).append(':').append(quote(e.getValue()));
        }
        return out.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
