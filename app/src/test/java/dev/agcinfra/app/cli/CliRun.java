package dev.agcinfra.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agcinfra.app.AgcInfraApp;
import dev.agcinfra.app.account.Synthesizer;
import dev.agcinfra.settings.RegionSettings;
import dev.agcinfra.settings.Settings;
import dev.agcinfra.app.stacks.RegionStack;
import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.MotoServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;

/**
 * Runs {@code agc-infra} in-process against the shared moto server, in a temporary working directory, with a
 * recording fake {@code terraform} (or the real one) and a synthesizer that writes backend-only stacks.
 */
public final class CliRun {

    /** moto's account. */
    public static final String ACCOUNT = "123456789012";

    /** One run's outcome. */
    public record Result(int status, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private final Path dir;
    private final Map<String, String> env = new HashMap<>();
    private Synthesizer synthesizer = backendOnly();
    private ProcessBuilder.Redirect terraformInput = ProcessBuilder.Redirect.PIPE;
    private boolean sdkChains;

    public CliRun(Path dir) {
        this.dir = dir;
        env.putAll(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("AGC_") || k.startsWith("TF_"));
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("FAKE_TF_LOG", log().toString());
        env.put(dev.agcinfra.app.account.Terraform.BINARY_ENV, fakeTerraform(dir).toString());
    }

    public Path dir() {
        return dir;
    }

    /**
     * The fake terraform's record: one line per call, {@code <stack dir name>|<args>|AWS_ENDPOINT_URL|AWS_REGION}, then
     * {@code |profile=<AWS_PROFILE>} when set.
     */
    public Path log() {
        return dir.resolve("terraform.log");
    }

    public List<String> terraformCalls() {
        try {
            return Files.exists(log()) ? Files.readAllLines(log()) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CliRun env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    /** What terraform reads when it asks for approval (default: nothing, end of input). */
    public CliRun terraformInput(Path answers) {
        this.terraformInput = ProcessBuilder.Redirect.from(answers.toFile());
        return this;
    }

    /** Use the SDK's own credential and region chains (profiles) instead of fixed test credentials. */
    public CliRun sdkChains() {
        this.sdkChains = true;
        return this;
    }

    public CliRun synthesizer(Synthesizer s) {
        this.synthesizer = s;
        return this;
    }

    /** Runs {@code agc-infra args... --endpoint-url <moto>} (the endpoint is added unless asked not to). */
    public Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--help") && !all.contains("--no-endpoint")) {
            all.add("--endpoint-url");
            all.add(MotoServer.get().endpoint().toString());
        }
        all.remove("--no-endpoint");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AwsRegionProvider noRegion = () -> {
            throw new IllegalStateException("no region configured");
        };
        CliEnvironment cli = new CliEnvironment(dir, env,
                sdkChains ? Optional.empty() : Optional.of(AwsTestClients.CREDENTIALS),
                sdkChains ? Optional.empty() : Optional.of(noRegion), synthesizer, Duration.ofMillis(50), terraformInput);
        int status = AgcInfraCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), cli,
                all.toArray(String[]::new));
        return new Result(status, out.toString(), err.toString());
    }

    /**
     * A synthesizer that writes, per region, the stacks agc-infra would (agc-data only when it creates the bucket) with
     * nothing but the S3 backend RemoteState configures, so the real terraform can init and apply them offline, and
     * the manifest that lists them.
     */
    public static Synthesizer backendOnly() {
        return (settings, subnets, outdir) -> {
            List<String> stacks = new ArrayList<>();
            for (RegionSettings r : settings.regions()) {
                for (String stack : AgcInfraApp.stackNames(r)) {
                    writeBackendOnly(outdir, stack, settings, r);
                    stacks.add(stack);
                }
            }
            writeManifest(outdir, stacks);
        };
    }

    /** A {@code manifest.json} listing {@code stacks}, shaped as CDKTF writes it. */
    public static void writeManifest(Path outdir, List<String> stacks) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = json.createObjectNode().put("version", "0.19.2");
        ObjectNode listed = manifest.putObject("stacks");
        for (String stack : stacks) {
            listed.putObject(stack).put("name", stack).put("constructPath", stack)
                    .put("workingDirectory", "stacks/" + stack)
                    .put("synthesizedStackPath", "stacks/" + stack + "/cdk.tf.json");
        }
        try {
            Files.createDirectories(outdir);
            json.writerWithDefaultPrettyPrinter().writeValue(outdir.resolve("manifest.json").toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeBackendOnly(Path outdir, String stack, Settings settings, RegionSettings r) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ObjectNode terraform = root.putObject("terraform");
        terraform.put("required_version", RegionStack.REQUIRED_TERRAFORM);
        terraform.putObject("backend").putObject("s3")
                .put("bucket", settings.stateBucket(r.region()))
                .put("key", dev.agcinfra.settings.AgcNames.stateKey(stack))
                .put("region", r.region())
                .put("encrypt", true)
                .put("use_lockfile", true);
        try {
            Path dir = outdir.resolve("stacks").resolve(stack);
            Files.createDirectories(dir);
            json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("cdk.tf.json").toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fake terraform: {@code version -json} answers {@code FAKE_TF_VERSION} (default 1.11.4); every call is logged;
     * a call whose args start with {@code FAKE_TF_FAIL_CMD} in a directory named {@code FAKE_TF_FAIL_DIR} exits 7.
     */
    static Path fakeTerraform(Path dir) {
        Path script = dir.resolve("fake-terraform");
        String text = """
                #!/bin/sh
                echo "$(basename "$PWD")|$*|${AWS_ENDPOINT_URL:-}|${AWS_REGION:-}${AWS_PROFILE:+|profile=$AWS_PROFILE}" >> "$FAKE_TF_LOG"
                if [ "$1" = "version" ]; then
                  echo "{\\"terraform_version\\": \\"${FAKE_TF_VERSION:-1.11.4}\\"}"
                  exit 0
                fi
                if [ "$1" = "init" ] && [ -f agc-backend.tfbackend ]; then
                  cp agc-backend.tfbackend "$(dirname "$FAKE_TF_LOG")/backend-$(basename "$PWD").tfbackend"
                fi
                echo "fake terraform $1 in $(basename "$PWD")"
                if [ -n "${FAKE_TF_FAIL_CMD:-}" ] && [ "$1" = "$FAKE_TF_FAIL_CMD" ] && [ "$(basename "$PWD")" = "${FAKE_TF_FAIL_DIR:-}" ]; then
                  echo "Error: fake failure" >&2
                  exit 7
                fi
                exit 0
                """;
        try {
            Files.writeString(script, text);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return script;
    }
}
