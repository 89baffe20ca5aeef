package dev.agcinfra.audit.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the stacks to estimate under a path and reads them.
 *
 * <ul>
 *   <li>a {@code cdktf.out} directory: the stacks in {@code manifest.json}, else every {@code stacks/*}/cdk.tf.json};
 *   <li>a stack directory holding {@code cdk.tf.json};
 *   <li>one {@code cdk.tf.json} or other {@code *.tf.json} file;
 *   <li>a directory of hand-written {@code *.tf.json} files: one stack, as Terraform merges them into one module.
 * </ul>
 */
public final class StackLoader {

    /** The default input, as {@code cdktf synth} writes it. */
    public static final String DEFAULT_PATH = "cdktf.out";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StackLoader() {
    }

    /**
     * Reads every stack under {@code path}.
     *
     * @throws InvalidInputException when the path does not exist, holds no Terraform JSON, or a file is malformed
     */
    public static List<StackInventory> load(Path path) {
        if (!Files.exists(path)) {
            throw new InvalidInputException("no such file or directory: " + path
                    + " (give a cdktf.out directory, a stack directory or a cdk.tf.json file)");
        }
        if (Files.isRegularFile(path)) {
            return List.of(TerraformJsonReader.read(stackNameOf(path), List.of(parse(path))));
        }
        Path manifest = path.resolve("manifest.json");
        if (Files.isRegularFile(manifest)) {
            return fromManifest(path, manifest);
        }
        Path stacks = path.resolve("stacks");
        if (Files.isDirectory(stacks)) {
            List<StackInventory> found = new ArrayList<>();
            for (Path stackDir : sorted(stacks, "*")) {
                Path file = stackDir.resolve("cdk.tf.json");
                if (Files.isRegularFile(file)) {
                    found.add(TerraformJsonReader.read(stackDir.getFileName().toString(), List.of(parse(file))));
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
        }
        Path cdkFile = path.resolve("cdk.tf.json");
        if (Files.isRegularFile(cdkFile)) {
            return List.of(TerraformJsonReader.read(dirName(path), List.of(parse(cdkFile))));
        }
        List<JsonNode> documents = new ArrayList<>();
        for (Path file : sorted(path, "*.tf.json")) {
            documents.add(parse(file));
        }
        if (documents.isEmpty()) {
            throw new InvalidInputException("no Terraform JSON under " + path
                    + ": expected manifest.json, stacks/*/cdk.tf.json, cdk.tf.json or *.tf.json");
        }
        return List.of(TerraformJsonReader.read(dirName(path), documents));
    }

    private static List<StackInventory> fromManifest(Path dir, Path manifest) {
        JsonNode stacks = parse(manifest).get("stacks");
        if (stacks == null || !stacks.isObject()) {
            throw new InvalidInputException(manifest + " has no \"stacks\" object");
        }
        List<StackInventory> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : stacks.properties()) {
            JsonNode stack = entry.getValue();
            String name = stack.path("name").asText(entry.getKey());
            String relative = stack.path("synthesizedStackPath").asText("stacks/" + entry.getKey() + "/cdk.tf.json");
            Path file = dir.resolve(relative).normalize();
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException(manifest + " names " + relative + " for stack " + name
                        + ", which does not exist; synthesize again");
            }
            found.add(TerraformJsonReader.read(name, List.of(parse(file))));
        }
        return found;
    }

    private static JsonNode parse(Path file) {
        try {
            JsonNode node = JSON.readTree(Files.readString(file));
            if (node == null || !node.isObject()) {
                throw new InvalidInputException(file + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + PriceTable.firstLine(e.getMessage()));
        }
    }

    /** {@code stacks/agc-core-us-east-1/cdk.tf.json} is stack {@code agc-core-us-east-1}; {@code main.tf.json} is {@code main}. */
    private static String stackNameOf(Path file) {
        String fileName = file.getFileName().toString();
        Path parent = file.toAbsolutePath().normalize().getParent();
        if (fileName.equals("cdk.tf.json") && parent != null && parent.getFileName() != null) {
            return parent.getFileName().toString();
        }
        return fileName.replaceFirst("\\.tf\\.json$", "").replaceFirst("\\.json$", "");
    }

    private static String dirName(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? "stack" : name.toString();
    }

    private static List<Path> sorted(Path dir, String glob) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            throw new InvalidInputException("cannot list " + dir + ": " + e.getMessage());
        }
        entries.sort(null);
        return entries;
    }
}
