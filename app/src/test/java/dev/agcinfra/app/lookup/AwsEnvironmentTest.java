package dev.agcinfra.app.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.agcinfra.settings.RegionSettings;
import dev.agcinfra.settings.Settings;
import dev.agcinfra.settings.SettingsException;
import dev.agcinfra.settings.SettingsLoader;
import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;

class AwsEnvironmentTest {

    @TempDir
    Path dir;

    @Nested
    class DefaultRegion {

        @Test
        void awsRegionWinsOverAwsDefaultRegion() {
            // Given
            AwsEnvironment aws = new AwsEnvironment(Map.of("AWS_REGION", "eu-west-3", "AWS_DEFAULT_REGION", "us-east-2"), Optional.empty(),
                    AwsTestClients.CREDENTIALS, LocalAws.noProfileRegion());

            // When / Then
            assertThat(aws.defaultRegion()).isEqualTo("eu-west-3");
        }

        @Test
        void awsDefaultRegionIsUsedLikeTheAwsCliDoes() {
            // Given
            AwsEnvironment aws = new AwsEnvironment(Map.of("AWS_DEFAULT_REGION", "us-east-2"), Optional.empty(),
                    AwsTestClients.CREDENTIALS, LocalAws.noProfileRegion());

            // When / Then
            assertThat(aws.defaultRegion()).isEqualTo("us-east-2");
        }

        @Test
        void withoutVariablesTheProfilesRegionIsUsed() throws IOException {
            // Given an AWS config file with a profile that names a region
            Path config = dir.resolve("config");
            Files.writeString(config, "[profile genomics]\nregion = ap-northeast-1\n");
            AwsEnvironment aws = new AwsEnvironment(Map.of(), Optional.empty(), AwsTestClients.CREDENTIALS, new AwsProfileRegionProvider(
                    () -> ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build(), "genomics"));

            // When / Then
            assertThat(aws.defaultRegion()).isEqualTo("ap-northeast-1");
        }

        @Test
        void noRegionAnywhereGivesOneLineWithTheFix() {
            // Given
            AwsEnvironment aws = new AwsEnvironment(Map.of(), Optional.empty(), AwsTestClients.CREDENTIALS, LocalAws.noProfileRegion());

            // When
            SettingsException e = catchThrowableOfType(SettingsException.class, aws::defaultRegion);

            // Then
            assertThat(e.problems()).singleElement().asString()
                    .isEqualTo("regions: not in agc.yaml, and no default region is configured; set `regions:` in "
                            + "agc.yaml, or AWS_REGION (or AWS_DEFAULT_REGION, or a region in your AWS profile)")
                    .doesNotContain("\n");
        }
    }

    @Nested
    class Account {

        @Test
        void theAccountComesFromStsWithCredentialsFromAProfile() throws IOException {
            // Given moto, and credentials from an AWS credentials file as the default chain would read them
            Path credentials = dir.resolve("credentials");
            Files.writeString(credentials, "[default]\naws_access_key_id = test\naws_secret_access_key = test\n");
            AwsEnvironment aws = new AwsEnvironment(Map.of(), Optional.of(MotoServer.get().endpoint()),
                    ProfileCredentialsProvider.builder()
                            .profileFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build())
                            .profileName("default").build(),
                    LocalAws.noProfileRegion());

            // When / Then (moto's default account)
            assertThat(aws.account("eu-west-1")).isEqualTo("123456789012");
        }

        @Test
        void noCredentialsGivesOneLineWithTheFix() throws IOException {
            // Given an empty credentials file
            Path credentials = dir.resolve("credentials");
            Files.writeString(credentials, "");
            AwsEnvironment aws = new AwsEnvironment(Map.of(), Optional.of(MotoServer.get().endpoint()),
                    ProfileCredentialsProvider.builder()
                            .profileFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build())
                            .profileName("default").build(),
                    LocalAws.noProfileRegion());

            // When
            SettingsException e = catchThrowableOfType(SettingsException.class, () -> aws.account("us-east-1"));

