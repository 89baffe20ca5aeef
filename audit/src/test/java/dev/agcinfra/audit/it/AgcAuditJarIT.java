package dev.agcinfra.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.testing.AgcScenario;
import dev.agcinfra.audit.testing.AgcScenario.Expected;
import dev.agcinfra.testing.MotoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as an operator would: {@code java -jar audit/target/agc-audit.jar ...}, configured only
 * through the AWS CLI's environment variables and files, against a moto account.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgcAuditJarIT {

    /** Set by maven-failsafe-plugin to the jar that {@code package} built. */
    static final Path JAR = Path.of(System.getProperty("agc.audit.jar", "target/agc-audit.jar"));

    AgcScenario scenario;
    String endpoint;

    @TempDir
    Path home;

    @BeforeAll
    void buildAccount() {
        assertThat(JAR).as("run 'mvn verify': the jar is built by 'package'").exists();
        MotoServer moto = MotoServer.get();
        moto.reset();
        endpoint = moto.endpoint().toString();
        scenario = new AgcScenario(moto.endpoint()).region("us-east-1").region("eu-west-1");
    }

    @Test
    @DisplayName("java -jar lists every tagged resource once, with AWS_ENDPOINT_URL and keys from the environment")
    void listsResources() throws Exception {
        // When
        Result run = run(env(Map.of("AWS_ENDPOINT_URL", endpoint, "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test")), "resources", "--regions", "us-east-1,eu-west-1", "--format", "json");

        // Then
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(ExitCode.OK);
        JsonNode report = new ObjectMapper().readTree(run.out());
        List<String> arns = new ArrayList<>();
        report.get("resources").forEach(r -> arns.add(r.get("arn").asText()));
        assertThat(arns).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(scenario.expected().stream().map(Expected::arn).toList())
                .doesNotContainAnyElementsOf(scenario.othersArns());
    }

    @Test
    @DisplayName("AWS_DEFAULT_REGION alone selects the region, as for the AWS CLI and agc-infra")
    void regionFromAwsDefaultRegion() throws Exception {
        Result run = run(env(Map.of("AWS_ENDPOINT_URL", endpoint, "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test", "AWS_DEFAULT_REGION", "eu-west-1")), "resources", "--format", "json");

        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(new ObjectMapper().readTree(run.out()).get("regions").toString()).isEqualTo("[\"eu-west-1\"]");
    }

    @Test
    @DisplayName("without --regions the region comes from AWS_REGION, as for the AWS CLI")
    void regionFromEnvironment() throws Exception {
        Result run = run(env(Map.of("AWS_ENDPOINT_URL", endpoint, "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test", "AWS_REGION", "eu-west-1")), "resources", "--format", "json");

        assertThat(run.status()).isEqualTo(ExitCode.OK);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("regions").toString()).isEqualTo("[\"eu-west-1\"]");
        assertThat(report.get("resources")).hasSize(
                (int) scenario.expected().stream().filter(e -> e.region().equals("eu-west-1")).count());
    }

    @Test
    @DisplayName("--profile takes region, endpoint_url and keys from the AWS config files")
    void profileFromConfigFiles() throws Exception {
        // Given
        Path config = Files.writeString(home.resolve("config"), "[profile audit]\nregion = us-east-1\nendpoint_url = "
                + endpoint + "\n");
        Path credentials = Files.writeString(home.resolve("credentials"),
                "[audit]\naws_access_key_id = test\naws_secret_access_key = test\n");

        // When
        Result run = run(env(Map.of("AWS_CONFIG_FILE", config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", credentials.toString())), "resources", "--profile", "audit", "--format", "csv");

        // Then
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(ExitCode.OK);
        assertThat(run.out().lines().skip(1)).allMatch(line -> line.startsWith("us-east-1,"))
                .hasSize((int) scenario.expected().stream().filter(e -> e.region().equals("us-east-1")).count());
    }

    @Test
    @DisplayName("without credentials: one clear line, exit 3, no report")
    void noCredentials() throws Exception {
        Result run = run(env(Map.of("AWS_ENDPOINT_URL", endpoint)), "resources", "--regions", "us-east-1");

        assertThat(run.status()).isEqualTo(ExitCode.AWS_FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).containsExactly("agc-audit: no AWS credentials: configure a profile "
                + "(--profile or AWS_PROFILE) or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
    }

    @Test
    @DisplayName("without any region: one line, exit 2")
    void noRegion() throws Exception {
        Result run = run(env(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test")), "resources");

        assertThat(run.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err().lines().toList()).containsExactly("agc-audit: no region: give --regions or "
                + "--all-regions, or set AWS_REGION (or AWS_DEFAULT_REGION, or a region in the AWS profile)");
    }

    /** The environment of a machine with no AWS setup, plus {@code extra}. */
    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.putAll(extra);
        return env;
    }

    record Result(int status, String out, String err) {
    }

    private static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(key -> key.startsWith("AWS_"));
        builder.environment().putAll(env);
        Path out = Files.createTempFile("agc-audit-out", ".txt");
        Path err = Files.createTempFile("agc-audit-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("agc-audit did not finish within 60 s");
        }
        try {
            // The JVM's own notice about JAVA_TOOL_OPTIONS is not agc-audit's output.
            String stderr = Files.readString(err, StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("Picked up "))
                    .map(line -> line + "\n")
                    .collect(java.util.stream.Collectors.joining());
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), stderr);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
