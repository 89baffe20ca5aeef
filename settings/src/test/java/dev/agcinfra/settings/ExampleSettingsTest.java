package dev.agcinfra.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The example settings the README's first command runs must load offline, with no AWS account. */
class ExampleSettingsTest {

    /** Surefire runs in the app module; the example is at the repository root. */
    private static final Path EXAMPLE = Path.of("..", "examples", "agc.yaml");

    @Test
    void theExampleSettingsLoadWithoutAnyAwsCall() {
        // Given the example file, and AWS that can answer nothing
        assertThat(EXAMPLE).exists();
        FakeAws noAws = new FakeAws(null, null);

        // When
        Settings settings = new SettingsLoader(Path.of(""), Map.of("AGC_CONFIG", EXAMPLE.toString())).load(noAws);

        // Then
        assertThat(noAws.accountCalls).hasValue(0);
        assertThat(noAws.regionCalls).hasValue(0);
        assertThat(settings.account()).isEqualTo("123456789012");
        assertThat(settings.regions()).extracting(RegionSettings::region, RegionSettings::vpcMode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("us-east-1", VpcMode.PRIVATE_SUBNETS),
                org.assertj.core.groups.Tuple.tuple("eu-west-1", VpcMode.PUBLIC_SUBNETS),
                org.assertj.core.groups.Tuple.tuple("us-west-2", VpcMode.EXISTING));
        assertThat(settings.regions().get(0)).isEqualTo(new RegionSettings("us-east-1", Optional.empty(), List.of(),
                "agc-123456789012-us-east-1", true, Optional.empty(), false, false, Map.of("team", "genomics")));
        assertThat(settings.regions().get(1).tags()).isEqualTo(Map.of("team", "genomics", "cost-center", "42"));
        RegionSettings own = settings.regions().get(2);
        assertThat(own.subnets()).as("own-VPC regions in the example list their subnets: no EC2 lookup").hasSize(3);
        assertThat(own.bucket()).isEqualTo("my-existing-results-bucket");
        assertThat(own.createBucket()).isFalse();
        assertThat(own.vpc()).isEqualTo(Optional.of("vpc-0123456789abcdef0"));
    }

    @Test
    void noOwnVpcRegionOfTheExampleNeedsTheEc2Api() throws Exception {
        // Given
        Settings settings = new SettingsLoader(Path.of(""), Map.of("AGC_CONFIG", EXAMPLE.toString()))
                .load(new FakeAws(null, null));

        // When
        List<RegionSettings> needLookup = settings.regions().stream()
                .filter(r -> r.vpc().isPresent() && r.subnets().isEmpty()).toList();

        // Then
        assertThat(needLookup).isEmpty();
        assertThat(Files.readString(EXAMPLE)).doesNotContain("\t");
    }
}
