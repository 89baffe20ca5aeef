package dev.agcinfra.app.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default region's stacks, sorted and without metadata, against files under {@code src/test/resources/golden}.
 * An intended change: run {@code mvn -pl app test -Dtest=GoldenFileTest -Dgolden.update=true} and review the diff.
 */
class GoldenFileTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final Map<String, JsonNode> STACKS = Synth.stacks(Synth.settings(Synth.defaults("us-east-1")));

    @ParameterizedTest
    @ValueSource(strings = {"agc-core-us-east-1", "agc-data-us-east-1"})
    void theDefaultStackMatchesItsGoldenFile(String stack) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        String actual = json.writeValueAsString(json.treeToValue(STACKS.get(stack), Object.class)) + "\n";
        Path file = GOLDEN.resolve(stack + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual);
        }
        assertThat(file).as("golden file; create it with -Dgolden.update=true").exists();
        assertThat(actual).isEqualTo(Files.readString(file));
    }
}
