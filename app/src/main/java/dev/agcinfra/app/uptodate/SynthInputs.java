package dev.agcinfra.app.uptodate;

import dev.agcinfra.modules.contract.AgcInstallation;
import dev.agcinfra.settings.RegionSettings;
import dev.agcinfra.settings.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Everything a synth's output is made from, as two SHA-256 digests, so {@link SynthStamp} can tell that nothing has
 * changed since the last synth.
 *
 * <ul>
 *   <li>{@link #beforeSettings}: what is known before the settings are read: the code that synthesizes (the jar's own
 *       bytes, and the name, size and modification time of each library jar on its {@code Class-Path}), the settings
 *       file's path and bytes, the bytes of the lookup cache beside it ({@code agc.context.json}, or its absence), the
 *       environment variables the synth, the AWS SDK, jsii and the JVM read ({@link #ENV_PREFIXES}, {@link #ENV_NAMES},
 *       except {@link #ENV_NOT_INPUTS}, agc-infra's switches that change no output), and the output folder's path;</li>
 *   <li>{@link #resolved}: what the settings resolve to beyond the file: the account (from STS when the file has
 *       none), the regions (the default region from the AWS configuration when it has none), and the AGC
 *       installation the cores upload (its path, and each file's path and SHA-256).</li>
 * </ul>
 * A digest covers values, never stores them: credentials in the environment are part of a digest, not of the stamp
 * (so new short-lived credentials in the environment mean a full synth).
 */
public final class SynthInputs {

    /** Environment variables whose names start with one of these are inputs. */
    public static final List<String> ENV_PREFIXES = List.of("AGC_", "AWS_", "CDKTF_");
    /** These too: what runs the code (a JVM option can add an agent or classes; jsii's runtime and Node.js). */
    public static final Set<String> ENV_NAMES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS",
            "JSII_RUNTIME", "JSII_NODE", "NODE_OPTIONS");
    /** agc-infra's switches that change how it runs, not what it writes. */
    public static final Set<String> ENV_NOT_INPUTS = Set.of("AGC_INFRA_TIMINGS", "AGC_INFRA_FORCE", "AGC_INFRA_PLAIN");
    /** A jar of agc-infra's own on the jar's {@code Class-Path}, whose name does not change when its code does. */
    private static final String OWN_JAR_PREFIX = "agc-";
    private static final int FORMAT = 1;

    private SynthInputs() {
    }

    /**
     * The digest of what is known before the settings are read.
     *
     * @param code         {@link #codeOf}
     * @param settingsFile the settings file (it may not exist: all defaults)
     * @param contextFile  the lookup cache beside it (it may not exist)
     */
    public static String beforeSettings(String code, Path settingsFile, Path contextFile, Map<String, String> env,
            Path outputFolder) {
        Digest d = new Digest();
        d.add("format").add(String.valueOf(FORMAT)).add("code").add(code);
        d.add("settings").add(settingsFile.toAbsolutePath().normalize().toString()).addFile(settingsFile);
        d.add("context").add(contextFile.toAbsolutePath().normalize().toString()).addFile(contextFile);
        Map<String, String> inputs = new TreeMap<>();
        env.forEach((name, value) -> {
            if ((ENV_PREFIXES.stream().anyMatch(name::startsWith) || ENV_NAMES.contains(name))
                    && !ENV_NOT_INPUTS.contains(name)) {
                inputs.put(name, value);
            }
        });
        d.add("env").add(String.valueOf(inputs.size()));
        inputs.forEach((name, value) -> d.add(name).add(value));
        d.add("output").add(outputFolder.toAbsolutePath().normalize().toString());
        return d.hex();
    }

    /** The digest of what {@code settings} resolved to beyond its file, and of the AGC installation it names. */
    public static String resolved(Settings settings, AgcInstallation installation) {
        Digest d = new Digest();
        d.add("account").add(settings.account());
        d.add("regions").add(String.valueOf(settings.regions().size()));
        for (RegionSettings region : settings.regions()) {
            d.add(region.region());
        }
        d.add("agcHome").add(installation.home().toString());
        List<AgcInstallation.InstalledFile> files = new java.util.ArrayList<>(installation.artifacts());
        installation.wesAdapter().ifPresent(files::add);
        d.add("installed").add(String.valueOf(files.size()));
        for (AgcInstallation.InstalledFile file : files) {
            d.add(file.relativePath()).add(file.path().toString()).add(file.sha256());
        }
        d.add("missing").add(String.join("\n", installation.missing()));
        return d.hex();
    }

    /**
     * The code {@code type} is part of: the content of its jar and of each of agc-infra's own jars on the jar's
     * {@code Class-Path} ({@code agc-*}: their names stay when their code changes), as each entry's name, size and
     * CRC-32 (from the jar's directory: a few milliseconds, where hashing the bytes took 70, before jsii can start),
     * and the name, size and modification time of every other one (third-party libraries, with their version in their
     * name; the AWS provider's is large).
     * Empty when {@code type} was not loaded from a jar (classes in a folder, as in an IDE): then nothing can prove the
     * code unchanged, and every synth synthesizes.
     */
    public static Optional<String> codeOf(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            return ofJar(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@link #codeOf} for the jar {@code jar}; empty when it is not a readable jar. */
    static Optional<String> ofJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        try {
            Digest d = new Digest();
            d.add("jar").addJarEntries(jar);
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                for (String entry : classPath == null ? new String[0] : classPath.trim().split("\\s+")) {
                    if (entry.isEmpty()) {
                        continue;
                    }
                    Path library = jar.resolveSibling(entry);
                    d.add(entry);
                    if (Files.isRegularFile(library) && library.getFileName().toString().startsWith(OWN_JAR_PREFIX)) {
                        d.addJarEntries(library);
                    } else if (Files.isRegularFile(library)) {
                        d.add(String.valueOf(Files.size(library)))
                                .add(String.valueOf(Files.getLastModifiedTime(library).toMillis()));
                    } else {
                        d.add("absent");
                    }
                }
            }
            return Optional.of(d.hex());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** A SHA-256 over length-prefixed parts, so no two different lists of parts give the same bytes. */
    static final class Digest {
        private final MessageDigest sha256;

        Digest() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this JVM has no SHA-256", e);
            }
        }

        Digest add(String part) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha256.update(bytes);
            return this;
        }

        /**
         * A jar's content as its directory records it: each entry's name, size and CRC-32 of its bytes (read from the
         * jar's central directory, without inflating anything); a marker when it cannot be read as a jar.
         */
        Digest addJarEntries(Path jar) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                add("entries").add(String.valueOf(zip.size()));
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                    ZipEntry entry = entries.nextElement();
                    add(entry.getName()).add(entry.getSize() + " " + entry.getCrc());
                }
                return this;
            } catch (IOException e) {
                return add("unreadable " + System.nanoTime());
            }
        }

        /** The file's bytes, or a marker that it does not exist (or is not a readable regular file). */
        Digest addFile(Path file) {
            if (!Files.isRegularFile(file)) {
                return add("no file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                long size = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha256.update(buffer, 0, n);
                    size += n;
                }
                return add("file of " + size + " bytes");
            } catch (IOException e) {
                // unreadable now: a value no readable file gives, so the stamp cannot match
                return add("unreadable " + System.nanoTime());
            }
        }

        String hex() {
            return HexFormat.of().formatHex(sha256.digest());
        }
    }
}
