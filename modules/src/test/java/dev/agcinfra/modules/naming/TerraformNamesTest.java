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
    void separatorsAreNeverDoubledNorAtEitherEnd() {
        assertThat(TerraformNames.snakeCase("__a__b__")).isEqualTo("a_b");
        assertThat(TerraformNames.snakeCase("-Vpc-")).isEqualTo("vpc");
        assertThat(TerraformNames.snakeCase("a..B")).isEqualTo("a_b");
        assertThat(TerraformNames.snakeCase("batch-artifacts/ecs-additions/provision.sh"))
                .isEqualTo("batch_artifacts_ecs_additions_provision_sh");
        assertThat(TerraformNames.snakeCase("---")).isEmpty();
    }

    @Test
    void convertsEveryIdAsTheRegularExpressionDefinitionDoes() {
        // the definition the names were first written with; names are Terraform addresses, so they may never drift
        java.util.function.UnaryOperator<String> definition = id -> {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                if (Character.isUpperCase(c) && i > 0) {
                    char prev = id.charAt(i - 1);
                    boolean nextIsLower = i + 1 < id.length() && Character.isLowerCase(id.charAt(i + 1));
                    if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextIsLower)) {
                        out.append('_');
                    }
                }
                out.append(Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : '_');
            }
            return out.toString().replaceAll("_+", "_").replaceAll("^_|_$", "").toLowerCase(java.util.Locale.ROOT);
        };
        String alphabet = "aZ9_-./ QRbc";
        java.util.Random random = new java.util.Random(12);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder id = new StringBuilder();
            for (int len = random.nextInt(9); len > 0; len--) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(TerraformNames.snakeCase(id.toString())).as(id.toString()).isEqualTo(definition.apply(id.toString()));
        }
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
