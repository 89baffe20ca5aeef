package dev.agcinfra.audit.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The AWS CLI ({@code aws} on the PATH) pointed at a local endpoint with test credentials: a second client. */
public final class AwsCli {

    private AwsCli() {
    }

    /** Whether {@code aws} can be run. */
    public static boolean available() {
        try {
            Process process = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Requires the CLI: on CI its absence fails the test, elsewhere the test is skipped. */
    public static void require() {
        if (System.getenv("CI") != null && !available()) {
            throw new AssertionError("the AWS CLI ('aws') must be on the PATH on CI");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(available(), "the AWS CLI ('aws') is not on the PATH");
    }

    /**
     * Runs a POSIX shell script that calls {@code aws} as an operator would paste it, with the endpoint
     * ({@code AWS_ENDPOINT_URL}), region and test credentials in the environment; returns the exit status.
     */
    public static int shell(String endpoint, String region, String script) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", script);
        Path none = testEnvironment(builder);
        builder.environment().put("AWS_ENDPOINT_URL", endpoint);
        builder.environment().put("AWS_DEFAULT_REGION", region);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("sh -c " + script + " did not end");
            }
            return process.exitValue();
        } finally {
            Files.deleteIfExists(none);
        }
    }

    /**
     * The process sees no AWS setup of the machine: only the test keys, and config files that point at an empty file
     * (returned, for the caller to delete).
     */
    private static Path testEnvironment(ProcessBuilder builder) throws IOException {
        builder.environment().keySet().removeIf(key -> key.startsWith("AWS_"));
        Path none = Files.createTempFile("aws-cli-none", "");
        builder.environment().put("AWS_ACCESS_KEY_ID", "test");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        builder.environment().put("AWS_CONFIG_FILE", none.toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", none.toString());
        return none;
    }

    /** Runs {@code aws --endpoint-url endpoint --region region args...} and returns its stdout. */
    public static String run(String endpoint, String region, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint, "--region", region));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Path none = testEnvironment(builder);
        Path out = Files.createTempFile("aws-cli-out", ".json");
        builder.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("aws " + String.join(" ", args) + " failed");
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(none);
        }
    }
}
