package dev.agcinfra.audit.estimate;

import static dev.agcinfra.audit.estimate.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackLoaderTest {

    @TempDir
    Path temp;

    @Test
    void aCdktfOutDirectoryYieldsTheManifestsStacksInItsOrderWithTheirRegions() {
        List<StackInventory> stacks = StackLoader.load(resource("two-regions"));

        assertThat(stacks).extracting(StackInventory::stack).containsExactly(
                "agc-data-us-east-1", "agc-core-us-east-1", "agc-data-sa-east-1", "agc-core-sa-east-1");
        assertThat(stacks).extracting(StackInventory::region).containsExactly(
                "us-east-1", "us-east-1", "sa-east-1", "sa-east-1");
    }

    @Test
    void aCdktfOutDirectoryWithoutAManifestIsScannedForStacksInNameOrder() throws IOException {
        copyTree(resource("two-regions"), temp);
        Files.delete(temp.resolve("manifest.json"));

        assertThat(StackLoader.load(temp)).extracting(StackInventory::stack).containsExactly(
                "agc-core-sa-east-1", "agc-core-us-east-1", "agc-data-sa-east-1", "agc-data-us-east-1");
    }

    @Test
    void aStackDirectoryYieldsOneStackNamedAfterTheDirectory() {
        List<StackInventory> stacks = StackLoader.load(resource("two-regions/stacks/agc-core-us-east-1"));

        assertThat(stacks).singleElement().satisfies(s -> {
            assertThat(s.stack()).isEqualTo("agc-core-us-east-1");
            assertThat(s.natGateways()).hasSize(3);
        });
    }

    @Test
    void oneCdkTfJsonFileYieldsOneStackNamedAfterItsDirectory() {
        List<StackInventory> stacks = StackLoader.load(resource("two-regions/stacks/agc-core-sa-east-1/cdk.tf.json"));

        assertThat(stacks).singleElement().satisfies(s -> {
            assertThat(s.stack()).isEqualTo("agc-core-sa-east-1");
            assertThat(s.region()).isEqualTo("sa-east-1");
        });
    }

    @Test
    void aDirectoryOfHandWrittenTfJsonFilesIsOneStackMergedAsTerraformDoes() {
        StackInventory stack = StackLoader.load(resource("handwritten")).get(0);

        assertThat(stack.stack()).isEqualTo("handwritten");
        assertThat(stack.region()).isEqualTo("us-east-1");
        assertThat(stack.natGateways()).hasSize(3);
        assertThat(stack.interfaceEndpoints()).hasSize(2);
        assertThat(stack.gatewayEndpoints()).hasSize(1);
    }

    @Test
    void aSingleHandWrittenFileIsNamedAfterTheFile() throws IOException {
        Path file = temp.resolve("network.tf.json");
        Files.writeString(file, "{\"provider\": {\"aws\": {\"region\": \"eu-west-1\"}}, \"resource\": {\"aws_eip\": {\"a\": {}}}}");

        assertThat(StackLoader.load(file)).singleElement().satisfies(s -> {
            assertThat(s.stack()).isEqualTo("network");
            assertThat(s.elasticIps()).hasSize(1);
        });
    }

    @Test
    void aMissingPathIsInvalidInputNamingThePath() {
        assertThatThrownBy(() -> StackLoader.load(temp.resolve("cdktf.out")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no such file or directory")
                .hasMessageContaining("cdktf.out");
    }

    @Test
    void aDirectoryWithoutTerraformJsonIsInvalidInput() {
        assertThatThrownBy(() -> StackLoader.load(temp))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no Terraform JSON");
    }

    @Test
    void malformedJsonIsInvalidInputNamingTheFile() throws IOException {
        Path file = temp.resolve("cdk.tf.json");
        Files.writeString(file, "{\"resource\": ");

        assertThatThrownBy(() -> StackLoader.load(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void aManifestNamingAMissingStackFileIsInvalidInput() throws IOException {
        Files.writeString(temp.resolve("manifest.json"), "{\"stacks\": {\"a\": {\"name\": \"a\", "
                + "\"synthesizedStackPath\": \"stacks/a/cdk.tf.json\"}}}");

        assertThatThrownBy(() -> StackLoader.load(temp))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("stacks/a/cdk.tf.json");
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
