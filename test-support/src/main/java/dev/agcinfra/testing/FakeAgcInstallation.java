package dev.agcinfra.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An AGC installation as AGC's installer ({@code scripts/cli/install.sh}) lays it out, with small made-up files: the
 * CDK app in {@code cdk/} (its batch artifacts in {@code cdk/lib/artifacts/}, AGC's own file names) and the WES
 * adapter at {@code wes/wes_adapter.zip} (a real zip holding one made-up file). The content is fixed, so hashes are
 * the same on every run.
 */
public final class FakeAgcInstallation {

    /** The artifacts AGC ships (packages/cdk/lib/artifacts at aws/amazon-genomics-cli f9774847), below {@code cdk/lib/artifacts/}. */
    public static final List<String> ARTIFACTS = List.of(
            "batch-artifacts/amazon-ebs-autoscale.tgz",
            "batch-artifacts/ecs-additions/awscli-shim.sh",
            "batch-artifacts/ecs-additions/ecs-additions-common.sh",
            "batch-artifacts/ecs-additions/fetch_and_run.sh",
            "batch-artifacts/ecs-additions/get-amazon-ebs-autoscale.sh",
            "batch-artifacts/ecs-additions/provision.sh");

    private final Path home;

    private FakeAgcInstallation(Path home) {
        this.home = home;
    }

    /** Writes the installation into {@code home} (created when missing). */
    public static FakeAgcInstallation create(Path home) {
        FakeAgcInstallation agc = new FakeAgcInstallation(home);
        for (String artifact : ARTIFACTS) {
            agc.write(agc.artifact(artifact), "#!/bin/bash\n# made-up " + artifact + "\n");
        }
        agc.write(home.resolve("cdk/apps/core/app.js"), "// made-up AGC core app\n");
        agc.write(home.resolve("cdk/apps/context/app.js"), "// made-up AGC context app\n");
        agc.writeBytes(home.resolve("wes/wes_adapter.zip"), zip("index.py", "def handler(event, context):\n    pass\n"));
        return agc;
    }

    /** The installation's directory (what {@code agcHome:} names). */
    public Path home() {
        return home;
    }

    /** An artifact's file, by its path below {@code cdk/lib/artifacts/}. */
    public Path artifact(String relativePath) {
        return home.resolve("cdk/lib/artifacts").resolve(relativePath);
    }

    /** The WES adapter zip. */
    public Path wesAdapter() {
        return home.resolve("wes/wes_adapter.zip");
    }

    /** Replaces one artifact's content. */
    public void changeArtifact(String relativePath, String content) {
        write(artifact(relativePath), content);
    }

    /** Replaces the WES adapter with another zip. */
    public void changeWesAdapter(String handlerSource) {
        writeBytes(wesAdapter(), zip("index.py", handlerSource));
    }

    private void write(Path file, String content) {
        writeBytes(file, content.getBytes(StandardCharsets.UTF_8));
    }

    private void writeBytes(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(String name, String content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry(name);
            entry.setTimeLocal(LocalDateTime.of(2022, 1, 1, 0, 0)); // fixed and zone-free: the same hash on every run
            zip.putNextEntry(entry);
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
