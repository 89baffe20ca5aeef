package dev.agcinfra.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link RegionKey} is the one list of region keys: the parser, the reference and the activate flags follow it. */
class RegionKeyTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(RegionKey.class)
    void everyRegionKeyIsKnownToTheParserWhichChecksItsValueByItsKind(RegionKey key) throws IOException {
        // Given the key with a value of the wrong kind: a list for tags, a mapping for every other kind
        String wrong = key.kind() == RegionKey.Kind.TAGS ? "[a, b]" : "{ x: 1 }";
        Files.writeString(dir.resolve("agc.yaml"), "regions: { us-east-1: { " + key.key() + ": " + wrong + " } }\n");

        // When
        SettingsException e = catchThrowableOfType(SettingsException.class,
                () -> new SettingsLoader(dir, Map.of()).load(FakeAws.standard()));

        // Then the parser names the key and what it expected, not an unknown key
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().asString()
                .startsWith("agc.yaml:1:" + (27 + key.key().length()) + ": regions.us-east-1." + key.key() + ": ")
                .contains(", expected ")
                .doesNotContain("unknown key");
    }

    @Test
    void theReferenceListsEveryRegionKeyInTheOrderOfTheEnum() throws IOException {
        assertThat(SettingsReference.keysOfTable("## Region keys")).isEqualTo(RegionKey.keys());
    }

    @Test
    void aKeyIsFoundOnlyAsWrittenInTheFile() {
        assertThat(RegionKey.of("usePublicSubnets")).contains(RegionKey.USE_PUBLIC_SUBNETS);
        assertThat(RegionKey.of("UsePublicSubnets")).isEmpty();
        assertThat(RegionKey.of("account")).as("a top-level key is no region key").isEmpty();
    }

    @Test
    void theKeysAgcHasNoActivateFlagForHaveNone() {
        assertThat(RegionKey.values()).filteredOn(k -> k.activateFlag().isEmpty())
                .containsExactly(RegionKey.CREATE_BUCKET, RegionKey.EXECUTE_API_ENDPOINT, RegionKey.NAT_GATEWAYS,
                        RegionKey.FLOW_LOGS, RegionKey.FLOW_LOG_RETENTION_DAYS);
        assertThat(RegionKey.VPC.activateFlag()).contains("--vpc");
    }
}
