package dev.agcinfra.app;

import dev.agcinfra.cli.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agcinfra.app.lookup.AwsEnvironment;
import dev.agcinfra.settings.SettingsLoader;
import dev.agcinfra.testing.FakeAgcInstallation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

/** The runnable jar's job, in-process: settings in, cdktf.out and one summary line per stack out. */
class MainTest {

    @TempDir
    Path dir;

    record Result(int status, String out, String err) {
    }

    Result run(String yaml) throws IOException {
        Files.writeString(dir.resolve("agc.yaml"), yaml);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // No credentials and no region: the settings must say everything, as in the offline main job.
        AwsEnvironment offline = new AwsEnvironment(Map.of(), Optional.empty(), AnonymousCredentialsProvider.create(), () -> {
            throw new IllegalStateException("no region");
        });
        int status = Main.synth(new PrintWriter(out, true), new PrintWriter(err, true),
                new SettingsLoader(dir, Map.of()), offline, OutputFolder.at(dir.resolve("cdktf.out")));
        return new Result(status, out.toString(), err.toString());
    }

    /** How many resources (data sources not counted) the written stack holds. */
    private static int resourcesIn(Path outdir, String stack) throws IOException {
        JsonNode types = new ObjectMapper().readTree(outdir.resolve("stacks").resolve(stack).resolve("cdk.tf.json")
                .toFile()).path("resource");
        int count = 0;
        for (JsonNode resources : types) {
            count += resources.size();
        }
        return count;
    }

    @Test
    void writesEveryStackAndTheManifestAsCdktfSynthDoesAndSummarizesEachStack() throws IOException {
        Result r = run("""
                account: "123456789012"
                agcHome: agc-installed-here
                regions:
                  us-east-1: {}
                  eu-west-1: { usePublicSubnets: true }
                """);

        assertThat(r.status()).as(r.err()).isZero();
        Path outdir = dir.resolve("cdktf.out");
        JsonNode manifest = new ObjectMapper().readTree(outdir.resolve("manifest.json").toFile());
        assertThat(manifest.path("stacks").size()).isEqualTo(4);
        for (String stack : new String[] {"agc-data-us-east-1", "agc-core-us-east-1", "agc-data-eu-west-1", "agc-core-eu-west-1"}) {
            assertThat(manifest.path("stacks").path(stack).path("synthesizedStackPath").asText())
                    .isEqualTo("stacks/" + stack + "/cdk.tf.json");
            assertThat(outdir.resolve("stacks").resolve(stack).resolve("cdk.tf.json")).isRegularFile();
        }
        assertThat(manifest.path("stacks").path("agc-core-us-east-1").path("dependencies").get(0).asText())
                .isEqualTo("agc-data-us-east-1");
        assertThat(r.out().lines()).hasSize(4);
        assertThat(r.out().lines().filter(l -> l.startsWith("agc-core-us-east-1")).findFirst().orElseThrow())
                .contains("region=us-east-1", "vpc=new-private", "bucket=agc-123456789012-us-east-1",
                        "resources=" + resourcesIn(outdir, "agc-core-us-east-1"), "contexts=no-agc-installation");
        assertThat(r.out().lines().filter(l -> l.startsWith("agc-core-eu-west-1")).findFirst().orElseThrow())
                .contains("vpc=new-public", "resources=" + resourcesIn(outdir, "agc-core-eu-west-1"));
        assertThat(resourcesIn(outdir, "agc-core-eu-west-1")).as("public subnets only: fewer resources")
                .isLessThan(resourcesIn(outdir, "agc-core-us-east-1"));
        assertThat(r.out().lines().filter(l -> l.startsWith("agc-data-"))).noneMatch(l -> l.contains("contexts="));
    }

    @Test
    void withoutAnAgcInstallationTheSynthSucceedsAndSaysContextsCannotRunUntilItIsThere() throws IOException {
        Result r = run("""
                account: "123456789012"
                agcHome: agc-installed-here
                regions: { us-east-1: {} }
                """);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("contexts=no-agc-installation");
        assertThat(r.err()).contains("agc-infra: warning: no complete AGC installation in " + dir.resolve("agc-installed-here")
                + " (missing cdk/lib/artifacts/, wes/wes_adapter.zip)", "AGC contexts cannot run on them until it is there");
    }

