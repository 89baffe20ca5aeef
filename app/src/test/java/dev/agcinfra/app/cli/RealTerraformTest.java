package dev.agcinfra.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agcinfra.app.SubnetResolver;
import dev.agcinfra.app.account.Synthesizer;
import dev.agcinfra.settings.RegionSettings;
import dev.agcinfra.settings.Settings;
import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.MotoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The real terraform (1.11.4 on these machines; {@code TERRAFORM_FOR_TESTS} or /usr/local/bin/terraform) against
 * moto's S3: the stacks are synthesized by the app itself (CDKTF), then cut down to their backend (no provider can be
 * downloaded here), and {@code activate} runs {@code terraform init -backend-config=...} and {@code apply} in them.
 */
class RealTerraformTest {

    private static final String STATE_BUCKET = "agc-tfstate-123456789012-us-east-1";

    @TempDir
    Path dir;

    S3Client s3;

    @BeforeEach
    void start() throws IOException {
        MotoServer.get().reset();
        s3 = AwsTestClients.build(S3Client.builder(), MotoServer.get().endpoint(), "us-east-1");
        Files.writeString(dir.resolve("agc.yaml"), "account: \"123456789012\"\n");
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    static String terraform() {
        String configured = System.getenv("TERRAFORM_FOR_TESTS");
        return configured != null ? configured : "/usr/local/bin/terraform";
    }

    /** The app's synthesis, each stack then reduced to its {@code terraform} block (backend, required version). */
    static Synthesizer synthesizedBackendsOnly() {
        return (settings, subnets, outdir) -> {
            Synthesizer.cdktf().synth(settings, subnets, outdir);
            ObjectMapper json = new ObjectMapper();
            try (Stream<Path> stacks = Files.list(outdir.resolve("stacks"))) {
                for (Path stack : stacks.toList()) {
                    Path file = stack.resolve("cdk.tf.json");
                    ObjectNode full = (ObjectNode) json.readTree(file.toFile());
                    ObjectNode terraform = (ObjectNode) full.get("terraform");
                    terraform.remove("required_providers");
                    ObjectNode reduced = json.createObjectNode();
                    reduced.set("terraform", terraform);
                    json.writeValue(file.toFile(), reduced);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /**
     * Terraform 1.11.4 is on every machine of this project and on CI, where a missing binary fails the test; a
     * developer without it gets a skipped test instead.
     */
    static void requireTerraform() {
        boolean present = Files.isExecutable(Path.of(terraform()));
        if (System.getenv("CI") != null) {
            assertThat(present).as("terraform at " + terraform() + " (CI must have it)").isTrue();
        }
        assumeTrue(present, "no terraform at " + terraform());
    }

    @Test
    void activateInitialisesAndAppliesEachStackAgainstMotosS3WithEncryptedStateUnderItsKey() {
        // Given the real terraform
        requireTerraform();
        CliRun cli = new CliRun(dir).env("AGC_TERRAFORM", terraform()).synthesizer(synthesizedBackendsOnly());

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--usePublicSubnets", "--yes");

        // Then terraform said so
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.err()).contains("has no TLS, so the state bucket gets no TLS-only policy");
        assertThat(r.out()).contains("Successfully configured the backend \"s3\"").contains("Apply complete!");
        // and the state of each stack is in the region's state bucket, under its key, encrypted
        List<String> keys = s3.listObjectsV2(l -> l.bucket(STATE_BUCKET)).contents().stream().map(S3Object::key).toList();
        assertThat(keys).containsExactlyInAnyOrder("agc/agc-data-us-east-1.tfstate", "agc/agc-core-us-east-1.tfstate");
        for (String key : keys) {
            assertThat(s3.headObject(h -> h.bucket(STATE_BUCKET).key(key)).serverSideEncryption())
                    .as(key).isEqualTo(ServerSideEncryption.AES256);
        }
        // and no lock file is left behind (use_lockfile)
        assertThat(keys).noneMatch(k -> k.endsWith(".tflock"));

        // When deactivated
        CliRun.Result d = cli.run("account", "deactivate", "--region", "us-east-1", "--yes");

        // Then terraform destroyed agc-core only, against the same backend
        assertThat(d.status()).as(d.all()).isZero();
        assertThat(d.out()).contains("agc-core-us-east-1: terraform destroy").contains("Destroy complete!")
                .doesNotContain("agc-data-us-east-1: terraform");
    }

    @Test
    void withoutYesTerraformAsksAndOnlyYesApplies() throws IOException {
        // Given stacks with a built-in terraform_data resource (no provider to download) besides their backend
        requireTerraform();
        Synthesizer withMarker = (settings, subnets, outdir) -> {
            CliRun.backendOnly().synth(settings, subnets, outdir);
            ObjectMapper json = new ObjectMapper();
            try (Stream<Path> stacks = Files.list(outdir.resolve("stacks"))) {
                for (Path stack : stacks.toList()) {
                    ObjectNode root = (ObjectNode) json.readTree(stack.resolve("cdk.tf.json").toFile());
                    root.putObject("resource").putObject("terraform_data").putObject("marker")
                            .put("input", stack.getFileName().toString());
                    json.writeValue(stack.resolve("cdk.tf.json").toFile(), root);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        Path no = Files.writeString(dir.resolve("no.txt"), "no\n");
        Path yes = Files.writeString(dir.resolve("yes.txt"), "yes\n");
        CliRun cli = new CliRun(dir).env("AGC_TERRAFORM", terraform()).synthesizer(withMarker);

        // When the answer is no
        CliRun.Result refused = cli.terraformInput(no).run("account", "activate", "--region", "us-east-1",
                "--usePublicSubnets");

        // Then terraform asked, cancelled with status 1, and agc-core was not touched
        assertThat(refused.status()).as(refused.all()).isEqualTo(1);
        assertThat(refused.out()).contains("Enter a value:");
        assertThat(refused.all()).contains("Apply cancelled.").doesNotContain("agc-core-us-east-1: terraform");

        // When the answer is yes
        CliRun.Result applied = cli.terraformInput(yes).run("account", "activate", "--region", "us-east-1",
                "--usePublicSubnets");

        // Then both stacks were applied, and their state holds the resource
        assertThat(applied.status()).as(applied.all()).isZero();
        String state = s3.getObjectAsBytes(g -> g.bucket(STATE_BUCKET).key("agc/agc-core-us-east-1.tfstate")).asUtf8String();
        assertThat(state).contains("\"type\": \"terraform_data\"", "agc-core-us-east-1");
    }

    @Test
    void theS3BackendOfTheRegionsOpenedIn2025InitialisesOnlyBecauseTheStacksSkipItsRegionCheck() throws Exception {
        // Given the app's stacks of two regions opened in 2025, cut down to their backend, and their state buckets
        requireTerraform();
        String version = terraformVersion();
        List<String> regions = List.of("ap-east-2", "mx-central-1");
        Settings settings = new Settings("123456789012", Settings.DEFAULT_STATE_BUCKET, Map.of(),
                regions.stream().map(r -> RegionSettings.defaults(r, "123456789012")).toList(), dir.resolve("no-agc"));
        Path outdir = dir.resolve("cdktf.out");
        synthesizedBackendsOnly().synth(settings, SubnetResolver.none(), outdir);
        Path backendConfig = Files.writeString(dir.resolve("moto.tfbackend"), "endpoints = { s3 = \""
                + MotoServer.get().endpoint() + "\" }\nuse_path_style = true\nskip_credentials_validation = true\n"
                + "skip_requesting_account_id = true\nskip_metadata_api_check = true\n");
        for (String region : regions) {
            try (S3Client regional = AwsTestClients.build(S3Client.builder(), MotoServer.get().endpoint(), region)) {
                regional.createBucket(c -> c.bucket(settings.stateBucket(region))
                        .createBucketConfiguration(b -> b.locationConstraint(region)));
            }
        }

        for (String region : regions) {
            Path stack = outdir.resolve("stacks").resolve(dev.agcinfra.app.stacks.RegionStack.coreStackName(region));
            // When initialised as synthesized (skip_region_validation = true)
            TerraformRun skipping = terraformInit(stack, backendConfig);
            // Then the backend is configured
            assertThat(skipping.status()).as(skipping.output()).isZero();
            assertThat(skipping.output()).contains("Successfully configured the backend \"s3\"");

            // When the stack's skip_region_validation is taken out
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = (ObjectNode) json.readTree(stack.resolve("cdk.tf.json").toFile());
            assertThat(((ObjectNode) root.path("terraform").path("backend").path("s3")).remove("skip_region_validation")
                    .asBoolean()).isTrue();
            json.writeValue(stack.resolve("cdk.tf.json").toFile(), root);
            TerraformRun checking = terraformInit(stack, backendConfig);

            // Then a Terraform older than the release that knows the region stops (1.11.4 here: ap-east-2 needs
            // 1.13.5), and a newer one does not (mx-central-1 needs 1.11.2)
            String since = region.equals("ap-east-2") ? "1.13.5" : "1.11.2";
            if (olderThan(version, since)) {
                assertThat(checking.status()).as(checking.output()).isNotZero();
                assertThat(checking.output()).contains("Invalid region value", region);
            } else {
                assertThat(checking.status()).as(checking.output()).isZero();
            }
        }
    }

    record TerraformRun(int status, String output) {
    }

    static TerraformRun terraformInit(Path stack, Path backendConfig) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(terraform(), "init", "-input=false", "-reconfigure", "-no-color",
                "-backend-config=" + backendConfig).directory(stack.toFile()).redirectErrorStream(true);
        pb.environment().put("AWS_ACCESS_KEY_ID", "test");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        pb.environment().remove("AWS_PROFILE");
        pb.environment().put("TF_IN_AUTOMATION", "1");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new TerraformRun(p.waitFor(), output);
    }

    static String terraformVersion() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(terraform(), "version", "-json")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String json = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return new ObjectMapper().readTree(json).path("terraform_version").asText();
    }

    /** Whether dotted version {@code a} is older than {@code b} (numeric parts only, e.g. 1.11.4 < 1.13.5). */
    static boolean olderThan(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c < 0;
            }
        }
        return false;
    }

    @Test
    void aTerraformErrorIsTheExitStatus() throws IOException {
        // Given the real terraform and a state bucket that cannot be reached (wrong key in the backend-config)
        requireTerraform();
        CliRun cli = new CliRun(dir).env("AGC_TERRAFORM", terraform())
                .synthesizer((settings, subnets, outdir) -> {
                    CliRun.backendOnly().synth(settings, subnets, outdir);
                    try {
                        Path core = outdir.resolve("stacks/agc-core-us-east-1/cdk.tf.json");
                        Files.writeString(core, Files.readString(core).replace(STATE_BUCKET, "no-such-state-bucket"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--usePublicSubnets", "--yes");

        // Then terraform's own status (1) comes back, after agc-data succeeded
        assertThat(r.status()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).contains("terraform failed in agc-core-us-east-1 with status 1");
    }
}
