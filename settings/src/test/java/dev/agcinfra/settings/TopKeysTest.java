package dev.agcinfra.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code SettingsParser.TOP_KEYS} is the list of top-level keys the reference documents. */
class TopKeysTest {

    @Test
    void theReferenceListsEveryTopLevelKeyInTheParsersOrder() throws IOException {
        assertThat(SettingsReference.keysOfTable("## Top-level keys")).isEqualTo(SettingsParser.TOP_KEYS);
    }
}
