package dev.agcinfra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test fixture that finds what Terraform evaluates in a string reads strings as Terraform 1.11.4 does. */
class TerraformTemplatesTest {

    @TempDir
    Path dir;

    @Test
    void aStringItFindsNoCodeInIsTheTextTerraformReadsAndOneWithCodeIsNot() throws Exception {
        TerraformConsole.require();
        List<String> literal = List.of("plain text", "a$${file(\"x\")}b", "a%%{if true}x%%{endif}b", "a$$${\"X\"}b",
                "a%%%{x}b", "ends with $", "100% and $ alone", "{braces} and \"quotes\"");
        List<String> code = List.of("a${\"b\"}c", "%{if true}P%{endif}", "${join(\",\", [\"$${x}\", \"%%{y}\"])}",
                "${join(\",\", [\"%{if true}P%{endif}\"])}", "x%{ if true }y%{ endif }");

        List<String> literalValues = TerraformConsole.values(dir, literal);
        List<String> codeValues = TerraformConsole.values(dir, code);

        for (int n = 0; n < literal.size(); n++) {
            assertThat(TerraformTemplates.evaluated(literal.get(n))).as(literal.get(n)).isEmpty();
            assertThat(literalValues.get(n)).as(literal.get(n)).isEqualTo(TerraformTemplates.literal(literal.get(n)));
        }
        for (int n = 0; n < code.size(); n++) {
            assertThat(TerraformTemplates.evaluated(code.get(n))).as(code.get(n)).isNotEmpty();
            assertThat(codeValues.get(n)).as(code.get(n)).isNotEqualTo(code.get(n).replace("$${", "${"));
        }
        assertThat(codeValues).containsExactly("abc", "P", "${x},%{y}", "P", "xy");
        assertThat(TerraformTemplates.evaluated("${join(\",\", [\"%{if true}P%{endif}\"])}"))
                .as("a directive inside a quoted string inside an interpolation is code too")
                .containsExactly("if true", "endif", "join(\"...\", [\"...\"])");
    }
}
