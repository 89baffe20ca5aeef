package dev.agcinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemLineTest {

    @Test
    void aNewlineCarriageReturnAndTabInAQuotedValueAreShownAsEscapesSoTheProblemStaysOneLine() {
        String line = ProblemLine.escape("tags.new\nline: custom tag \"a\r\tb\" is not allowed");

        assertThat(line).isEqualTo("tags.new\\nline: custom tag \"a\\r\\tb\" is not allowed").doesNotContain("\n", "\r", "\t");
    }

    @Test
    void bidirectionalControlsAreShownAsEscapesSoTheTerminalCannotReverseTheRestOfTheLine() {
        String line = ProblemLine.escape("bucket \"my-\u202etekcub\" \u2066x\u2069 \u200f \u061c");

        assertThat(line).isEqualTo("bucket \"my-\\u202etekcub\" \\u2066x\\u2069 \\u200f \\u061c");
    }

    @Test
    void otherControlsInvisibleCharactersAndLineSeparatorsAreShownAsEscapes() {
        String line = ProblemLine.escape("a\u0007b\u001bc\u007fd\u0085e\u200bf\u2028g\u2029h\ufeff\udb40\udc41");

        assertThat(line).isEqualTo("a\\u0007b\\u001bc\\u007fd\\u0085e\\u200bf\\u2028g\\u2029h\\ufeff\\udb40\\udc41");
    }

    @Test
    void printableTextInAnyScriptIsKeptAsItIs() {
        String text = "regions.eu-west-1.tags.équipe: \"génomique 基因组 \\ ok\" 🧬";

        assertThat(ProblemLine.escape(text)).isSameAs(text);
        assertThat(ProblemLine.escape(null)).isEmpty();
    }
}
