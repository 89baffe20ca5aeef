package dev.agcinfra.modules.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What an AGC installation holds that the core must upload for AGC's contexts: the batch artifacts (AGC's
 * {@code lib/artifacts/} folder, which AGC's core copies to {@code s3://<bucket>/artifacts/}) and the WES adapter zip.
 *
 * <p>AGC's installer ({@code scripts/cli/install.sh} in aws/amazon-genomics-cli) unpacks AGC's CDK app into
 * {@code ~/.agc/cdk} and copies the adapter to {@code ~/.agc/wes/wes_adapter.zip}; AGC's core stack reads both from
 * there ({@code packages/cdk/lib/stacks/core-stack.ts}). So does this class, from {@code ~/.agc} or another directory
 * with the same layout.
 *
 * <p>Each file is read once, for its SHA-256 (the value of Terraform's {@code filesha256()}), which becomes the
 * object's {@code source_hash}: a changed file is uploaded again, an unchanged one is not.
 */
public final class AgcInstallation {

    /** The batch artifacts, below the installation. */
    public static final String ARTIFACTS_DIR = "cdk/lib/artifacts";
    /** The WES adapter's code, below the installation. */
    public static final String WES_ADAPTER = "wes/wes_adapter.zip";

    /**
     * One file of the installation.
     *
     * @param relativePath the path below its folder, with {@code /} separators (for artifacts: below
     *                     {@link #ARTIFACTS_DIR}, e.g. {@code batch-artifacts/ecs-additions/provision.sh})
     * @param path         the file, absolute when the installation's directory is
     * @param sha256       the SHA-256 of its content, lower-case hex
     */
    public record InstalledFile(String relativePath, Path path, String sha256) {
        public InstalledFile {
            Objects.requireNonNull(relativePath, "relativePath");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    private final Path home;
    private final List<InstalledFile> artifacts;
    private final Optional<InstalledFile> wesAdapter;

    private AgcInstallation(Path home, List<InstalledFile> artifacts, Optional<InstalledFile> wesAdapter) {
        this.home = home;
        this.artifacts = List.copyOf(artifacts);
        this.wesAdapter = wesAdapter;
    }

    /**
     * Reads the installation in {@code home}; a missing directory or file is not an error, {@link #missing()} names
     * it.
     *
     * @throws UncheckedIOException when a file is there but cannot be read
     */
    public static AgcInstallation read(Path home) {
        Objects.requireNonNull(home, "home");
        Path artifactsDir = home.resolve(ARTIFACTS_DIR);
        List<InstalledFile> artifacts = new ArrayList<>();
        if (Files.isDirectory(artifactsDir)) {
            try (Stream<Path> files = Files.walk(artifactsDir)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String relative = artifactsDir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                    artifacts.add(new InstalledFile(relative, file, sha256(file)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the AGC installation's artifacts in " + artifactsDir, e);
            }
        }
        Path zip = home.resolve(WES_ADAPTER);
        Optional<InstalledFile> wes = Files.isRegularFile(zip)
                ? Optional.of(new InstalledFile(zip.getFileName().toString(), zip, sha256(zip)))
                : Optional.empty();
        return new AgcInstallation(home, artifacts, wes);
    }

    /** The installation's directory. */
    public Path home() {
        return home;
    }

    /** The batch artifacts, sorted by path; empty when the folder is missing or empty. */
    public List<InstalledFile> artifacts() {
        return artifacts;
    }

    /** The WES adapter zip, when it is there. */
    public Optional<InstalledFile> wesAdapter() {
        return wesAdapter;
    }

    /** What AGC's contexts need that is not there, as paths below {@link #home()} (empty: complete). */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (artifacts.isEmpty()) {
            missing.add(ARTIFACTS_DIR + "/");
        }
        if (wesAdapter.isEmpty()) {
            missing.add(WES_ADAPTER);
        }
        return missing;
    }

    /** Whether both the artifacts and the WES adapter are there. */
    public boolean isComplete() {
        return missing().isEmpty();
    }

    /** The SHA-256 of a file's content, lower-case hex, as Terraform's {@code filesha256()}. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
