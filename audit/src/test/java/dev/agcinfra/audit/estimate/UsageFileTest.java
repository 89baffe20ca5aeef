package dev.agcinfra.audit.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agcinfra.audit.estimate.UsageAssumptions.Usage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageFileTest {

    @TempDir
    Path temp;

    private Path file(String name, String text) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aYamlFileGivesGlobalAndPerStackGigabytes() throws IOException {
        UsageAssumptions usage = UsageFile.read(file("usage.yaml", """
                # GB per month
                natGb: 100            # every stack
                endpointGb: 1_000
                stacks:
                  agc-core-us-east-1:
                    natGb: 500
                  "agc-core-eu-west-1":
                    endpointGb: 0
                """));

        assertThat(usage.forStack("agc-core-us-east-1")).isEqualTo(new Usage(new BigDecimal("500"), new BigDecimal("1000")));
        assertThat(usage.forStack("agc-core-eu-west-1")).isEqualTo(new Usage(new BigDecimal("100"), new BigDecimal("0")));
        assertThat(usage.forStack("other")).isEqualTo(new Usage(new BigDecimal("100"), new BigDecimal("1000")));
    }

    @Test
    void gigabytesKeepEveryDigitWrittenInEitherForm() throws IOException {
        // 17 significant digits: a double would keep about 15
        UsageAssumptions yaml = UsageFile.read(file("usage.yaml", "natGb: 1234567.1234567891\n"));
        UsageAssumptions json = UsageFile.read(file("usage.json", "{\"endpointGb\": 0.12345678901234567}"));

        assertThat(yaml.forStack("any").natGb()).isEqualByComparingTo("1234567.1234567891");
        assertThat(json.forStack("any").endpointGb()).isEqualByComparingTo("0.12345678901234567");
    }

    @Test
    void theJsonFormIsTheSameAsTheYamlForm() throws IOException {
        UsageAssumptions json = UsageFile.read(file("usage.json",
                "{\"natGb\": 100, \"stacks\": {\"agc-core-us-east-1\": {\"natGb\": 500}}}"));
        UsageAssumptions yaml = UsageFile.read(file("usage.yml",
                "natGb: 100\nstacks:\n  agc-core-us-east-1:\n    natGb: 500\n"));

        assertThat(json).isEqualTo(yaml);
    }

    @Test
    void commandLineOptionsReplaceTheGlobalValuesButNotAStacksOwn() throws IOException {
        UsageAssumptions usage = UsageFile.read(file("usage.yaml",
                "natGb: 100\nstacks:\n  a:\n    natGb: 500\n")).withGlobal(new Usage(new BigDecimal("7"), null));

        assertThat(usage.forStack("a").natGb()).isEqualByComparingTo("500");
        assertThat(usage.forStack("b").natGb()).isEqualByComparingTo("7");
    }

    @Test
    void anUnknownKeyIsAnErrorSoATypoIsNeverIgnored() throws IOException {
        Path file = file("usage.yaml", "natGB: 100\n");

        assertThatThrownBy(() -> UsageFile.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown key 'natGB'");
    }

    @Test
    void anUnknownKeyUnderAStackNamesItsPath() throws IOException {
        Path file = file("usage.yaml", "stacks:\n  a:\n    natgb: 1\n");

        assertThatThrownBy(() -> UsageFile.read(file)).hasMessageContaining("stacks.a.natgb");
    }

    @Test
    void aNegativeOrNonNumericVolumeIsAnError() throws IOException {
        Path negative = file("n.yaml", "natGb: -1\n");
        Path text = file("t.yaml", "endpointGb: lots\n");

        assertThatThrownBy(() -> UsageFile.read(negative)).hasMessageContaining("'natGb' must be a number");
        assertThatThrownBy(() -> UsageFile.read(text)).hasMessageContaining("'endpointGb' must be a number");
    }

    @Test
    void aYamlLineThatIsNotAMappingNamesTheLine() throws IOException {
        Path file = file("usage.yaml", "natGb: 1\n- 2\n");

        assertThatThrownBy(() -> UsageFile.read(file)).hasMessageContaining("line 2");
    }

    @Test
    void anEmptyFileAssumesNothing() throws IOException {
        assertThat(UsageFile.read(file("empty.yaml", "# nothing yet\n"))).isEqualTo(
                UsageAssumptions.of(Usage.NONE, java.util.Map.of()));
    }
}
