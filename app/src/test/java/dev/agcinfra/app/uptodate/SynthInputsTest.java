package dev.agcinfra.app.uptodate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What identifies the code and the environment of a synth, for the up-to-date check. */
class SynthInputsTest {

    @TempDir
    Path dir;

    private Path jarWithClassPath(String classPath) throws IOException {
        return jarWithClassPath(classPath, "main v1");
    }

    private Path jarWithClassPath(String classPath, String mainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        Path jar = dir.resolve("agc-infra.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.putNextEntry(new JarEntry("dev/agcinfra/app/Main.class"));
            j.write(mainClass.getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        return jar;
    }

    @Test
    void theJarIsIdentifiedByWhatItHoldsNotByWhenItWasBuilt() throws IOException {
        String v1 = SynthInputs.ofJar(jarWithClassPath("", "main v1")).orElseThrow();
        Files.setLastModifiedTime(dir.resolve("agc-infra.jar"), FileTime.fromMillis(0));
        assertThat(SynthInputs.ofJar(jarWithClassPath("", "main v1"))).as("rebuilt, same classes").contains(v1);
        assertThat(SynthInputs.ofJar(jarWithClassPath("", "main v2"))).as("one class changed").isPresent()
                .isNotEqualTo(java.util.Optional.of(v1));
        Files.writeString(dir.resolve("agc-infra.jar"), "not a jar");
        assertThat(SynthInputs.ofJar(dir.resolve("agc-infra.jar"))).as("cannot be identified").isEmpty();
    }

    /** A jar holding one class file with {@code content}. */
    private static Path jar(Path file, String content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("dev/agcinfra/Some.class"));
            j.write(content.getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        return file;
    }

    /** Rewrites the jar {@code file} with {@code content} of the same length, keeping its size and modification time. */
    private static void sameSizeAndTime(Path file, String content) throws IOException {
        FileTime time = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        jar(file, content);
        assertThat(Files.size(file)).isEqualTo(size);
        Files.setLastModifiedTime(file, time);
    }

    @Test
    void agcInfrasOwnLibraryJarsCountByContentAndOthersBySizeAndTime() throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Path own = jar(dir.resolve("lib/agc-infra-modules-0.1.0.jar"), "modules v1");
        Path other = jar(dir.resolve("lib/cdktf-0.19.2.jar"), "cdktf bytes");
        Path jar = jarWithClassPath("lib/agc-infra-modules-0.1.0.jar lib/cdktf-0.19.2.jar");
        String before = SynthInputs.ofJar(jar).orElseThrow();
        assertThat(SynthInputs.ofJar(jar)).contains(before);

        sameSizeAndTime(own, "modules v2");
        String afterOwn = SynthInputs.ofJar(jar).orElseThrow();
        assertThat(afterOwn).as("an own jar rebuilt with the same size and time").isNotEqualTo(before);

        Files.setLastModifiedTime(other, FileTime.fromMillis(Files.getLastModifiedTime(other).toMillis() + 1000));
        assertThat(SynthInputs.ofJar(jar).orElseThrow()).as("a third-party jar replaced").isNotEqualTo(afterOwn);

        Files.delete(other);
        assertThat(SynthInputs.ofJar(jar)).isPresent().isNotEqualTo(java.util.Optional.of(afterOwn));
    }

    @Test
    void codeOutsideAJarCannotBeIdentifiedSoTheCheckIsOff() {
        assertThat(SynthInputs.codeOf(SynthInputsTest.class)).as("test classes are a folder").isEmpty();
        assertThat(UpToDateCheck.of(Map.of(), false).maySkip()).isFalse();
        assertThat(UpToDateCheck.of(Map.of(), false).stamps()).isFalse();
    }

    @Test
    void theEnvironmentCountsExceptAgcInfrasOwnSwitchesAndUnrelatedVariables() {
        Path settings = dir.resolve("agc.yaml");
        Path context = dir.resolve("agc.context.json");
        Path out = dir.resolve("cdktf.out");
        String plain = SynthInputs.beforeSettings("code", settings, context, Map.of(), out);

        for (String input : new String[] {"AWS_REGION", "AGC_CONFIG", "CDKTF_OUTDIR", "JAVA_TOOL_OPTIONS", "JSII_RUNTIME",
                "NODE_OPTIONS", "AGC_INFRA_JAVA_OPTS"}) {
            assertThat(SynthInputs.beforeSettings("code", settings, context, Map.of(input, "x"), out)).as(input)
                    .isNotEqualTo(plain);
        }
        for (String notInput : new String[] {"AGC_INFRA_TIMINGS", "AGC_INFRA_FORCE", "AGC_INFRA_PLAIN", "TERM", "PATH"}) {
            assertThat(SynthInputs.beforeSettings("code", settings, context, Map.of(notInput, "x"), out)).as(notInput)
                    .isEqualTo(plain);
        }
        assertThat(SynthInputs.beforeSettings("other code", settings, context, Map.of(), out)).isNotEqualTo(plain);
        assertThat(SynthInputs.beforeSettings("code", settings, context, Map.of(), dir.resolve("elsewhere")))
                .isNotEqualTo(plain);
    }
}
