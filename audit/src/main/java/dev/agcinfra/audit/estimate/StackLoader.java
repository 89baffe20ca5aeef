package dev.agcinfra.audit.estimate;

import dev.agcinfra.audit.report.Json;
import com.fasterxml.jackson.databind.JsonNode;
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


    private StackLoader() {
    }

    /**
     * One stack's Terraform JSON as found under a path: its name and each file with its parsed document (several when
     * a directory holds several {@code *.tf.json} files, which Terraform merges into one module).
     */
    public record StackFiles(String stack, List<TerraformFile> files) {
        public StackFiles {
            files = List.copyOf(files);
        }

        /** The documents, in file order. */
        public List<JsonNode> documents() {
            return files.stream().map(TerraformFile::json).toList();
        }
    }

    /** A Terraform JSON file and its parsed document. */
    public record TerraformFile(Path path, JsonNode json) {
    }

    /**
     * Reads every stack under {@code path}.
     *
     * @throws InvalidInputException when the path does not exist, holds no Terraform JSON, or a file is malformed
     */
    public static List<StackInventory> load(Path path) {
        return find(path).stream().map(s -> TerraformJsonReader.read(s.stack(), s.documents())).toList();
    }

    /**
     * Finds and parses the stacks under {@code path} (see the class comment for what a path may be), without reading
     * what they hold: the one discovery of synthesized stacks, for the estimate and for other offline checks.
     *
     * @throws InvalidInputException when the path does not exist, holds no Terraform JSON, or a file is malformed
     */
    public static List<StackFiles> find(Path path) {
        if (!Files.exists(path)) {
            throw new InvalidInputException("no such file or directory: " + path
                    + " (give a cdktf.out directory, a stack directory or a cdk.tf.json file)");
        }
        if (Files.isRegularFile(path)) {
            return List.of(stack(stackNameOf(path), path));
        }
        Path manifest = path.resolve("manifest.json");
        if (Files.isRegularFile(manifest)) {
            return fromManifest(path, manifest);
        }
        Path stacks = path.resolve("stacks");
        if (Files.isDirectory(stacks)) {
            List<StackFiles> found = new ArrayList<>();
            for (Path stackDir : sorted(stacks, "*")) {
                Path file = stackDir.resolve("cdk.tf.json");
                if (Files.isRegularFile(file)) {
                    found.add(stack(stackDir.getFileName().toString(), file));
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
        }
        Path cdkFile = path.resolve("cdk.tf.json");
        if (Files.isRegularFile(cdkFile)) {
            return List.of(stack(dirName(path), cdkFile));
        }
        List<TerraformFile> files = new ArrayList<>();
        for (Path file : sorted(path, "*.tf.json")) {
            files.add(new TerraformFile(file, parse(file)));
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("no Terraform JSON under " + path
                    + ": expected manifest.json, stacks/*/cdk.tf.json, cdk.tf.json or *.tf.json");
        }
        return List.of(new StackFiles(dirName(path), files));
    }

    private static StackFiles stack(String name, Path file) {
        return new StackFiles(name, List.of(new TerraformFile(file, parse(file))));
    }

    private static List<StackFiles> fromManifest(Path dir, Path manifest) {
        JsonNode stacks = parse(manifest).get("stacks");
        if (stacks == null || !stacks.isObject()) {
            throw new InvalidInputException(manifest + " has no \"stacks\" object");
        }
        List<StackFiles> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : stacks.properties()) {
            JsonNode stack = entry.getValue();
            String name = stack.path("name").asText(entry.getKey());
            String relative = stack.path("synthesizedStackPath").asText("stacks/" + entry.getKey() + "/cdk.tf.json");
            Path file = dir.resolve(relative).normalize();
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException(manifest + " names " + relative + " for stack " + name
                        + ", which does not exist; synthesize again");
            }
            found.add(stack(name, file));
        }
        return found;
    }

    private static JsonNode parse(Path file) {
        try {
            JsonNode node = Json.MAPPER.readTree(Files.readString(file));
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
