package dev.agcinfra.audit.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    @DisplayName("the status line shows regions done of total and items so far, and is cleared at the end")
    void showsAndClears() {
        // Given
        StringWriter err = new StringWriter();
        TerminalProgress progress = new TerminalProgress(new PrintWriter(err), "resources", 2, false);

        // When: the line is redrawn (by the ticker thread in use; here, by hand)
        progress.items(120);
        progress.regionDone("us-east-1", 900);
        progress.tick();
        progress.close();

        // Then
        String shown = err.toString();
        assertThat(shown).contains("\rresources: 1/2 regions, 120 items").doesNotContain("\n");
        assertThat(shown).endsWith("\r");
    }
}
