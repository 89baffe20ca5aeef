package dev.agcinfra.audit.retained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agcinfra.audit.AuditException;
import dev.agcinfra.audit.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the user brought, from agc-infra's settings file. */
class UserResourcesTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("a named bucket without createBucket, and a named VPC, are the user's; a bucket agc-infra creates is not")
    void readsBucketsAndVpcs() throws IOException {
        // Given
        Path file = temp.resolve("agc.json");
        Files.writeString(file, """
                {"account": "123456789012", "stateBucket": "tf-{account}-{region}",
                 "regions": {"us-east-1": {},
                             "eu-west-1": {"vpc": "vpc-0123", "bucket": "lab-results"},
                             "us-west-2": {"bucket": "made-by-agc-infra", "createBucket": true}}}
                """);

        // When
        UserResources user = UserResources.read(file);

        // Then
        assertThat(user.buckets()).containsExactly(Map.entry("eu-west-1", "lab-results"));
        assertThat(user.vpcs()).containsExactly(Map.entry("eu-west-1", "vpc-0123"));
        assertThat(user.userBucket("eu-west-1", "lab-results")).isTrue();
        assertThat(user.userBucket("us-east-1", "lab-results")).isFalse();
        assertThat(user.stateBucket("123456789012", "eu-west-1")).isEqualTo("tf-123456789012-eu-west-1");
    }

    @Test
    @DisplayName("without --settings, AGC_CONFIG names the file; with neither and no agc.yaml, nothing is the user's")
    void agcConfigFallback() throws IOException {
        Path file = temp.resolve("settings.json");
        Files.writeString(file, "{\"regions\": {\"eu-west-1\": {\"bucket\": \"b\"}}}");

        assertThat(CommandSupport.user(null, Map.of("AGC_CONFIG", file.toString())).buckets()).containsKey("eu-west-1");
        assertThat(CommandSupport.user(null, Map.of(), temp.resolve("empty"))).isEqualTo(UserResources.NONE);
    }

    @Test
    @DisplayName("with neither --settings nor AGC_CONFIG, agc.yaml in the working directory is read, as agc-infra does")
    void agcYamlInTheWorkingDirectory() throws IOException {
        Files.writeString(temp.resolve("agc.yaml"), "regions:\n  eu-west-1:\n    vpc: vpc-0123456789abcdef0\n");

        assertThat(CommandSupport.user(null, Map.of(), temp).userVpc("eu-west-1", "vpc-0123456789abcdef0")).isTrue();
    }

    @Test
    @DisplayName("a missing file and an unparsable one are invalid input (exit 2), naming the file")
    void badFiles() throws IOException {
        Path yaml = temp.resolve("agc.yaml");
        Files.writeString(yaml, "regions:\n  eu-west-1:\n    bucket: [unclosed\n");

        assertThatThrownBy(() -> CommandSupport.user(temp.resolve("nope.json"), Map.of()))
                .isInstanceOf(AuditException.class).hasMessageContaining("nope.json does not exist")
                .extracting(e -> ((AuditException) e).status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThatThrownBy(() -> UserResources.read(yaml)).isInstanceOf(AuditException.class)
                .hasMessageContaining("cannot parse settings file " + yaml);
    }

    @Test
    @DisplayName("the agc.yaml the app reads is read as it is, YAML and all")
    void readsTheYamlSettingsFile() throws IOException {
        Path yaml = temp.resolve("agc.yaml");
        Files.writeString(yaml, "regions:\n  eu-west-1:\n    bucket: lab-results\n    vpc: vpc-0123456789abcdef0\n");

        UserResources user = UserResources.read(yaml);

        assertThat(user.buckets()).containsExactlyEntriesOf(java.util.Map.of("eu-west-1", "lab-results"));
        assertThat(user.vpcs()).containsExactlyEntriesOf(java.util.Map.of("eu-west-1", "vpc-0123456789abcdef0"));
    }

    @Test
    @DisplayName("regions sharing an entry through an alias or a merge key keep the user's VPC and bucket")
    void aliasesAndMergeKeys() throws IOException {
        // Given: docs/settings.md's example of regions sharing settings
        Path yaml = temp.resolve("agc.yaml");
        Files.writeString(yaml, """
                regions:
                  us-east-1: &mine { vpc: vpc-0123456789abcdef0, bucket: lab-results }
                  us-east-2: *mine
                  us-west-2:
                    <<: *mine
                    ami: ami-0123456789abcdef0
                """);

        // When
        UserResources user = UserResources.read(yaml);

        // Then
        for (String region : java.util.List.of("us-east-1", "us-east-2", "us-west-2")) {
            assertThat(user.userVpc(region, "vpc-0123456789abcdef0")).as(region).isTrue();
            assertThat(user.userBucket(region, "lab-results")).as(region).isTrue();
        }
    }

    @Test
    @DisplayName("createBucket: false alone adopts agc-<account>-<region>: the user's, with or without account in the file")
    void createBucketFalseAloneAdoptsTheDefaultBucket() throws IOException {
        // Given
        Path withAccount = temp.resolve("with.yaml");
        Files.writeString(withAccount, "account: \"123456789012\"\nregions:\n  eu-west-1: { createBucket: false }\n");
        Path withoutAccount = temp.resolve("without.yaml");
        Files.writeString(withoutAccount, "regions:\n  eu-west-1: { createBucket: false }\n  us-east-1: {}\n");

        // Then
        for (Path file : java.util.List.of(withAccount, withoutAccount)) {
            UserResources user = UserResources.read(file);
            assertThat(user.userBucket("eu-west-1", "agc-123456789012-eu-west-1")).as(file.toString()).isTrue();
            assertThat(user.userBucket("eu-west-1", "agc-123456789012-us-east-1")).as(file.toString()).isFalse();
            assertThat(user.userBucket("us-east-1", "agc-123456789012-us-east-1")).as("agc-infra creates it").isFalse();
        }
        assertThat(UserResources.read(withoutAccount).userBucket("eu-west-1", "agc-x-eu-west-1")).isFalse();
    }
}
