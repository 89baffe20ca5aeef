package dev.agcinfra.app.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.Testing;
import dev.agcinfra.app.AgcInfraApp;
import dev.agcinfra.app.SubnetResolver;
import dev.agcinfra.modules.naming.AddressedStack;
import dev.agcinfra.modules.naming.TerraformNames;
import dev.agcinfra.settings.NatGateways;
import dev.agcinfra.settings.RegionSettings;
import dev.agcinfra.settings.Settings;
import dev.agcinfra.testing.FakeAgcInstallation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Construct ids are Terraform addresses and state keys: renaming one makes Terraform destroy and re-create the
 * resource. This test is a change detector on purpose: it pins every address of the default region, so any added,
 * removed or renamed resource fails here; change the list only with a {@code moved} block for a renamed one.
 */
class TerraformAddressesTest {

    @Test
    void detectsAnyChangeToTheDefaultRegionsTerraformAddresses(@TempDir Path agcHome) {
        Map<String, JsonNode> stacks = Synth.stacks(Synth.settings(FakeAgcInstallation.create(agcHome).home(),
                Synth.defaults("us-east-1")));
        List<String> core = new ArrayList<>(List.of(
                "aws_vpc.vpc", "aws_default_security_group.vpc_default_security_group", "aws_internet_gateway.vpc_igw",
                "aws_dynamodb_table.table", "aws_security_group.endpoints_security_group",
                "aws_vpc_security_group_ingress_rule.endpoints_https_from_vpc",
                "data.aws_availability_zones.vpc_availability_zones", "data.aws_ssm_parameter.parameters_ecs_optimized_ami"));
        for (String p : List.of("vpc", "bucket", "installed_artifacts_s3_root_url", "infra_subnets", "num_infra_subnets",
                "compute_env_image")) {
            core.add("aws_ssm_parameter.parameters_" + p);
        }
        for (String e : List.of("s3", "dynamodb", "logs", "ecr_dkr", "ecr_api", "ecs_agent", "ecs_telemetry", "ecs", "ec2")) {
            core.add("aws_vpc_endpoint.endpoints_" + e);
        }
        for (int i = 1; i <= 3; i++) {
            for (String group : List.of("public", "private")) {
                String s = "vpc_" + group + "_subnet" + i;
                core.addAll(List.of("aws_subnet." + s, "aws_route_table." + s + "_route_table",
                        "aws_route_table_association." + s + "_route_table_association", "aws_route." + s + "_default_route"));
            }
            core.addAll(List.of("aws_eip.vpc_public_subnet" + i + "_eip", "aws_nat_gateway.vpc_public_subnet" + i + "_nat_gateway"));
        }
        // the contract's parts added for AGC's contexts (issue 17); every address above predates them, unchanged
        core.addAll(List.of("aws_ssm_parameter.parameters_wes_adapter_zip_key_parameter",
                "aws_cloudformation_stack.wes_adapter_export", "aws_s3_object.artifacts_wes_adapter"));
        for (String artifact : FakeAgcInstallation.ARTIFACTS) {
            core.add("aws_s3_object.artifacts_" + TerraformNames.snakeCase(artifact.replace('/', '.')));
        }
        assertThat(core).contains("aws_s3_object.artifacts_batch_artifacts_ecs_additions_provision_sh",
                "aws_s3_object.artifacts_batch_artifacts_amazon_ebs_autoscale_tgz");
        assertThat(Tf.addresses(stacks.get("agc-core-us-east-1"))).containsExactlyInAnyOrderElementsOf(core);
        assertThat(Tf.addresses(stacks.get("agc-data-us-east-1"))).containsExactlyInAnyOrder(
                "aws_s3_bucket.results_bucket", "aws_s3_bucket_server_side_encryption_configuration.results_bucket_encryption",
                "aws_s3_bucket_public_access_block.results_bucket_public_access_block",
                "aws_s3_bucket_ownership_controls.results_bucket_ownership_controls",
                "aws_s3_bucket_policy.results_bucket_policy");
    }

    @Test
    void everyElementOfEveryModeIsNamedAsItIsCreatedSoCdktfNeverAsksAStackForAName(@TempDir Path agcHome) {
        Path home = FakeAgcInstallation.create(agcHome).home();
        RegionSettings cheap = new RegionSettings("us-east-2", Optional.empty(), List.of(), "agc-bucket-us-east-2", true,
                Optional.of("ami-0123456789abcdef0"), false, true, Map.of("team", "genomics"), NatGateways.of(1), true, 90);
        RegionSettings regional = new RegionSettings("us-west-2", Optional.empty(), List.of(), "agc-bucket-us-west-2", true,
                Optional.empty(), false, true, Map.of(), NatGateways.REGIONAL, false, 90);
        Settings settings = new Settings(Synth.ACCOUNT, Settings.DEFAULT_STATE_BUCKET, Map.of("team", "genomics"),
                List.of(Synth.defaults("us-east-1"), OtherModesTest.publicSubnets("eu-west-1"),
                        OtherModesTest.ownVpc("eu-central-1", List.of("subnet-0123456789abcdef0")), cheap, regional), home);
        App app = Testing.app();
        AgcInfraApp agc = new AgcInfraApp(settings, SubnetResolver.none(), app);

        for (AgcInfraApp.StackSummary s : agc.stacks()) {
            AddressedStack stack = (AddressedStack) app.getNode().findChild(s.stack());
            Testing.synth(stack);
            assertThat(stack.namesAskedFor()).as(s.stack()).isZero();
        }
        assertThat(agc.stacks()).hasSize(9);
    }
}
