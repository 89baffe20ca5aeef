package dev.agcinfra.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code SettingsParser.TOP_KEYS} is the list of top-level keys the reference documents. */
class TopKeysTest {

    @Test
    void theReferenceListsEveryTopLevelKeyInTheParsersOrder() throws IOException {
        // Given the top-level keys' table of docs/settings.md (surefire runs in the module's directory)
        String reference = Files.readString(Path.of("..", "docs", "settings.md"));
        String table = reference.substring(reference.indexOf("## Top-level keys"));
        table = table.substring(0, table.indexOf("\n\n", table.indexOf("|---")));

        // When
        Matcher row = Pattern.compile("^\\| \\[`([A-Za-z]+)`]", Pattern.MULTILINE).matcher(table);
        List<String> documented = row.results().map(r -> r.group(1)).toList();

        // Then
        assertThat(documented).isEqualTo(SettingsParser.TOP_KEYS);
    }
}
