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

    /** Runs {@code aws --endpoint-url endpoint --region region args...} and returns its stdout. */
    public static String run(String endpoint, String region, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint, "--region", region));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(key -> key.startsWith("AWS_"));
        Path none = Files.createTempFile("aws-cli-none", "");
        builder.environment().put("AWS_ACCESS_KEY_ID", "test");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        builder.environment().put("AWS_CONFIG_FILE", none.toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", none.toString());
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
