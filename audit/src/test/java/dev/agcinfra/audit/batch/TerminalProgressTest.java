package dev.agcinfra.audit.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    @DisplayName("the status line shows regions done of total and items so far, and is cleared at the end")
    void showsAndClears() throws Exception {
        // Given
        StringWriter err = new StringWriter();
        TerminalProgress progress = new TerminalProgress(new PrintWriter(err), "resources", 2);

        // When
        progress.items(120);
        progress.regionDone("us-east-1", 900);
        Thread.sleep(600);
        progress.close();

        // Then
        String shown = err.toString();
        assertThat(shown).contains("\rresources: 1/2 regions, 120 items").doesNotContain("\n");
        assertThat(shown).endsWith("\r");
    }
}
