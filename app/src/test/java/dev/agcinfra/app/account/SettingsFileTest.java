package dev.agcinfra.app.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agcinfra.settings.AwsDefaults;
import dev.agcinfra.settings.Settings;
import dev.agcinfra.settings.SettingsDocument;
import dev.agcinfra.settings.SettingsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings file as the account commands read, check and rewrite it. */
class SettingsFileTest {

    @TempDir
    Path dir;

    private static final AwsDefaults OFFLINE = Regions.resolved("us-east-1", "123456789012");

    @Test
    void aRewrittenFileMeansWhatTheOriginalMeantThoughItsCommentsAndAnchorsAreGone() throws IOException {
        // Given a file with comments, an anchor and merge key, and strings that look like other YAML types
        Path file = Files.writeString(dir.resolve("agc.yaml"), """
                # the team's settings
                account: "012345678901"   # leading zero: must stay a string
                tags: { a: "true", b: "null", c: "42", d: "", e: "x: y", f: "- item", g: "1.5", h: "yes", i: "Null", j: "@ref" }
                regions:
                  us-east-1: &base { usePublicSubnets: true, tags: { tier: cheap } }
                  eu-west-1:
                    <<: *base
                    ami: ami-12345678
                """);
        SettingsFile settings = new SettingsFile(file);
        Settings before = settings.load(OFFLINE);

        // When it is read and written back
        ObjectNode document = settings.read();
        settings.check(document, OFFLINE).commit();

        // Then it loads to the same settings, without the comments
        assertThat(settings.load(OFFLINE)).isEqualTo(before);
        assertThat(before.account()).isEqualTo("012345678901");
        assertThat(before.tags()).containsEntry("b", "null").containsEntry("d", "").containsEntry("i", "Null").containsEntry("f", "- item")
                .containsEntry("j", "@ref").containsEntry("a", "true").containsEntry("c", "42");
        assertThat(Files.readString(file)).doesNotContain("#", "&base", "*base");
    }

    @Test
    void aSettingsFileThatIsASymbolicLinkIsRewrittenWhereItPointsAndTheLinkStays() throws IOException {
        // Given agc.yaml linking to the team's file elsewhere
        Path real = Files.writeString(Files.createDirectories(dir.resolve("team")).resolve("agc.yaml"),
                "account: \"123456789012\"\nregions:\n  us-east-1: { vpc: vpc-0123456789abcdef0 }\n");
        Path link = Files.createSymbolicLink(dir.resolve("agc.yaml"), real);
        SettingsFile settings = new SettingsFile(link);
        ObjectNode document = settings.read();
        SettingsUpdate.deactivate(document, "us-east-1");

        // When
        settings.check(document, OFFLINE).commit();

        // Then the team's file is changed, through the link that is still there
        assertThat(link).isSymbolicLink();
        assertThat(Files.readString(real)).contains("123456789012").doesNotContain("vpc-0123456789abcdef0");
        assertThat(dir.resolve("agc.yaml.next")).doesNotExist();
        assertThat(real.resolveSibling("agc.yaml.next")).doesNotExist();
    }

    @Test
    void aCandidateWithProblemsIsNotWrittenAndNamesTheRule() throws IOException {
        // Given
        Path file = Files.writeString(dir.resolve("agc.yaml"), "account: \"123456789012\"\n");
        SettingsFile settings = new SettingsFile(file);
        ObjectNode document = settings.read();
        document.putObject("regions").putObject("us-east-1").putArray("subnets").add("subnet-12345678");

        // When
        SettingsException e = catchThrowableOfType(SettingsException.class, () -> settings.check(document, OFFLINE));

        // Then
        assertThat(e.problems()).singleElement().asString().contains("regions.us-east-1.subnets: given without vpc");
        assertThat(Files.readString(file)).isEqualTo("account: \"123456789012\"\n");
        assertThat(dir.resolve("agc.yaml.next")).doesNotExist();
    }

    @Test
    void flagsAreCheckedByTheSettingsRulesAndNamedAsFlags() {
        // Given flags that break three rules of a region entry
        ActivateFlags flags = new ActivateFlags(java.util.Optional.of("Bad_Bucket"), java.util.Optional.of("vpc-12345678"),
                java.util.List.of(), java.util.Optional.of("ami-nothex!"), true, Map.of("aws:x", "1"));

        // When
        var problems = flags.problems("us-east-1");

        // Then
        assertThat(problems).anyMatch(p -> p.startsWith("--bucket: \"Bad_Bucket\" is not a valid S3 bucket name")
                        && p.endsWith("use the bucket's exact name, or leave out --bucket for agc-<account>-<region>"))
                .anyMatch(p -> p.startsWith("--ami: \"ami-nothex!\" is not an AMI id"))
                .anyMatch(p -> p.startsWith("--usePublicSubnets: true conflicts with --vpc"))
                .anyMatch(p -> p.startsWith("--tags: custom tag \"aws:x\" = \"1\"") && p.contains("reserved for AWS"))
                .noneMatch(p -> p.contains("regions.") || p.contains("flags"));
    }

    @Test
    void aMissingFileIsAllDefaults() {
        // When
        Settings settings = new SettingsFile(dir.resolve("agc.yaml")).load(OFFLINE);

        // Then
        assertThat(settings.regions()).singleElement().satisfies(r -> assertThat(r.region()).isEqualTo("us-east-1"));
        assertThat(SettingsDocument.read(dir.resolve("agc.yaml"))).isEmpty();
    }
}
