package dev.agcinfra.modules.parameters;

import static dev.agcinfra.modules.testing.ConstructTest.addresses;
import static dev.agcinfra.modules.testing.ConstructTest.assertHasDataSource;
import static dev.agcinfra.modules.testing.ConstructTest.assertHasResource;
import static dev.agcinfra.modules.testing.ConstructTest.resources;
import static dev.agcinfra.modules.testing.ConstructTest.stack;
import static dev.agcinfra.modules.testing.ConstructTest.synth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.data_aws_ssm_parameter.DataAwsSsmParameter;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link CommonParameters} on its own: the parameters AGC's contexts read, with and without the optional ones. */
class CommonParametersTest {

    private static final List<String> SUBNETS = List.of("subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb");

    /** Each parameter's name and value. */
    private static Map<String, String> values(String synthesized) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode p : resources(synthesized, SsmParameter.TF_RESOURCE_TYPE).values()) {
            out.put(p.path("name").asText(), p.path("insecure_value").asText());
        }
        return out;
    }

    @Test
    void withTheRequiredPropsOnlyTheComputeImageIsTheLatestEcsOptimizedAmiAndNoOptionalParameterExists() {
        // Given
        TerraformStack stack = stack();

        // When
        CommonParameters parameters = new CommonParameters(stack, "Parameters", new CommonParametersProps(
                "vpc-0123456789abcdef0", "agc-123456789012-us-east-1", SUBNETS, null, null, null));
        String synthesized = synth(stack);

        // Then
        Map<String, String> values = values(synthesized);
        assertThat(values).containsOnlyKeys("/agc/_common/vpc", "/agc/_common/bucket",
                "/agc/_common/installed-artifacts/s3-root-url", "/agc/_common/InfraSubnets", "/agc/_common/NumInfraSubnets",
                "/agc/_common/ComputeEnvImage");
        assertThat(values).containsEntry("/agc/_common/vpc", "vpc-0123456789abcdef0")
                .containsEntry("/agc/_common/bucket", "agc-123456789012-us-east-1")
                .containsEntry("/agc/_common/installed-artifacts/s3-root-url",
                        "s3://agc-123456789012-us-east-1/artifacts/batch-artifacts")
                .containsEntry("/agc/_common/NumInfraSubnets", "2");
        assertThat(values.get("/agc/_common/InfraSubnets")).contains("join", SUBNETS.get(0), SUBNETS.get(1));
        assertHasResource(synthesized, SsmParameter.TF_RESOURCE_TYPE, Map.of("name", "/agc/_common/InfraSubnets",
                "type", "StringList"));
        assertHasDataSource(synthesized, DataAwsSsmParameter.TF_RESOURCE_TYPE,
                Map.of("name", CommonParameters.ECS_OPTIMIZED_AMI_PARAMETER));
        assertThat(values.get("/agc/_common/ComputeEnvImage"))
                .isEqualTo("${data.aws_ssm_parameter.parameters_ecs_optimized_ami.insecure_value}");
        assertHasResource(synthesized, SsmParameter.TF_RESOURCE_TYPE, Map.of("name", "/agc/_common/ComputeEnvImage",
                "data_type", "aws:ec2:image"));
    }

    @Test
    void anAmiCustomTagsAndTheWesAdapterKeyAddTheirParametersAndNoAmiLookup() {
        // Given
        TerraformStack stack = stack();

        // When
        CommonParameters parameters = new CommonParameters(stack, "Parameters", new CommonParametersProps(
                "vpc-0123456789abcdef0", "my-results", SUBNETS, Optional.of("ami-0123456789abcdef0"),
                Map.of("team", "genomics", "cost \"center\"", "4\\2"),
                Optional.of("artifacts/wes/wes_adapter-abc.zip")));
        String synthesized = synth(stack);

        // Then
        assertThat(parameters.computeImageId()).isEqualTo("ami-0123456789abcdef0");
        assertThat(addresses(synthesized)).noneMatch(a -> a.startsWith("data."));
        assertThat(values(synthesized))
                .containsEntry("/agc/_common/ComputeEnvImage", "ami-0123456789abcdef0")
                .containsEntry("/agc/_common/customTags", "{\"cost \\\"center\\\"\":\"4\\\\2\",\"team\":\"genomics\"}")
                .containsEntry("/agc/_common/WesAdapterZipKeyParameter", "artifacts/wes/wes_adapter-abc.zip");
    }

    @Test
    void theTerraformNamesAreTheParameterNamesAsTheCoreStackHasAlwaysHadThem() {
        TerraformStack stack = stack();

        new CommonParameters(stack, "Parameters", new CommonParametersProps("vpc-0123456789abcdef0", "my-results",
                SUBNETS, Optional.empty(), Map.of("a", "b"), Optional.of("k")));

        assertThat(resources(synth(stack), SsmParameter.TF_RESOURCE_TYPE)).containsOnlyKeys("parameters_vpc",
                "parameters_bucket", "parameters_installed_artifacts_s3_root_url", "parameters_custom_tags",
                "parameters_infra_subnets", "parameters_num_infra_subnets", "parameters_compute_env_image",
                "parameters_wes_adapter_zip_key_parameter");
    }

    @Test
    void propsWithoutAVpcABucketOrAnySubnetAreRefused() {
        assertThatThrownBy(() -> new CommonParametersProps("vpc-1", "b", List.of(), null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CommonParametersProps.infraSubnets must name at least one subnet");
        assertThatThrownBy(() -> new CommonParametersProps(null, "b", SUBNETS, null, null, null))
                .hasMessage("CommonParametersProps.vpcId must be non-null");
        assertThatThrownBy(() -> new CommonParametersProps("vpc-1", null, SUBNETS, null, null, null))
                .hasMessage("CommonParametersProps.bucketName must be non-null");
    }
}
