package dev.agcinfra.audit;

import dev.agcinfra.cli.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TagFilterAndRegionsTest {

    @Test
    @DisplayName("a tag is split at its first '=', so the value may contain '='")
    void tagSplitsAtFirstEquals() {
        assertThat(TagFilter.parse("application-name=agc")).isEqualTo(TagFilter.DEFAULT);
        assertThat(TagFilter.parse("k=a=b")).isEqualTo(new TagFilter("k", "a=b"));
    }

    @ParameterizedTest(name = "''{0}'' is not a tag")
    @ValueSource(strings = {"", "agc", "=agc", "application-name=", "="})
    void malformedTagsAreInvalidInput(String text) {
        assertThatThrownBy(() -> TagFilter.parse(text))
                .isInstanceOfSatisfying(AuditException.class, e -> assertThat(e.status()).isEqualTo(ExitCode.INVALID_INPUT))
                .hasMessageContaining("key=value");
    }

    @Test
    @DisplayName("regions are split at commas, trimmed and kept once in the order given")
    void regionsAreSplitTrimmedAndDeduplicated() {
        assertThat(Regions.parse(List.of("us-east-1, eu-west-1", "us-east-1,us-gov-west-1,cn-north-1")))
                .containsExactly("us-east-1", "eu-west-1", "us-gov-west-1", "cn-north-1");
    }

    @ParameterizedTest(name = "''{0}'' is not a region list")
    @ValueSource(strings = {"", "us-east", "US-EAST-1", "us-east-1,", "eu_west_1", "us-east-1;eu-west-1", "EU"})
    void malformedRegionsAreInvalidInput(String text) {
        assertThatThrownBy(() -> Regions.parse(List.of(text)))
                .isInstanceOfSatisfying(AuditException.class, e -> assertThat(e.status()).isEqualTo(ExitCode.INVALID_INPUT));
    }
}
