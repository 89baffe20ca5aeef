package dev.agcinfra.app.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultiRegionTest {

    final Map<String, JsonNode> stacks = Synth.stacks(Synth.settings(
            Synth.defaults("us-east-1"), OtherModesTest.publicSubnets("eu-west-1"),
            OtherModesTest.ownVpc("ap-southeast-1", OtherModesTest.SUBNETS)));

    @Test
    void givesEveryRegionItsOwnStacksProviderBackendAndStateKey() {
        assertThat(stacks.keySet()).containsExactly("agc-data-us-east-1", "agc-core-us-east-1", "agc-data-eu-west-1",
                "agc-core-eu-west-1", "agc-core-ap-southeast-1");
        stacks.forEach((name, stack) -> {
            String region = name.replaceFirst("agc-(data|core)-", "");
            assertThat(stack.path("provider").path("aws").size()).as(name).isEqualTo(1);
            assertThat(stack.path("provider").path("aws").get(0).path("region").asText()).isEqualTo(region);
            JsonNode s3 = stack.path("terraform").path("backend").path("s3");
            assertThat(s3.path("region").asText()).isEqualTo(region);
            assertThat(s3.path("bucket").asText()).isEqualTo("agc-tfstate-123456789012-" + region);
            assertThat(s3.path("key").asText()).isEqualTo("agc/" + name + ".tfstate");
        });
        assertThat(stacks.values().stream().map(s -> s.path("terraform").path("backend").path("s3").path("key").asText()))
                .doesNotHaveDuplicates();
    }

    @Test
    void keepsEachRegionsResourcesInItsOwnRegion() {
        assertThat(Tf.resources(stacks.get("agc-core-eu-west-1"), "aws_vpc_endpoint")).isEmpty();
        assertThat(Tf.resources(stacks.get("agc-core-us-east-1"), "aws_vpc_endpoint").get("endpoints_s3")
                .path("service_name").asText()).isEqualTo("com.amazonaws.us-east-1.s3");
        assertThat(Tf.resources(stacks.get("agc-data-eu-west-1"), "aws_s3_bucket").get("results_bucket")
                .path("bucket").asText()).isEqualTo("agc-123456789012-eu-west-1");
    }

    @Test
    void referencesNothingAcrossStacks() {
        stacks.forEach((name, stack) -> assertThat(Tf.fields(stack.path("data")).keySet())
                .as(name).doesNotContain("terraform_remote_state"));
        for (String name : List.of("agc-core-us-east-1", "agc-core-eu-west-1")) {
            assertThat(stacks.get(name).toString()).doesNotContain("aws_s3_bucket.results_bucket");
        }
    }
}
