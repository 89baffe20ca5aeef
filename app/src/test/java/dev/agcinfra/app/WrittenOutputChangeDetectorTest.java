package dev.agcinfra.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.testing.FakeAgcInstallation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A change detector, not a specification: the files a synth of the default region writes ({@code manifest.json} and
 * each stack's {@code cdk.tf.json}, exactly as written: key order, metadata, indentation) must equal the files under
 * {@code src/test/resources/golden/written} byte for byte. {@code GoldenFileChangeDetectorTest} compares the stacks'
 * content; this one also catches a change of how they are written (a faster synth must write the same bytes). After an
 * intended change, refresh them with {@code mvn -B -o -pl app -am test -Dtest=WrittenOutputChangeDetectorTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true} and review the diff.
 *
 * <p>The AGC installation is a fake one in a temporary directory; its path is written as {@value #AGC_HOME}.
 */
class WrittenOutputChangeDetectorTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/written");
    static final String AGC_HOME = "/home/agc-user/.agc";

    @TempDir
    static Path dir;
    static Path agcHome;
    static Path outdir;

    @BeforeAll
    static void synth() throws IOException {
        agcHome = FakeAgcInstallation.create(dir.resolve("agc-home")).home();
        outdir = OfflineSynth.cdktfOut(dir, """
                account: "123456789012"
                agcHome: %s
                regions:
                  us-east-1: {}
                """.formatted(agcHome));
    }

    static List<String> files() {
        return List.of("manifest.json", "stacks/agc-data-us-east-1/cdk.tf.json", "stacks/agc-core-us-east-1/cdk.tf.json");
    }

    @ParameterizedTest
    @MethodSource("files")
    void theWrittenFileIsByteForByteTheSameUntilItsGoldenFileIsRefreshed(String file) throws IOException {
        String actual = Files.readString(outdir.resolve(file), StandardCharsets.UTF_8)
                .replace(agcHome.toString(), AGC_HOME);
        Path golden = GOLDEN.resolve(file.replace("/cdk.tf.json", ".cdk.tf.json").replace("stacks/", ""));
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file; create it with -Dgolden.update=true").exists();
        assertThat(actual).as("%s changed; if intended, refresh with -Dgolden.update=true and review the diff", golden)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
