package dev.agcinfra.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** docs/settings.md, as the tests that hold it to the code read it (surefire runs in the module's directory). */
final class SettingsReference {

    private static final Pattern KEY_ROW = Pattern.compile("^\\| \\[`([A-Za-z]+)`]", Pattern.MULTILINE);

    private SettingsReference() {
    }

    /** The keys of the table under {@code heading} (e.g. {@code ## Region keys}), one per row, in order. */
    static List<String> keysOfTable(String heading) throws IOException {
        String reference = Files.readString(Path.of("..", "docs", "settings.md"));
        String table = reference.substring(reference.indexOf(heading));
        table = table.substring(0, table.indexOf("\n\n", table.indexOf("|---")));
        return KEY_ROW.matcher(table).results().map(r -> r.group(1)).toList();
    }
}
