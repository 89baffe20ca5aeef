package dev.agcinfra.app.lookup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agcinfra.settings.FileKind;
import dev.agcinfra.settings.SettingsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Answers looked up from AWS at synth time, kept in {@value #FILE_NAME} beside the settings file so that later synths
 * are offline and repeatable, as AWS CDK does with {@code cdk.context.json}. Keys name what was asked, e.g.
 * {@code private-subnets:account=123456789012:region=eu-west-1:vpc=vpc-0123456789abcdef0}.
 *
 * <p>To refresh an answer, delete its key (or the whole file) and synthesize again. Commit the file with the
 * settings so every machine synthesizes the same Terraform.
 */
public final class ContextCache {

    /** The cache file's name, beside {@code agc.yaml}. */
    public static final String FILE_NAME = "agc.context.json";

    /** The largest lookup cache read, in bytes: thousands of cached VPCs fit; a stream that never ends does not. */
    static final long MAX_SIZE = 8L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    /** A cache in {@code file}, which need not exist yet. */
    public ContextCache(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
    }

    /** The cache beside a settings file (which need not exist): {@code <its directory>/agc.context.json}. */
    public static ContextCache besideSettings(Path settingsFile) {
        return new ContextCache(settingsFile.toAbsolutePath().normalize().resolveSibling(FILE_NAME));
    }

    /** The cache file. */
    public Path file() {
        return file;
    }

    /**
     * The cached answer for {@code key}, if any.
     *
     * @throws SettingsException when the file exists but cannot be read or is not a JSON object
     */
    public synchronized Optional<JsonNode> get(String key) {
        return Optional.ofNullable(readAll().get(key));
    }

    /**
     * Stores {@code value} under {@code key}, keeping every other key; the file is rewritten with sorted keys, atomically.
     *
     * @throws SettingsException when the file cannot be read or written
     */
    public synchronized void put(String key, JsonNode value) {
        Map<String, JsonNode> all = readAll();
        all.put(key, value);
        ObjectNode root = JSON.createObjectNode();
        all.forEach(root::set);
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try {
                Files.writeString(temp, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new SettingsException(file + ": cannot write the lookup cache (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); make the directory writable");
        }
    }

    private Map<String, JsonNode> readAll() {
        Map<String, JsonNode> all = new TreeMap<>();
        if (!Files.exists(file)) {
            return all;
        }
        if (!Files.isRegularFile(file)) {
            throw new SettingsException(file + ": is " + FileKind.of(file) + ", not a regular file; the lookup cache is "
                    + "a JSON file that agc-infra writes: delete it to look everything up again");
        }
        JsonNode root;
        try {
            long size = Files.size(file);
            if (size > MAX_SIZE) {
                throw new SettingsException(file + ": the lookup cache has " + size + " bytes, more than the " + MAX_SIZE
                        + " bytes (8 MiB) it may hold; delete it to look everything up again");
            }
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new SettingsException(file + ": not valid JSON" + where + " (" + e.getOriginalMessage().lines()
                    .findFirst().orElse("") + "); fix it, or delete the file to look everything up again");
        } catch (IOException e) {
            throw new SettingsException(file + ": cannot be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); fix its permissions, or delete the file to look everything up again");
        }
        if (root == null || root.isMissingNode()) {
            return all;
        }
        if (!root.isObject()) {
            throw new SettingsException(file + ": is not a JSON object of cached lookups; delete the file to look "
                    + "everything up again");
        }
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            all.put(e.getKey(), e.getValue());
        }
        return all;
    }
}
