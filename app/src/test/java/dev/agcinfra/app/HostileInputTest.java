package dev.agcinfra.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agcinfra.app.account.ActivateFlags;
import dev.agcinfra.app.lookup.AwsEnvironment;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.settings.RegionKey;
import dev.agcinfra.settings.SettingsLoader;
import dev.agcinfra.testing.FakeAgcInstallation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

/**
 * Every field that reaches {@code cdk.tf.json} (the settings, the lookup cache {@code agc.context.json}, the AGC
 * installation's paths, {@code account activate}'s flags), given a value with Terraform interpolations and directives
 * in it: either the value is refused with one problem line naming the field (exit 2, nothing written), or it reaches
 * the synthesized Terraform as literal text that Terraform never evaluates.
 */
class HostileInputTest {

    /** The word every hostile value carries, to find it in the output. */
    private static final String MARKER = "HOSTILE";
    /** An interpolation that reads a file, and a directive. */
    private static final String INTERPOLATION = "${file(\"/etc/" + MARKER + "\")}";
    private static final String DIRECTIVE = "%{if true}" + MARKER + "%{endif}";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Result(int status, String out, String err) {
    }

    private Result synth(String yaml) throws IOException {
        Files.writeString(dir.resolve("agc.yaml"), yaml);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AwsEnvironment offline = new AwsEnvironment(Map.of(), Optional.empty(), AnonymousCredentialsProvider.create(), () -> {
            throw new IllegalStateException("no region");
        });
        int status = Main.synth(new PrintWriter(out, true), new PrintWriter(err, true), new SettingsLoader(dir, Map.of()),
                offline, OutputFolder.at(dir.resolve("cdktf.out")));
        return new Result(status, out.toString(), err.toString());
    }

