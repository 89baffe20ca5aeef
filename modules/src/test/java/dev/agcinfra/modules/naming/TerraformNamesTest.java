package dev.agcinfra.modules.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TerraformNamesTest {

    @Test
    void snakeCasesConstructIdsIncludingAcronymsAndDottedServiceKeys() {
        assertThat(TerraformNames.snakeCase("PublicSubnet1")).isEqualTo("public_subnet1");
        assertThat(TerraformNames.snakeCase("NATGateway")).isEqualTo("nat_gateway");
        assertThat(TerraformNames.snakeCase("IGW")).isEqualTo("igw");
        assertThat(TerraformNames.snakeCase("EIP")).isEqualTo("eip");
        assertThat(TerraformNames.snakeCase("ecr.api")).isEqualTo("ecr_api");
        assertThat(TerraformNames.snakeCase("ecs-telemetry")).isEqualTo("ecs_telemetry");
        assertThat(TerraformNames.snakeCase("InstalledArtifactsS3RootUrl")).isEqualTo("installed_artifacts_s3_root_url");
        assertThat(TerraformNames.snakeCase("vpc_id")).isEqualTo("vpc_id");
    }

    @Test
    void leavesTheDefaultChildOutOfTheName() {
        assertThat(TerraformNames.logicalId(List.of("Vpc", "Resource"))).isEqualTo("vpc");
        assertThat(TerraformNames.logicalId(List.of("Vpc", "PublicSubnet1", "Resource"))).isEqualTo("vpc_public_subnet1");
        assertThat(TerraformNames.logicalId(List.of("Vpc", "PublicSubnet1", "NATGateway"))).isEqualTo("vpc_public_subnet1_nat_gateway");
    }

    @Test
    void refusesAPathWithNothingButTheDefaultChild() {
        assertThatThrownBy(() -> TerraformNames.logicalId(List.of("Resource"))).isInstanceOf(IllegalArgumentException.class);
    }
}
