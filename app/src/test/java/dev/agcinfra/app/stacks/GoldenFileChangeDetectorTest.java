package dev.agcinfra.app.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import dev.agcinfra.testing.FakeAgcInstallation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A change detector, not a specification: the default region's stacks, sorted and without metadata, must equal the
 * files under {@code src/test/resources/golden} byte for byte, so any change to the synthesized Terraform, intended or
 * not, fails here and shows as a diff to review. The behaviour itself is specified by the other stack tests
 * ({@code DefaultRegionTest}, {@code OtherModesTest}, {@code AgcContractTest}, ...). After an intended change, refresh
 * the files with {@code mvn -B -o -pl app -am test -Dtest=GoldenFileChangeDetectorTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true} and review and commit the diff.
 *
 * <p>The stacks are synthesized with a fake AGC installation in a temporary directory; its path is written as
 * {@value #AGC_HOME} in the golden files, so they do not depend on where the test runs.
 */
class GoldenFileChangeDetectorTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final String AGC_HOME = "/home/agc-user/.agc";

    @TempDir
    static Path agcHome;
    static Map<String, JsonNode> stacks;

    @BeforeAll
    static void synth() {
        FakeAgcInstallation agc = FakeAgcInstallation.create(agcHome.resolve(".agc"));
        stacks = Synth.stacks(Synth.settings(agc.home(), Synth.defaults("us-east-1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"agc-core-us-east-1", "agc-data-us-east-1"})
    void anyChangeToTheSynthesizedDefaultStackFailsHereUntilItsGoldenFileIsRefreshed(String stack) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        String actual = json.writeValueAsString(json.treeToValue(stacks.get(stack), Object.class))
                .replace(agcHome.resolve(".agc").toString(), AGC_HOME) + "\n";
        Path file = GOLDEN.resolve(stack + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual);
        }
        assertThat(file).as("golden file; create it with -Dgolden.update=true").exists();
        assertThat(actual).as("%s changed; if intended, refresh with -Dgolden.update=true and review the diff", file)
                .isEqualTo(Files.readString(file));
    }
}
