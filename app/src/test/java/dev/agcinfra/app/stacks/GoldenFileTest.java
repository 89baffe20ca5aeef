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
 * The default region's stacks, sorted and without metadata, against files under {@code src/test/resources/golden}.
 * An intended change: run {@code mvn -pl app test -Dtest=GoldenFileTest -Dgolden.update=true} and review the diff.
 *
 * <p>The stacks are synthesized with a fake AGC installation in a temporary directory; its path is written as
 * {@value #AGC_HOME} in the golden files, so they do not depend on where the test runs.
 */
class GoldenFileTest {

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
    void theDefaultStackMatchesItsGoldenFile(String stack) throws IOException {
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
        assertThat(actual).isEqualTo(Files.readString(file));
    }
}