    /** A YAML double-quoted scalar holding {@code value} as it is. */
    private static String q(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String settings(String top, String region, String regionEntry) {
        return "account: \"123456789012\"\nagcHome: /no-agc-installation\n" + top + "regions:\n  " + region + ": "
                + regionEntry + "\n";
    }

    static Stream<Arguments> refusedSettings() {
        String h = q(INTERPOLATION);
        String d = q(DIRECTIVE);
        return Stream.of(
                arguments("account", "account: " + h + "\nregions: { us-east-1: {} }\n", "account:"),
                arguments("stateBucket", settings("stateBucket: " + q("agc-" + INTERPOLATION + "-{region}") + "\n",
                        "us-east-1", "{}"), "stateBucket:"),
                arguments("a global tag's key", settings("tags: { " + h + ": x }\n", "us-east-1", "{}"), "tags."),
                arguments("a global tag's value", settings("tags: { team: " + d + " }\n", "us-east-1", "{}"), "tags.team:"),
                arguments("a region's name", settings("", h, "{}"), "regions."),
                arguments("vpc", settings("", "us-east-1", "{ vpc: " + h + " }"), "regions.us-east-1.vpc:"),
                arguments("subnets", settings("", "us-east-1", "{ vpc: vpc-0123456789abcdef0, subnets: [" + d + "] }"),
                        "regions.us-east-1.subnets[0]:"),
                arguments("bucket", settings("", "us-east-1", "{ bucket: " + h + " }"), "regions.us-east-1.bucket:"),
                arguments("createBucket", settings("", "us-east-1", "{ createBucket: " + h + " }"),
                        "regions.us-east-1.createBucket:"),
                arguments("ami", settings("", "us-east-1", "{ ami: " + d + " }"), "regions.us-east-1.ami:"),
                arguments("usePublicSubnets", settings("", "us-east-1", "{ usePublicSubnets: " + d + " }"),
                        "regions.us-east-1.usePublicSubnets:"),
                arguments("executeApiEndpoint", settings("", "us-east-1", "{ executeApiEndpoint: " + h + " }"),
                        "regions.us-east-1.executeApiEndpoint:"),
                arguments("a region tag's key", settings("", "us-east-1", "{ tags: { " + d + ": x } }"),
                        "regions.us-east-1.tags."),
                arguments("a region tag's value", settings("", "us-east-1", "{ tags: { team: " + h + " } }"),
                        "regions.us-east-1.tags.team:"),
                arguments("the default natGateways", settings("natGateways: " + h + "\n", "us-east-1", "{}"),
                        "natGateways:"),
                arguments("natGateways", settings("", "us-east-1", "{ natGateways: " + d + " }"),
                        "regions.us-east-1.natGateways:"),
                arguments("flowLogs", settings("", "us-east-1", "{ flowLogs: " + h + " }"),
                        "regions.us-east-1.flowLogs:"),
                arguments("flowLogRetentionDays", settings("", "us-east-1", "{ flowLogs: true, flowLogRetentionDays: "
                        + d + " }"), "regions.us-east-1.flowLogRetentionDays:"));
    }

    @Test
    void theHostileSettingsCoverEverySettingThatReachesTerraform() {
        List<String> named = refusedSettings().map(a -> (String) a.get()[2]).toList();

        // agcHome is a path, written as literal text: pathsAndFileNamesOfTheAgcInstallation... below
        SettingsLoader.topLevelKeys().stream().filter(k -> !k.equals("regions") && !k.equals("agcHome"))
                .forEach(k -> assertThat(named).as("a hostile top-level " + k).anyMatch(n -> n.startsWith(k)));
        RegionKey.keys().forEach(k -> assertThat(named).as("a hostile " + k + " in a region")
                .anyMatch(n -> n.startsWith("regions.us-east-1." + k)));
    }

    @ParameterizedTest(name = "{0} is refused in one line naming it, and nothing is written")
    @MethodSource
    void refusedSettings(String field, String yaml, String named) throws IOException {
        Result r = synth(yaml);

        assertThat(r.status()).as(r.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().lines()).singleElement().asString().startsWith("agc-infra: agc.yaml:").contains(named);
        assertThat(dir.resolve("cdktf.out")).doesNotExist();
    }

    static Stream<Arguments> refusedCacheEntries() {
        return Stream.of(
                arguments("subnetId", "{\"subnetId\": " + JSON.valueToTree(INTERPOLATION) + ", \"availabilityZone\": \"eu-west-1a\"}",
                        "item 0: subnetId \"${file(\\\"/etc/HOSTILE\\\")}\" is not a subnet id (subnet- and 8 or 17 lowercase hex "
                                + "digits)"),
                arguments("availabilityZone", "{\"subnetId\": \"subnet-0aaaaaaaaaaaaaaaa\", \"availabilityZone\": \"${aws_vpc."
                        + MARKER + ".id}\"}", "item 0: availabilityZone \"${aws_vpc.HOSTILE.id}\" is not an Availability "
                                + "Zone of eu-west-1 (such as eu-west-1a)"));
    }

    @ParameterizedTest(name = "a cached {0} is refused in one line naming the file, the key and the fix")
    @MethodSource
    void refusedCacheEntries(String field, String firstItem, String expected) throws IOException {
        // Given the issue's own case: the private subnets of the user's VPC in the committed lookup cache
        String key = "private-subnets:account=123456789012:region=eu-west-1:vpc=vpc-0123456789abcdef0";
        Files.writeString(dir.resolve("agc.context.json"), "{\"" + key + "\": [" + firstItem + ", "
                + "{\"subnetId\": \"subnet-0bbbbbbbbbbbbbbbb\", \"availabilityZone\": \"eu-west-1b\"}, "
                + "{\"subnetId\": \"subnet-0cccccccccccccccc\", \"availabilityZone\": \"eu-west-1c\"}]}");

        Result r = synth(settings("", "eu-west-1", "{ vpc: vpc-0123456789abcdef0 }"));

        assertThat(r.status()).as(r.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().lines()).singleElement().asString().isEqualTo("agc-infra: " + dir.resolve("agc.context.json")
                + ": the entry " + key + ", " + expected + "; delete the key " + key + " from "
                + dir.resolve("agc.context.json") + " to look it up again");
        assertThat(dir.resolve("cdktf.out")).doesNotExist();
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // reading the pipe would wait for a writer
    void aLookupCacheThatIsANamedPipeIsRefusedAtOnceInOneLine() throws Exception {
        // Given a FIFO that nothing will ever write to, where the lookup cache goes
        Path fifo = dir.resolve("agc.context.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).as("mkfifo").isZero();

        // When the subnets of the user's VPC are to come from the cache
        Result r = synth(settings("", "eu-west-1", "{ vpc: vpc-0123456789abcdef0 }"));

        // Then
        assertThat(r.status()).as(r.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().lines()).singleElement().asString().isEqualTo("agc-infra: " + fifo + ": is a named pipe "
                + "(FIFO), not a regular file; the lookup cache is a JSON file that agc-infra writes: delete it to look "
                + "everything up again");
        assertThat(dir.resolve("cdktf.out")).doesNotExist();
    }

    @Test
    void aLookupCacheLargerThanEightMebibytesIsRefusedWithoutBeingRead() throws IOException {
        // Given a sparse file one byte over the limit where the lookup cache goes
        Path cache = dir.resolve("agc.context.json");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(cache.toFile(), "rw")) {
            file.setLength(8L * 1024 * 1024 + 1);
        }

        // When the subnets of the user's VPC are to come from the cache
        Result r = synth(settings("", "eu-west-1", "{ vpc: vpc-0123456789abcdef0 }"));

        // Then
        assertThat(r.status()).as(r.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().lines()).singleElement().asString().isEqualTo("agc-infra: " + cache + ": the lookup cache "
                + "has 8388609 bytes, more than the 8388608 bytes (8 MiB) it may hold; delete it to look everything up "
                + "again");
        assertThat(dir.resolve("cdktf.out")).doesNotExist();
    }

    @Test
    void aCacheEntryThatIsRefusedLeavesThePreviousOutputWhole() throws IOException {
        // Given a good synth of the region with its subnets listed
        String key = "private-subnets:account=123456789012:region=eu-west-1:vpc=vpc-0123456789abcdef0";
        Result good = synth(settings("", "eu-west-1", "{ vpc: vpc-0123456789abcdef0, subnets: [subnet-0aaaaaaaaaaaaaaaa] }"));
        assertThat(good.status()).as(good.err()).isZero();
        String before = Files.readString(dir.resolve("cdktf.out/stacks/agc-core-eu-west-1/cdk.tf.json"));
        Files.writeString(dir.resolve("agc.context.json"), "{\"" + key + "\": [{\"subnetId\": "
                + JSON.valueToTree(INTERPOLATION) + ", \"availabilityZone\": \"eu-west-1a\"}]}");

        // When the subnets are to come from the hostile cache
        Result r = synth(settings("", "eu-west-1", "{ vpc: vpc-0123456789abcdef0 }"));

        // Then nothing of the previous output changed
        assertThat(r.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(dir.resolve("cdktf.out/stacks/agc-core-eu-west-1/cdk.tf.json")).hasContent(before);
    }

    @Test
    void anAgcHomeHoldingCdktfsTokenMarkerIsRefusedInOneLine() throws IOException {
        Path home = dir.resolve("agc-${TfToken[TOKEN.1]}");
        FakeAgcInstallation.create(home);

        Result r = synth("account: \"123456789012\"\nagcHome: " + q(home.toString()) + "\nregions: { us-east-1: {} }\n");

        assertThat(r.status()).as(r.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().lines()).singleElement().asString().isEqualTo("agc-infra: agcHome: " + home + " cannot be "
                + "written into Terraform as it is: it holds \"{TfToken[\", which CDKTF reads as one of its tokens and "
                + "replaces; move AGC's installation to a path without it, and set agcHome: to that path");
        assertThat(dir.resolve("cdktf.out")).doesNotExist();
    }

    @Test
    void pathsAndFileNamesOfTheAgcInstallationReachTerraformAsLiteralTextThatTerraformNeverEvaluates() throws Exception {
        // Given an installation in a folder, and with a file, whose names hold an interpolation and a directive
        String name = "agc-" + INTERPOLATION.replace("/", "") + "-" + DIRECTIVE;
        FakeAgcInstallation agc = FakeAgcInstallation.create(dir.resolve(name));
        String fileName = "batch-artifacts/" + DIRECTIVE + INTERPOLATION.replace("/", "") + ".sh";
        agc.changeArtifact(fileName, "#!/bin/bash\n");

        // When
        Result r = synth("account: \"123456789012\"\nagcHome: " + q(agc.home().toString()) + "\nregions: { us-east-1: {} }\n");

        // Then the synth succeeded, the hostile text is in the Terraform, and Terraform evaluates none of it
        assertThat(r.status()).as(r.err()).isZero();
        List<String> evaluatedWithMarker = new ArrayList<>();
        List<String> stringsWithMarker = new ArrayList<>();
        for (Path file : synthesizedFiles()) {
            TerraformTemplates.strings(JSON.readTree(file.toFile()), file.getFileName().toString(), (where, text) -> {
                if (text.contains(MARKER)) {
                    stringsWithMarker.add(text);
                }
                TerraformTemplates.evaluated(text).stream().filter(code -> code.contains(MARKER))
                        .forEach(code -> evaluatedWithMarker.add(where + ": " + code));
            });
        }
        assertThat(evaluatedWithMarker).isEmpty();
        assertThat(stringsWithMarker).isNotEmpty();

        // and Terraform itself reads each object's key and file as exactly the key and the path
        JsonNode objects = JSON.readTree(dir.resolve("cdktf.out/stacks/agc-core-us-east-1/cdk.tf.json").toFile())
                .path("resource").path("aws_s3_object");
        List<String> written = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        objects.forEach(o -> {
            written.add(o.path("key").asText());
            written.add(o.path("source").asText());
        });
        TerraformConsole.require();
        List<String> read = TerraformConsole.values(dir, written);
        for (int n = 0; n < written.size(); n += 2) {
            expected.add(TerraformTemplates.literal(written.get(n)));
            expected.add(TerraformTemplates.literal(written.get(n + 1)));
        }
        assertThat(read).isEqualTo(expected)
                .contains("artifacts/" + fileName, agc.artifact(fileName).toString(), agc.wesAdapter().toString());
    }

    @Test
    void everyFlagOfAccountActivateIsRefusedBeforeItCouldBeWrittenIntoTheSettings() {
        ActivateFlags flags = new ActivateFlags(Optional.of(INTERPOLATION), Optional.of(DIRECTIVE), List.of(INTERPOLATION),
                Optional.of(DIRECTIVE), false, Map.of(INTERPOLATION, "x", "team", DIRECTIVE));

        List<String> problems = flags.problems("us-east-1");

        assertThat(problems).hasSize(6)
                .anyMatch(p -> p.startsWith("--bucket: "))
                .anyMatch(p -> p.startsWith("--vpc: "))
                .anyMatch(p -> p.startsWith("--subnets[0]: "))
                .anyMatch(p -> p.startsWith("--ami: "))
                .filteredOn(p -> p.startsWith("--tags: ")).hasSize(2);
    }

    private List<Path> synthesizedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("cdktf.out"))) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }
}
