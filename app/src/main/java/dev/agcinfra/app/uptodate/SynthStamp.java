package dev.agcinfra.app.uptodate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agcinfra.app.OutputFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a synth wrote, and from what: {@value #FILE_NAME} in the output folder, written with the output (into the fresh
 * folder before it is swapped in), read by the next synth to skip its work when nothing has changed.
 *
 * <p>It holds the two digests of {@link SynthInputs} and the SHA-256 of every file the synth writes
 * ({@code manifest.json} and each {@code stacks/<stack>/cdk.tf.json}). The output is up to date only when both digests
 * are equal to the new ones, the folder holds exactly those stack files, and each file still has its digest: an edited,
 * added or removed file, a stamp that cannot be read, or one of another format all mean "synthesize". Terraform's own
 * files in the stacks' folders ({@code .terraform/}, the lock file, plans) are not the synth's and are not looked at.
 *
 * @param inputs   {@link SynthInputs#beforeSettings}
 * @param resolved {@link SynthInputs#resolved}
 * @param files    each written file's path below the output folder ({@code /} separated) and its SHA-256
 */
public record SynthStamp(String inputs, String resolved, SortedMap<String, String> files) {

    /** The stamp's file in the output folder. */
    public static final String FILE_NAME = "agc-infra-synth-stamp.json";
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    public SynthStamp {
        files = new TreeMap<>(files);
    }

    /** The stamp in {@code folder}; empty when there is none or it cannot be read as one. */
    public static Optional<SynthStamp> read(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || root.path("format").asInt() != FORMAT || !root.path("inputs").isTextual()
                    || !root.path("resolved").isTextual() || !root.path("files").isObject()) {
                return Optional.empty();
            }
            SortedMap<String, String> files = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("files").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    return Optional.empty();
                }
                files.put(e.getKey(), e.getValue().asText());
            }
            return Optional.of(new SynthStamp(root.path("inputs").asText(), root.path("resolved").asText(), files));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stamps the output just written into {@code folder} as made from {@code inputs} and {@code resolved}. */
    public static void write(Path folder, String inputs, String resolved) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("comment", "Written by agc-infra's synth: what this output was made from, so that a synth of the same "
                + "inputs can skip its work. Delete it, or synthesize with --force (AGC_INFRA_FORCE=1), to synthesize "
                + "anyway.");
        root.put("inputs", inputs);
        root.put("resolved", resolved);
        ObjectNode files = root.putObject("files");
        writtenFiles(folder).forEach(files::put);
        try {
            Files.writeString(folder.resolve(FILE_NAME), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root)
                    + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(FILE_NAME), e);
        }
    }

    /** Whether this stamp was written for {@code inputs} (the part known before the settings are read). */
    public boolean madeFrom(String inputs) {
        return this.inputs.equals(inputs);
    }

    /**
     * Whether {@code folder} holds exactly what this stamp says was written from {@code inputs} and {@code resolved}.
     */
    public boolean upToDate(Path folder, String inputs, String resolved) {
        if (!madeFrom(inputs) || !this.resolved.equals(resolved) || files.isEmpty()) {
            return false;
        }
        try {
            return writtenFiles(folder).equals(files);
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** {@code manifest.json} and every {@code stacks/<stack>/cdk.tf.json} in {@code folder}, with their SHA-256. */
    private static SortedMap<String, String> writtenFiles(Path folder) {
        SortedMap<String, String> files = new TreeMap<>();
        Path manifest = folder.resolve(OutputFolder.MANIFEST);
        if (Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            files.put(OutputFolder.MANIFEST, sha256(manifest));
        }
        Path stacks = folder.resolve(OutputFolder.STACKS);
        if (Files.isDirectory(stacks, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> entries = Files.list(stacks)) {
                for (Path stack : entries.sorted().toList()) {
                    Path json = stack.resolve(OutputFolder.STACK_FILE);
                    if (Files.exists(json, LinkOption.NOFOLLOW_LINKS)) {
                        files.put(OutputFolder.STACKS + "/" + stack.getFileName() + "/" + OutputFolder.STACK_FILE,
                                Files.isRegularFile(json, LinkOption.NOFOLLOW_LINKS) ? sha256(json) : "not a file");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + stacks, e);
            }
        }
        return files;
    }

    private static String sha256(Path file) {
        SynthInputs.Digest d = new SynthInputs.Digest();
        d.addFile(file);
        return d.hex();
    }
}
