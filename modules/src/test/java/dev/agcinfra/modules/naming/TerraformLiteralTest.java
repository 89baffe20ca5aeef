package dev.agcinfra.modules.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerraformLiteralTest {

    @Test
    void interpolationsAndDirectivesAreWrittenInTheirLiteralForms() {
        assertThat(TerraformLiteral.of("/home/a/${file(\"x\")}/%{if true}y%{endif}"))
                .isEqualTo("/home/a/$${file(\"x\")}/%%{if true}y%%{endif}");
        assertThat(TerraformLiteral.of("plain $ and % and {braces}")).isEqualTo("plain $ and % and {braces}");
    }

    @Test
    void anArgumentOfACdktfFunctionGetsOnlyTheDirectiveEscapedBecauseCdktfEscapesInterpolationsThere() {
        assertThat(TerraformLiteral.ofFunctionArgument("a${b}%{c}")).isEqualTo("a${b}%%{c}");
    }

    @Test
    void aStringBuiltByCodeAroundACdktfTokenIsLeftAsItIs() {
        String reference = "s3://${TfToken[TOKEN.12]}/artifacts";

        assertThat(TerraformLiteral.of(reference)).isSameAs(reference);
        assertThat(TerraformLiteral.ofFunctionArgument(reference)).isSameAs(reference);
    }

    @Test
    void textHoldingACdktfTokenMarkerCannotBeWrittenAsItIs() {
        assertThat(TerraformLiteral.problem("/opt/agc-${TfToken[TOKEN.1]}")).hasValue("it holds \"{TfToken[\", which "
                + "CDKTF reads as one of its tokens and replaces");
        assertThat(TerraformLiteral.problem("/opt/#{TfToken[TOKEN.2]}")).isPresent();
        assertThat(TerraformLiteral.problem("/opt/agc-${x}")).isEmpty();
    }
}