    @Test
    void withAnAgcInstallationTheCoreUploadsItAndContextsAreReady() throws IOException {
        FakeAgcInstallation.create(dir.resolve("agc-installed-here"));

        Result r = run("""
                account: "123456789012"
                agcHome: agc-installed-here
                regions: { us-east-1: {} }
                """);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("agc-core-us-east-1")).findFirst().orElseThrow())
                .contains("resources=" + (52 + 1 + FakeAgcInstallation.ARTIFACTS.size() + 1), "contexts=ready");
        assertThat(r.err()).doesNotContain("warning");
    }

    @Test
    void theRegionsAwsOpenedIn2025SynthesizeStacksThatSkipTheToolsRegionCheckAndTheSummarySaysWhy() throws IOException {
        Result r = run("""
                account: "123456789012"
                regions: { mx-central-1: {}, ap-southeast-7: {}, ap-east-2: {}, ap-southeast-6: {}, ca-west-1: {} }
                """);

        assertThat(r.status()).as(r.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        for (String region : new String[] {"mx-central-1", "ap-southeast-7", "ap-east-2", "ap-southeast-6"}) {
            for (String stack : new String[] {"agc-data-" + region, "agc-core-" + region}) {
                JsonNode written = json.readTree(dir.resolve("cdktf.out/stacks").resolve(stack).resolve("cdk.tf.json")
                        .toFile());
                assertThat(written.path("provider").path("aws").get(0).path("skip_region_validation").asBoolean())
                        .as(stack).isTrue();
                assertThat(written.path("terraform").path("backend").path("s3").path("skip_region_validation")
                        .asBoolean()).as(stack).isTrue();
                assertThat(r.out().lines().filter(l -> l.startsWith(stack + " ")).findFirst().orElseThrow())
                        .endsWith("region-validation=skipped" + (stack.startsWith("agc-core-") ? " contexts=no-agc-installation" : ""));
            }
            assertThat(r.err()).containsOnlyOnce("agc-infra: note: " + region + ": its stacks set skip_region_validation "
                    + "in the AWS provider and the S3 backend, because Terraform's S3 backend knows " + region + " only from ");
        }
        // ca-west-1 is known to every Terraform agc-infra supports: nothing skipped, nothing said
        JsonNode caWest = json.readTree(dir.resolve("cdktf.out/stacks/agc-core-ca-west-1/cdk.tf.json").toFile());
        assertThat(caWest.path("provider").path("aws").get(0).has("skip_region_validation")).isFalse();
        assertThat(caWest.path("terraform").path("backend").path("s3").has("skip_region_validation")).isFalse();
        assertThat(r.out().lines().filter(l -> l.contains("ca-west-1"))).noneMatch(l -> l.contains("region-validation"));
        assertThat(r.err()).doesNotContain("note: ca-west-1");
    }

    @Test
    void invalidSettingsWriteNothingAndExitWithTwo() throws IOException {
        Result r = run("""
                account: "123456789012"
                regions:
                  us-east-1:
                    usePublicSubnet: true
                """);

        assertThat(r.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("usePublicSubnet").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("cdktf.out")).doesNotExist();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anOutputFolderThatIsAFileIsOneLineWithExitTwoAndNoStackTrace() throws IOException {
        Files.writeString(dir.resolve("cdktf.out"), "my notes");

        Result r = run("account: \"123456789012\"\nregions: { us-east-1: {} }\n");

        assertThat(r.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().lines()).singleElement().asString().isEqualTo("agc-infra: " + dir.resolve("cdktf.out")
                + ": is a file, not a folder; the synth writes its output there: move it away, then synthesize again");
        assertThat(dir.resolve("cdktf.out")).hasContent("my notes");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFileWhereAStacksFolderGoesIsOneLineWithExitTwoAndTheOutputIsLeftAsItWas() throws IOException {
        run("account: \"123456789012\"\nregions: { us-east-1: {} }\n");
        Files.delete(dir.resolve("cdktf.out/stacks/agc-core-us-east-1/cdk.tf.json"));
        Files.delete(dir.resolve("cdktf.out/stacks/agc-core-us-east-1"));
        Files.writeString(dir.resolve("cdktf.out/stacks/agc-core-us-east-1"), "not a folder");

        Result r = run("account: \"123456789012\"\nregions: { us-east-1: {} }\n");

        assertThat(r.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().lines()).singleElement().asString().contains("cdktf.out/stacks/agc-core-us-east-1: is a file, "
                + "not a stack's folder; move it out of").doesNotContain("JsiiError", "Exception");
        assertThat(dir.resolve("cdktf.out/stacks/agc-core-us-east-1")).hasContent("not a folder");
        assertThat(dir.resolve("cdktf.out/stacks/agc-data-us-east-1/cdk.tf.json")).exists();
    }

    @Test
    void aStackTheSettingsNoLongerProduceLeavesNoFolderBehind() throws IOException {
        run("account: \"123456789012\"\nregions: { us-east-1: {}, eu-west-1: {} }\n");
        assertThat(dir.resolve("cdktf.out/stacks/agc-data-eu-west-1")).isDirectory();

        Result r = run("account: \"123456789012\"\nregions: { us-east-1: { bucket: my-own-results } }\n");

        assertThat(r.status()).as(r.err()).isZero();
        try (var stacks = Files.list(dir.resolve("cdktf.out/stacks"))) {
            assertThat(stacks.map(p -> p.getFileName().toString())).containsExactly("agc-core-us-east-1");
        }
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("cdktf.out/manifest.json").toFile());
        assertThat(manifest.path("stacks").fieldNames()).toIterable().containsExactly("agc-core-us-east-1");
        try (var beside = Files.list(dir)) {
            assertThat(beside.map(p -> p.getFileName().toString())).as("no fresh or previous output left beside it")
                    .containsExactlyInAnyOrder("agc.yaml", "cdktf.out");
        }
    }

    @Test
    void aProblemQuotingANewlineOrABidirectionalControlIsPrintedOnOneLineWithThemEscaped() throws IOException {
        Result r = run("account: \"123456789012\"\nregions:\n  us-east-1:\n    bucket: \"my-bucket\\n\"\n"
                + "    tags: { \"new\\nline\": x, \"r\\u202etl\": v }\n");

        assertThat(r.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().lines()).hasSize(3).allMatch(l -> l.startsWith("agc-infra: agc.yaml:"));
        assertThat(r.err()).doesNotContain("\u202e").contains(
                "agc-infra: agc.yaml:4:13: regions.us-east-1.bucket: \"my-bucket\\n\" is not a valid S3 bucket name: it "
                        + "contains '\\n' (only lowercase letters",
                "regions.us-east-1.tags.new\\nline: custom tag \"new\\nline\" = \"x\" is not allowed",
                "regions.us-east-1.tags.r\\u202etl: custom tag \"r\\u202etl\" = \"v\" is not allowed");
    }

    @Test
    void aWarningQuotingAPathWithANewlineOrABidirectionalControlIsOneLineWithThemEscaped() throws IOException {
        Result r = run("account: \"123456789012\"\nagcHome: \"/nowhere/ab\\u202ecd\\nX\"\nregions:\n  us-east-1: {}\n");

        assertThat(r.status()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.err()).doesNotContain("\u202e");
        assertThat(r.err().lines().filter(l -> l.contains("/nowhere/"))).singleElement().satisfies(l -> assertThat(l)
                .startsWith("agc-infra: warning: ").contains("/nowhere/ab\\u202ecd\\nX"));
        assertThat(r.err().lines()).allMatch(l -> l.startsWith("agc-infra: "));
    }

    @Test
    void refusesArguments() throws IOException {
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "deploy");
        assertThat(status).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).startsWith("usage: agc-infra");
    }
}
