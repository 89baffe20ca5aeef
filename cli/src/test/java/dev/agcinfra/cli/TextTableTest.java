package dev.agcinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    @DisplayName("columns are as wide as their widest cell; right-aligned cells line up on the right; no trailing blanks")
    void alignsColumns() {
        String text = new TextTable("  ", "  ").alignRight((column, cell) -> column == 2)
                .row("natgateway", "nat-1", "$32.85")
                .row("elastic-ip", "eipalloc-0123", "$3.65")
                .row("vpc", "vpc-1", "")
                .render();

        assertThat(text).isEqualTo(
                "  natgateway  nat-1          $32.85\n"
                + "  elastic-ip  eipalloc-0123   $3.65\n"
                + "  vpc         vpc-1\n");
    }

    @Test
    @DisplayName("an empty table renders nothing; a row of another width is refused")
    void emptyAndRagged() {
        assertThat(new TextTable("", " ").render()).isEmpty();
        assertThatThrownBy(() -> new TextTable("", " ").row("a", "b").row("c"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
