package dev.agcinfra.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test fixture: what the real Terraform (1.11.4, no provider needed) makes of strings written in its JSON syntax, with
 * {@code terraform console}. Terraform is on every machine of this project and on CI, where a missing binary fails the
 * test; elsewhere the test is skipped.
 */
final class TerraformConsole {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TerraformConsole() {
    }

    static String binary() {
        String configured = System.getenv("TERRAFORM_FOR_TESTS");
        return configured != null ? configured : "/usr/local/bin/terraform";
    }

    static void require() {
        boolean present = Files.isExecutable(Path.of(binary()));
        if (System.getenv("CI") != null) {
            assertThat(present).as("terraform at " + binary() + " (CI must have it)").isTrue();
        }
        assumeTrue(present, "no terraform at " + binary());
    }

    /**
     * The value Terraform gives each string when it reads it as {@code locals} in a {@code .tf.json} file (so as a
     * template), in order.
     */
    static List<String> values(Path dir, List<String> strings) throws IOException, InterruptedException {
        Path config = Files.createDirectories(dir.resolve("terraform-console"));
        ObjectNode locals = JSON.createObjectNode();
        ObjectNode values = locals.putObject("locals");
        List<String> names = new ArrayList<>();
        for (int n = 0; n < strings.size(); n++) {
            values.put("v" + n, strings.get(n));
            names.add("local.v" + n);
        }
        Files.writeString(config.resolve("main.tf.json"), JSON.writeValueAsString(locals));
        // base64 keeps the answer free of Terraform's own quoting
        Process console = new ProcessBuilder(binary(), "console").directory(config.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        console.getOutputStream().write(("base64encode(jsonencode([" + String.join(", ", names) + "]))\n")
                .getBytes(StandardCharsets.UTF_8));
        console.getOutputStream().close();
        String out = new String(console.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(console.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(console.exitValue()).as(out).isZero();
        String base64 = out.lines().reduce((a, b) -> b).orElseThrow().replace("\"", "");
        JsonNode list = JSON.readTree(Base64.getDecoder().decode(base64));
        List<String> result = new ArrayList<>();
        list.forEach(v -> result.add(v.asText()));
        return result;
    }
}
