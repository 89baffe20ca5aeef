package dev.agcinfra.app.stacks;

import static dev.agcinfra.app.stacks.Tf.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agcinfra.app.AgcInfraApp;
import dev.agcinfra.settings.RegionSettings;
import dev.agcinfra.modules.contract.AgcContract;
import dev.agcinfra.modules.contract.AgcInstallation;
import dev.agcinfra.testing.FakeAgcInstallation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The core gives AGC's contexts everything they read (agc-core.md, "the contract"), from a fake AGC installation laid
 * out as AGC's installer does: every SSM parameter, the export {@code WesAdapterZipBucket}, every batch artifact and
 * the WES adapter in the results bucket, and the table {@code Agc}; in each network and bucket mode.
 */
@DisplayName("the contract AGC's contexts read from the core")
class AgcContractTest {

    @TempDir
    static Path shared;
    static FakeAgcInstallation agc;

    @BeforeAll
    static void install() {
        agc = FakeAgcInstallation.create(shared.resolve(".agc"));
    }

    static Stream<Arguments> modes() {
        return Stream.of(
                Arguments.of("new VPC with private subnets, new bucket", Synth.defaults("us-east-1")),
                Arguments.of("public subnets only", OtherModesTest.publicSubnets("eu-west-1")),
                Arguments.of("own VPC and an existing bucket", OtherModesTest.ownVpc("ap-southeast-1", OtherModesTest.SUBNETS)));
    }

