package dev.agcinfra.app.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.agcinfra.settings.AwsDefaults;
import dev.agcinfra.settings.Settings;
import dev.agcinfra.settings.SettingsDocument;
import dev.agcinfra.settings.SettingsLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The settings file the account commands change: read as a tree, checked by {@link SettingsLoader} exactly as a
 * synth checks it, then written back in place. Comments, anchors and key quoting of the original are not kept.
 */
public final class SettingsFile {

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private final Path file;

    public SettingsFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path path() {
        return file;
    }

    /** The file as a tree; empty when it does not exist. */
    public ObjectNode read() {
        return SettingsDocument.read(file);
    }

    /** A document as it would be written. */
    public static String toYaml(ObjectNode document) {
        try {
            return YAML.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code document} beside the file as {@code <name>.next}, loads it with {@link SettingsLoader} (every
     * settings rule) and returns the candidate; nothing is replaced yet.
     *
     * @throws dev.agcinfra.settings.SettingsException with every problem of the document
     */
    public Candidate check(ObjectNode document, AwsDefaults aws) {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try {
            Files.writeString(next, toYaml(document));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + next, e);
        }
        try {
            Settings settings = loader(next).load(aws);
            return new Candidate(next, settings);
        } catch (RuntimeException e) {
            deleteQuietly(next);
            throw e;
        }
    }

    /**
     * The file as it is (every default applied), checked by {@link SettingsLoader} with its real line numbers; all
     * defaults when it does not exist.
     */
    public Settings load(AwsDefaults aws) {
        if (Files.exists(file)) {
            return loader(file).load(aws);
        }
        Candidate empty = check(read(), aws);
        empty.discard();
        return empty.settings();
    }

    /** A loader that reads {@code settingsFile} as AGC_CONFIG (relative to its own directory). */
    public static SettingsLoader loader(Path settingsFile) {
        return new SettingsLoader(settingsFile.getParent(),
                Map.of(SettingsLoader.CONFIG_ENV, settingsFile.getFileName().toString()));
    }

    /** A checked document waiting beside the settings file. */
    public final class Candidate {
        private final Path next;
        private final Settings settings;

        private Candidate(Path next, Settings settings) {
            this.next = next;
            this.settings = settings;
        }

        public Settings settings() {
            return settings;
        }

        /** Where the candidate is (a synth can read it before it replaces the file). */
        public Path path() {
            return next;
        }

        /**
         * Replaces the settings file with the candidate. A symbolic link is followed: the file it points to is
         * replaced (atomically, from a copy beside it), and the link stays.
         */
        public void commit() {
            try {
                if (Files.isSymbolicLink(file)) {
                    Path target = file.toRealPath();
                    Path staged = target.resolveSibling(target.getFileName() + ".next");
                    Files.copy(next, staged, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    Files.delete(next);
                } else {
                    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot replace " + file, e);
            }
        }

        /** Removes the candidate without touching the settings file. */
        public void discard() {
            deleteQuietly(next);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover candidate file is harmless
        }
    }
}