            // Then
            assertThat(e.problems()).singleElement().asString()
                    .startsWith("account: not in agc.yaml, and STS GetCallerIdentity in us-east-1 failed (")
                    .endsWith("); set `account:` in agc.yaml or configure AWS credentials")
                    .doesNotContain("\n");
        }

        @Test
        void anUnreachableEndpointGivesOneLineWithTheFix() {
            // Given
            AwsEnvironment aws = LocalAws.unreachable();

            // When
            SettingsException e = catchThrowableOfType(SettingsException.class, () -> aws.account("us-east-1"));

            // Then
            assertThat(e.problems()).singleElement().asString()
                    .startsWith("account: not in agc.yaml, and STS GetCallerIdentity in us-east-1 failed (")
                    .endsWith("set `account:` in agc.yaml or configure AWS credentials");
        }
    }

    @Nested
    class Endpoints {

        @Test
        void aServiceSpecificEndpointWinsOverTheGeneralOne() {
            // Given
            AwsEnvironment aws = new AwsEnvironment(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1111",
                    "AWS_ENDPOINT_URL_EC2", "http://127.0.0.1:2222"), Optional.empty(), AwsTestClients.CREDENTIALS, LocalAws.noProfileRegion());

            // When / Then
            assertThat(aws.endpoint("EC2")).contains(URI.create("http://127.0.0.1:2222"));
            assertThat(aws.endpoint("STS")).contains(URI.create("http://127.0.0.1:1111"));
        }

        @Test
        void noEndpointMeansAws() {
            // Given
            AwsEnvironment aws = new AwsEnvironment(Map.of(), Optional.empty(), AwsTestClients.CREDENTIALS, LocalAws.noProfileRegion());

            // When / Then
            assertThat(aws.endpoint("EC2")).isEmpty();
        }

        @Test
        void anEndpointThatIsNotAUrlIsReported() {
            // Given
            AwsEnvironment aws = new AwsEnvironment(Map.of("AWS_ENDPOINT_URL", "localhost:5000"), Optional.empty(),
                    AwsTestClients.CREDENTIALS, LocalAws.noProfileRegion());

            // When
            SettingsException e = catchThrowableOfType(SettingsException.class, () -> aws.endpoint("STS"));

            // Then
            assertThat(e.problems()).singleElement().asString()
                    .startsWith("AWS_ENDPOINT_URL=localhost:5000: not an endpoint URL (expected http(s)://host[:port])")
                    .endsWith("write e.g. AWS_ENDPOINT_URL=http://127.0.0.1:5000, or unset it to use AWS");
        }
    }

    @Nested
    class WithTheSettingsLoader {

        @Test
        void withoutAFileTheAccountComesFromStsAndTheRegionFromAwsRegion() {
            // Given no agc.yaml, AWS_REGION and credentials that moto accepts
            AwsEnvironment aws = LocalAws.moto(Map.of("AWS_REGION", "eu-central-1"));

            // When
            Settings settings = new SettingsLoader(dir, Map.of()).load(aws);

            // Then
            assertThat(settings.account()).isEqualTo("123456789012");
            assertThat(settings.regions()).containsExactly(RegionSettings.defaults("eu-central-1", "123456789012"));
        }

        @Test
        void withoutAFileNorAwsConfigurationBothFixesAreGivenAtOnce() {
            // Given no agc.yaml, no region and an endpoint that refuses connections
            AwsEnvironment aws = LocalAws.unreachable();

            // When
            SettingsException e = catchThrowableOfType(SettingsException.class,
                    () -> new SettingsLoader(dir, Map.of()).load(aws));

            // Then
            assertThat(e.problems()).hasSize(2);
            assertThat(e.problems().get(0)).startsWith("regions: not in agc.yaml").contains("AWS_REGION");
            assertThat(e.problems().get(1)).startsWith("account: not in agc.yaml")
                    .contains("set `account:` in agc.yaml or configure AWS credentials");
        }
    }
}