    static JsonNode core(Path agcHome, RegionSettings region) {
        return Synth.stacks(Synth.settings(agcHome, region)).get(RegionStack.coreStackName(region.region()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void everyItemOfTheContractIsInTheCore(String mode, RegionSettings region) {
        JsonNode core = core(agc.home(), region);
        Map<String, JsonNode> parameters = byField(resources(core, "aws_ssm_parameter"), "name");
        Map<String, JsonNode> objects = byField(resources(core, "aws_s3_object"), "key");

        for (AgcContract.Item item : AgcContract.ITEMS) {
            switch (item.kind()) {
                case "ssm" -> {
                    if (item.name().endsWith("/customTags") && region.tags().isEmpty()) {
                        assertThat(parameters).as("customTags only with custom tags").doesNotContainKey(item.name());
                    } else {
                        assertThat(parameters).as(mode).containsKey(item.name());
                    }
                }
                case "export" -> assertThat(export(core).path("Export").path("Name").asText()).isEqualTo(item.name());
                case "object" -> {
                    String prefix = item.name().replace("<sha256>", "");
                    prefix = prefix.substring(0, prefix.lastIndexOf('/') + 1);
                    String p = prefix;
                    assertThat(objects.keySet()).as(mode).anyMatch(k -> k.startsWith(p));
                }
                case "table" -> assertThat(resources(core, "aws_dynamodb_table").get("table").path("name").asText())
                        .isEqualTo(item.name());
                case "tag" -> {
                    // a VPC the core creates: every subnet says whether it is public or private, as CDK's own do;
                    // in your own VPC there is no subnet of the core's to tag
                    Map<String, JsonNode> subnets = resources(core, "aws_subnet");
                    assertThat(subnets.isEmpty()).as(mode).isEqualTo(!region.vpc().isEmpty());
                    subnets.forEach((address, subnet) -> assertThat(subnet.path("tags").path(item.name()).asText())
                            .as(address).isEqualTo(address.contains("_public_") ? "Public" : "Private"));
                }
                default -> throw new AssertionError("unknown kind " + item.kind());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void theParametersHaveAgcsNamesTypesAndValues(String mode, RegionSettings region) {
        JsonNode core = core(agc.home(), region);
        Map<String, JsonNode> p = byField(resources(core, "aws_ssm_parameter"), "name");
        String prefix = "/agc/_common/";
        assertThat(p.get(prefix + "bucket").path("insecure_value").asText()).isEqualTo(region.bucket());
        assertThat(p.get(prefix + "installed-artifacts/s3-root-url").path("insecure_value").asText())
                .isEqualTo("s3://" + region.bucket() + "/artifacts/batch-artifacts");
        assertThat(p.get(prefix + "InfraSubnets").path("type").asText()).isEqualTo("StringList");
        assertThat(p.get(prefix + "ComputeEnvImage").path("data_type").asText()).isEqualTo("aws:ec2:image");
        JsonNode key = p.get(prefix + "WesAdapterZipKeyParameter");
        assertThat(key.path("type").asText()).isEqualTo("String");
        assertThat(key.path("insecure_value").asText()).as("the key of the uploaded zip, so it waits for the upload")
                .isEqualTo("${aws_s3_object.artifacts_wes_adapter.key}");
        p.values().forEach(v -> assertThat(v.path("type").asText()).isIn("String", "StringList"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void everyArtifactIsAnObjectWithAgcsKeyAndTheHashOfItsContent(String mode, RegionSettings region) {
        JsonNode core = core(agc.home(), region);
        Map<String, JsonNode> objects = byField(resources(core, "aws_s3_object"), "key");

        assertThat(objects).hasSize(FakeAgcInstallation.ARTIFACTS.size() + 1);
        for (String artifact : FakeAgcInstallation.ARTIFACTS) {
            JsonNode object = objects.get("artifacts/" + artifact);
            assertThat(object).as(artifact).isNotNull();
            assertThat(object.path("bucket").asText()).isEqualTo(region.bucket());
            assertThat(object.path("source").asText()).isEqualTo(agc.artifact(artifact).toString());
            assertThat(object.path("source_hash").asText()).isEqualTo(sha256(agc.artifact(artifact)));
        }
        // what every compute node syncs at boot: <installed-artifacts/s3-root-url>/ecs-additions/, then runs provision.sh
        assertThat(objects).containsKeys("artifacts/batch-artifacts/ecs-additions/provision.sh",
                "artifacts/batch-artifacts/ecs-additions/fetch_and_run.sh");
        String zipHash = sha256(agc.wesAdapter());
        JsonNode zip = objects.get("artifacts/wes/wes_adapter-" + zipHash + ".zip");
        assertThat(zip.path("source").asText()).isEqualTo(agc.wesAdapter().toString());
        assertThat(zip.path("source_hash").asText()).isEqualTo(zipHash);
        // etag would re-upload on every apply in an SSE-KMS bucket, where an ETag is not the content's MD5
        objects.values().forEach(o -> assertThat(o.has("etag")).isFalse());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void theExportNamesTheBucketThatHoldsTheWesAdapter(String mode, RegionSettings region) {
        JsonNode core = core(agc.home(), region);
        JsonNode zip = resources(core, "aws_s3_object").get("artifacts_wes_adapter");

        JsonNode output = export(core);
        assertThat(output.path("Export").path("Name").asText()).isEqualTo("WesAdapterZipBucket");
        assertThat(output.path("Value").asText()).isEqualTo(zip.path("bucket").asText()).isEqualTo(region.bucket());
        JsonNode stack = resources(core, "aws_cloudformation_stack").get("wes_adapter_export");
        assertThat(stack.path("name").asText()).isEqualTo("agc-infra-exports");
        JsonNode template = Synth.parse(stack.path("template_body").asText());
        assertThat(Tf.fields(template.path("Resources")).values()).singleElement()
                .satisfies(r -> assertThat(r.path("Type").asText()).isEqualTo("AWS::CloudFormation::WaitConditionHandle"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void changingOneArtifactChangesOnlyItsObject(String mode, RegionSettings region, @TempDir Path dir)
            throws IOException {
        FakeAgcInstallation mine = FakeAgcInstallation.create(dir);
        JsonNode before = core(mine.home(), region);

        mine.changeArtifact("batch-artifacts/ecs-additions/provision.sh", "#!/bin/bash\necho changed\n");
        JsonNode after = core(mine.home(), region);

        String changed = "artifacts_batch_artifacts_ecs_additions_provision_sh";
        assertThat(resources(after, "aws_s3_object").get(changed).path("source_hash").asText())
                .isEqualTo(sha256(mine.artifact("batch-artifacts/ecs-additions/provision.sh")))
                .isNotEqualTo(resources(before, "aws_s3_object").get(changed).path("source_hash").asText());
        assertThat(withoutObject(after, changed)).isEqualTo(withoutObject(before, changed));
    }

    @Test
    void changingTheWesAdapterChangesOnlyItsObjectWhoseKeyFollowsTheContent(@TempDir Path dir) {
        FakeAgcInstallation mine = FakeAgcInstallation.create(dir);
        JsonNode before = core(mine.home(), Synth.defaults("us-east-1"));

        mine.changeWesAdapter("def handler(event, context):\n    return 1\n");
        JsonNode after = core(mine.home(), Synth.defaults("us-east-1"));

        JsonNode zip = resources(after, "aws_s3_object").get("artifacts_wes_adapter");
        assertThat(zip.path("key").asText()).isEqualTo("artifacts/wes/wes_adapter-" + sha256(mine.wesAdapter()) + ".zip")
                .isNotEqualTo(resources(before, "aws_s3_object").get("artifacts_wes_adapter").path("key").asText());
        assertThat(withoutObject(after, "artifacts_wes_adapter")).isEqualTo(withoutObject(before, "artifacts_wes_adapter"));
    }

    @Test
    void withoutAnAgcInstallationTheCoreIsSynthesizedWithNoArtifactsAndSaysContextsCannotRun() {
        JsonNode core = core(Synth.NO_AGC_INSTALLATION, Synth.defaults("us-east-1"));

        assertThat(resources(core, "aws_s3_object")).isEmpty();
        assertThat(byField(resources(core, "aws_ssm_parameter"), "name"))
                .containsKey("/agc/_common/vpc").doesNotContainKey("/agc/_common/WesAdapterZipKeyParameter");
        assertThat(export(core).path("Value").asText()).isEqualTo("agc-123456789012-us-east-1");
        assertThat(AgcInfraApp.contextsCannotRun(AgcInstallation.read(Synth.NO_AGC_INSTALLATION))).get().asString()
                .contains("no complete AGC installation in " + Synth.NO_AGC_INSTALLATION, "cdk/lib/artifacts/",
                        "wes/wes_adapter.zip", "AGC contexts cannot run", "agcHome:");
        assertThat(AgcInfraApp.contextsCannotRun(AgcInstallation.read(agc.home()))).isEmpty();
    }

    @Test
    void anInstallationWithoutTheWesAdapterUploadsNothing(@TempDir Path dir) throws IOException {
        FakeAgcInstallation partial = FakeAgcInstallation.create(dir);
        Files.delete(partial.wesAdapter());

        JsonNode core = core(partial.home(), Synth.defaults("us-east-1"));

        assertThat(resources(core, "aws_s3_object")).isEmpty();
        assertThat(AgcInfraApp.contextsCannotRun(AgcInstallation.read(partial.home()))).get().asString()
                .contains("missing wes/wes_adapter.zip)");
    }

    @Test
    void everyItemOfTheContractAndItsSourcesInAgcAreOnTheDocsPage() throws IOException {
        String page = Files.readString(Path.of("../docs/agc-contexts.md"));

        for (AgcContract.Item item : AgcContract.ITEMS) {
            assertThat(page).as(item.name()).contains("`" + item.name());
        }
        assertThat(page).contains("context-stack.ts", "engine-construct.ts", "launch-template-data.ts", "util/index.ts",
                "apps/core/app.ts", "scripts/cli/install.sh", "internal/pkg/aws/ssm/", "internal/pkg/aws/ddb/");
    }

    private static JsonNode export(JsonNode core) {
        JsonNode stack = resources(core, "aws_cloudformation_stack").get("wes_adapter_export");
        return Synth.parse(stack.path("template_body").asText()).path("Outputs").path("WesAdapterZipBucket");
    }

    private static JsonNode withoutObject(JsonNode stack, String name) {
        ObjectNode copy = stack.deepCopy();
        ((ObjectNode) copy.path("resource").path("aws_s3_object")).remove(name);
        return copy;
    }

    private static Map<String, JsonNode> byField(Map<String, JsonNode> resources, String field) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        resources.values().forEach(r -> out.put(r.path(field).asText(), r));
        return out;
    }

    /** The SHA-256 of a file, computed here with the JDK (as {@code sha256sum} or Terraform's {@code filesha256}). */
    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
