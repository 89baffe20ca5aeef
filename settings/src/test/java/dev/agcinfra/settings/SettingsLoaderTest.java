package dev.agcinfra.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

    @TempDir
    Path dir;

    private Settings load(String yaml, AwsDefaults aws) throws IOException {
        Files.writeString(dir.resolve("agc.yaml"), yaml);
        return new SettingsLoader(dir, Map.of()).load(aws);
    }

    @Nested
    class Defaults {

        @Test
        void aMissingFileMeansOneDefaultRegionWithAllDefaultsFromTheAwsConfiguration() {
            // Given no agc.yaml, and AWS credentials and a default region
            FakeAws aws = FakeAws.standard();

            // When
            Settings settings = new SettingsLoader(dir, Map.of()).load(aws);

            // Then
            assertThat(settings.account()).isEqualTo("111122223333");
            assertThat(settings.stateBucketPattern()).isEqualTo(Settings.DEFAULT_STATE_BUCKET);
            assertThat(settings.stateBucket("us-west-2")).isEqualTo("agc-tfstate-111122223333-us-west-2");
            assertThat(settings.tags()).isEmpty();
            assertThat(settings.regions()).containsExactly(RegionSettings.defaults("us-west-2", "111122223333"));
            RegionSettings region = settings.regions().get(0);
            assertThat(region.bucket()).isEqualTo("agc-111122223333-us-west-2");
            assertThat(region.createBucket()).isTrue();
            assertThat(region.vpcMode()).isEqualTo(VpcMode.PRIVATE_SUBNETS);
            assertThat(aws.accountCalls).hasValue(1);
            assertThat(aws.accountAskedIn).isEqualTo("us-west-2");
        }

        @Test
        void anEmptyFileMeansAllDefaults() throws IOException {
            // Given / When
            Settings settings = load("# nothing yet\n", FakeAws.standard());

            // Then
            assertThat(settings.regions()).containsExactly(RegionSettings.defaults("us-west-2", "111122223333"));
        }

        @Test
        void anAccountAndRegionsInTheFileNeedNoAwsCall() throws IOException {
            // Given
            FakeAws aws = FakeAws.standard();

            // When
            Settings settings = load("""
                    account: "123456789012"
                    regions:
                      us-east-1: {}
                      eu-west-1:
                    """, aws);

            // Then
            assertThat(settings.account()).isEqualTo("123456789012");
            assertThat(settings.regions()).extracting(RegionSettings::region).containsExactly("us-east-1", "eu-west-1");
            assertThat(settings.regions().get(1)).isEqualTo(RegionSettings.defaults("eu-west-1", "123456789012"));
            assertThat(aws.regionCalls).hasValue(0);
            assertThat(aws.accountCalls).hasValue(0);
        }

        @Test
        void regionsKeepTheirFileOrder() throws IOException {
            // Given
            String yaml = """
                    account: "123456789012"
                    regions: { us-west-2: {}, ap-south-1: {}, eu-central-1: {}, af-south-1: {}, us-east-1: {} }
                    """;

            // When
            Settings settings = load(yaml, FakeAws.standard());

            // Then
            assertThat(settings.regions()).extracting(RegionSettings::region)
                    .containsExactly("us-west-2", "ap-south-1", "eu-central-1", "af-south-1", "us-east-1");
        }

        @Test
        void withoutAnAccountTheAccountIsAskedInTheFirstRegion() throws IOException {
            // Given
            FakeAws aws = FakeAws.standard();

            // When
            Settings settings = load("regions: { eu-north-1: {}, us-east-1: {} }\n", aws);

            // Then
            assertThat(settings.account()).isEqualTo("111122223333");
            assertThat(aws.accountAskedIn).isEqualTo("eu-north-1");
            assertThat(aws.regionCalls).hasValue(0);
        }

        @Test
        void aNamedBucketIsOnlyUsedUnlessCreateBucketIsTrue() throws IOException {
            // Given
            String yaml = """
                    account: "123456789012"
                    regions:
                      us-east-1: { bucket: my-existing-bucket }
                      us-east-2: { bucket: my-new-bucket, createBucket: true }
                      us-west-1: { createBucket: false }
                      us-west-2: {}
                    """;

            // When
            List<RegionSettings> regions = load(yaml, FakeAws.standard()).regions();

            // Then
            assertThat(regions).extracting(RegionSettings::bucket, RegionSettings::createBucket).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("my-existing-bucket", false),
                    org.assertj.core.groups.Tuple.tuple("my-new-bucket", true),
                    org.assertj.core.groups.Tuple.tuple("agc-123456789012-us-west-1", false),
                    org.assertj.core.groups.Tuple.tuple("agc-123456789012-us-west-2", true));
        }

        @Test
        void everyRegionKeyIsRead() throws IOException {
            // Given the issue's own example
            String yaml = """
                    account: "123456789012"          # optional
                    stateBucket: "tfstate-{region}-{account}"
                    tags: { team: genomics, cost-center: "1" }
                    regions:
                      us-east-1: {}
                      eu-west-1:
                        vpc: vpc-0123456789abcdef0
                        subnets: [subnet-0123456789abcdef0, subnet-0fedcba9876543210]
                        bucket: my-existing-bucket
                        createBucket: false
                        ami: ami-0123456789abcdef0
                        usePublicSubnets: false
                        executeApiEndpoint: false
                        tags: { cost-center: "42" }
                      eu-west-2: { usePublicSubnets: true, ami: ami-1234abcd }
                      eu-west-3: { executeApiEndpoint: true, vpc: vpc-12345678, tags: { } }
                    """.replace("eu-west-3: { executeApiEndpoint: true, vpc: vpc-12345678, tags: { } }",
                    "eu-west-3: { executeApiEndpoint: true, tags: { } }");

            // When
            Settings settings = load(yaml, FakeAws.standard());

            // Then
            assertThat(settings.stateBucket("eu-west-1")).isEqualTo("tfstate-eu-west-1-123456789012");
            assertThat(settings.tags()).isEqualTo(Map.of("team", "genomics", "cost-center", "1"));
            RegionSettings own = settings.regions().get(1);
            assertThat(own).isEqualTo(new RegionSettings("eu-west-1", Optional.of("vpc-0123456789abcdef0"),
                    List.of("subnet-0123456789abcdef0", "subnet-0fedcba9876543210"), "my-existing-bucket", false,
                    Optional.of("ami-0123456789abcdef0"), false, false,
                    Map.of("team", "genomics", "cost-center", "42")));
            assertThat(own.vpcMode()).isEqualTo(VpcMode.EXISTING);
            RegionSettings pub = settings.regions().get(2);
            assertThat(pub.vpcMode()).isEqualTo(VpcMode.PUBLIC_SUBNETS);
            assertThat(pub.ami()).contains("ami-1234abcd");
            assertThat(pub.tags()).isEqualTo(settings.tags());
            assertThat(settings.regions().get(3).executeApiEndpoint()).isTrue();
        }

        @Test
        void natGatewaysAndFlowLogsAreReadAndDefaultToANatGatewayPerAzAndNoFlowLog() throws IOException {
            // Given
            String yaml = """
                    account: "123456789012"
                    regions:
                      us-east-1: { natGateways: 1, flowLogs: true }
                      us-east-2: { natGateways: 2, flowLogs: true, flowLogRetentionDays: 365 }
                      us-west-2: {}
                      eu-west-1: { usePublicSubnets: true, flowLogs: true }
                    """;

            // When
            List<RegionSettings> regions = load(yaml, FakeAws.standard()).regions();

            // Then
            assertThat(regions).extracting(RegionSettings::natGateways).containsExactly(NatGateways.of(1),
                    NatGateways.of(2), NatGateways.ONE_PER_AZ, NatGateways.ONE_PER_AZ);
            assertThat(regions).extracting(RegionSettings::flowLogs).containsExactly(true, true, false, true);
            assertThat(regions).extracting(RegionSettings::flowLogRetentionDays).containsExactly(30, 365, 30, 30);
        }

        @Test
        void aTopLevelNatGatewaysIsTheDefaultOfEveryRegionWithNatGatewaysAndARegionsOwnWins() throws IOException {
            // Given
            String yaml = """
                    account: "123456789012"
                    natGateways: 1
                    regions:
                      us-east-1: {}
                      us-east-2: { natGateways: 3 }
                      us-west-1:
                      eu-west-1: { usePublicSubnets: true }
                      eu-west-2: { vpc: vpc-12345678, subnets: [subnet-12345678] }
                    """;

            // When
            List<RegionSettings> regions = load(yaml, FakeAws.standard()).regions();

            // Then the regions without NAT gateways keep none, and are not refused for the default
            assertThat(regions).extracting(RegionSettings::natGateways).containsExactly(NatGateways.of(1),
                    NatGateways.of(3), NatGateways.of(1), NatGateways.ONE_PER_AZ, NatGateways.ONE_PER_AZ);
        }

        @Test
        void natGatewaysRegionalIsReadPerRegionAndAtTheTopLevelAndFitsTwoAzRegions() throws IOException {
            // Given
            String yaml = """
                    account: "123456789012"
                    natGateways: regional
                    regions:
                      us-east-1: {}
                      us-west-1: {}
                      us-east-2: { natGateways: 1 }
                      eu-west-1: { usePublicSubnets: true }
                      eu-west-2: { natGateways: regional, flowLogs: true }
                    """;

            // When
            List<RegionSettings> regions = load(yaml, FakeAws.standard()).regions();

            // Then
            assertThat(regions).extracting(RegionSettings::natGateways).containsExactly(NatGateways.REGIONAL,
                    NatGateways.REGIONAL, NatGateways.of(1), NatGateways.ONE_PER_AZ, NatGateways.REGIONAL);
        }

        @Test
        void aTopLevelNatGatewaysAppliesToTheDefaultRegionAndIsCheckedAgainstItsAzs() throws IOException {
            // Given no regions: the default region comes from the AWS configuration
            Settings oneNat = load("natGateways: 1\n", new FakeAws("eu-west-1", "111122223333"));
            SettingsException tooMany = catchThrowableOfType(SettingsException.class,
                    () -> load("natGateways: 3\n", new FakeAws("us-west-1", "111122223333")));

            // Then
            assertThat(oneNat.regions()).singleElement().extracting(RegionSettings::natGateways)
                    .isEqualTo(NatGateways.of(1));
            assertThat(tooMany.problems()).singleElement().asString().startsWith("agc.yaml: natGateways: 3 is more than "
                    + "the 2 Availability Zones agc-infra uses in us-west-1").contains("(the default region)");
        }

        @Test
        void regionalTagsMergeOverGlobalTags() throws IOException {
            // Given
            String yaml = """
                    account: "123456789012"
                    tags: { team: genomics, owner: alice }
                    regions:
                      us-east-1: { tags: { owner: bob, project: x } }
                      us-east-2: {}
                    """;

            // When
            Settings settings = load(yaml, FakeAws.standard());

            // Then
            assertThat(settings.regions().get(0).tags())
                    .isEqualTo(Map.of("team", "genomics", "owner", "bob", "project", "x"));
            assertThat(settings.regions().get(1).tags()).isEqualTo(Map.of("team", "genomics", "owner", "alice"));
        }

        @Test
        void yamlAnchorsAliasesAndMergeKeysShareSettingsBetweenRegions() throws IOException {
            // Given
            String yaml = """
                    account: "123456789012"
                    regions:
                      us-east-1: &public { usePublicSubnets: true, tags: { tier: cheap } }
                      us-east-2: *public
                      us-west-2:
                        <<: *public
                        bucket: my-bucket-1
                        tags: { tier: special }
                    """;

            // When
            List<RegionSettings> regions = load(yaml, FakeAws.standard()).regions();

            // Then
            assertThat(regions).allMatch(RegionSettings::usePublicSubnets);
            assertThat(regions.get(1).tags()).isEqualTo(Map.of("tier", "cheap"));
            assertThat(regions.get(2).bucket()).isEqualTo("my-bucket-1");
            assertThat(regions.get(2).tags()).as("the mapping's own keys win over merged ones")
                    .isEqualTo(Map.of("tier", "special"));
        }

        @Test
        void unquotedNumbersAreAcceptedAsTheAccountAndAsTagValues() throws IOException {
            // Given / When
            Settings settings = load("""
                    account: 123456789012
                    tags: { cost-center: 42, billable: true }
                    regions: { us-east-1: {} }
                    """, FakeAws.standard());

            // Then
            assertThat(settings.account()).isEqualTo("123456789012");
            assertThat(settings.tags()).isEqualTo(Map.of("cost-center", "42", "billable", "true"));
        }
    }

    @Nested
    class WhereAgcIsInstalled {

        @Test
        void withoutAgcHomeItIsTheUsersDotAgcAsAgcsInstallerPutsIt() throws IOException {
            Settings settings = load("account: \"123456789012\"\n", FakeAws.standard());

            assertThat(settings.agcHome()).isEqualTo(Path.of(System.getProperty("user.home"), ".agc"));
        }

        @Test
        void aRelativeAgcHomeIsRelativeToTheSettingsFilesDirectory() throws IOException {
            Path sub = Files.createDirectories(dir.resolve("conf"));
            Files.writeString(sub.resolve("agc.yaml"), "account: \"123456789012\"\nagcHome: ../runner/agc\n");

            Settings settings = new SettingsLoader(dir, Map.of(SettingsLoader.CONFIG_ENV, "conf/agc.yaml"))
                    .load(FakeAws.standard());

            assertThat(settings.agcHome()).isEqualTo(dir.resolve("runner/agc"));
        }

        @Test
        void aTildeIsTheUsersHomeAndAnAbsolutePathStaysAsItIs() throws IOException {
            assertThat(load("account: \"123456789012\"\nagcHome: ~/tools/agc\n", FakeAws.standard()).agcHome())
                    .isEqualTo(Path.of(System.getProperty("user.home"), "tools", "agc"));
            assertThat(load("account: \"123456789012\"\nagcHome: /opt/agc\n", FakeAws.standard()).agcHome())
                    .isEqualTo(Path.of("/opt/agc"));
        }
    }

    @Nested
    class WhereTheFileIs {

        @Test
        void agcConfigNamesAnotherFileRelativeToTheWorkingDirectory() throws IOException {
            // Given a file elsewhere, and an agc.yaml in the working directory that must be ignored
            Files.createDirectories(dir.resolve("conf"));
            Files.writeString(dir.resolve("conf/prod.yaml"), "account: \"123456789012\"\nregions: { eu-west-2: {} }\n");
            Files.writeString(dir.resolve("agc.yaml"), "regions: { us-east-1: {} }\n");
            SettingsLoader loader = new SettingsLoader(dir, Map.of("AGC_CONFIG", "conf/prod.yaml"));

            // When
            Settings settings = loader.load(FakeAws.standard());

            // Then
            assertThat(loader.settingsFile()).isEqualTo(dir.resolve("conf/prod.yaml").toAbsolutePath().normalize());
            assertThat(settings.regions()).extracting(RegionSettings::region).containsExactly("eu-west-2");
        }

        @Test
        void agcConfigMayBeAnAbsolutePath(@TempDir Path elsewhere) throws IOException {
            // Given
            Path file = elsewhere.resolve("settings.yml");
            Files.writeString(file, "account: \"123456789012\"\nregions: { ca-central-1: {} }\n");

            // When
            Settings settings = new SettingsLoader(dir, Map.of("AGC_CONFIG", file.toString())).load(FakeAws.standard());

            // Then
            assertThat(settings.regions()).extracting(RegionSettings::region).containsExactly("ca-central-1");
        }

        @Test
        void aMissingAgcConfigFileIsAnErrorNotTheDefaults() {
            // Given
            SettingsLoader loader = new SettingsLoader(dir, Map.of("AGC_CONFIG", "nope.yaml"));

            // When
            SettingsException e = catchThrowableOfType(SettingsException.class, () -> loader.load(FakeAws.standard()));

            // Then
            assertThat(e.problems()).singleElement().asString()
                    .startsWith("AGC_CONFIG=nope.yaml: no such file")
                    .contains("fix the path, or unset AGC_CONFIG");
        }

        @Test
        void anAgcYamlThatIsADirectoryIsReported() throws IOException {
            // Given
            Files.createDirectories(dir.resolve("agc.yaml"));

            // When
            SettingsException e = catchThrowableOfType(SettingsException.class,
                    () -> new SettingsLoader(dir, Map.of()).load(FakeAws.standard()));

            // Then
            assertThat(e.problems()).singleElement().asString().startsWith("agc.yaml: is a directory");
        }

        @Test
        @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // opening the pipe would wait forever
        void aNamedPipeAsAgcConfigIsRefusedAtOnceWithoutWaitingForAWriter() throws Exception {
            // Given a FIFO that nothing will ever write to
            Path fifo = dir.resolve("settings.fifo");
            assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "needs mkfifo");

            // When
            SettingsException e = catchThrowableOfType(SettingsException.class,
                    () -> new SettingsLoader(dir, Map.of("AGC_CONFIG", "settings.fifo")).load(FakeAws.standard()));

            // Then
            assertThat(e.problems()).singleElement().asString().isEqualTo("settings.fifo: is a named pipe (FIFO), not a "
                    + "regular file; a settings file is a YAML file: point AGC_CONFIG at one, or save the settings to a "
                    + "file first");
        }

        @Test
        @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // reading /dev/zero would never end
        void aDeviceThatNeverEndsAsAgcConfigIsRefusedAtOnce() {
            assumeTrue(Files.exists(Path.of("/dev/zero")), "needs /dev/zero");

            SettingsException e = catchThrowableOfType(SettingsException.class,
                    () -> new SettingsLoader(dir, Map.of("AGC_CONFIG", "/dev/zero")).load(FakeAws.standard()));

            assertThat(e.problems()).singleElement().asString().startsWith("/dev/zero: is a character device, not a "
                    + "regular file");
        }

        @Test
        void aFileTooLargeToBeSettingsIsRefusedWithItsSizeAndTheLimitWithoutBeingParsed() throws IOException {
            // Given 20 MB: valid settings, then a comment
            Files.writeString(dir.resolve("agc.yaml"), "regions: { us-east-1: {} }\n#" + "x".repeat(20_000_000) + "\n");

            // When
            SettingsException e = catchThrowableOfType(SettingsException.class,
                    () -> new SettingsLoader(dir, Map.of()).load(FakeAws.standard()));

            // Then
            assertThat(e.problems()).singleElement().asString().isEqualTo("agc.yaml: the file has 20000029 bytes (19.1 "
                    + "MiB), more than the 1048576 bytes (1 MiB) a settings file may hold; check that this is the settings "
                    + "file (AGC_CONFIG may name another file)");
        }
    }

    @Nested
    class WhenAwsCannotAnswer {

        @Test
        void neitherAccountNorRegionResolvableGivesBothFixesAtOnce() {
            // Given no file, no credentials and no default region
            FakeAws aws = new FakeAws(null, null);

            // When
            SettingsException e = catchThrowableOfType(SettingsException.class,
                    () -> new SettingsLoader(dir, Map.of()).load(aws));

            // Then
            assertThat(e.problems()).containsExactly(
                    "no default region: set regions: in agc.yaml or AWS_REGION",
                    "no account: set account: in agc.yaml or configure AWS credentials");
        }

        @Test
        void aDefaultRegionThatIsNoRegionIsReported() {
            // Given AWS_REGION=us-east1 (a typo)
            FakeAws aws = new FakeAws("us-east1", "111122223333");

            // When
            SettingsException e = catchThrowableOfType(SettingsException.class,
                    () -> new SettingsLoader(dir, Map.of()).load(aws));

            // Then
            assertThat(e.problems()).singleElement().asString()
                    .startsWith("default region: \"us-east1\" is not an AWS region; did you mean us-east-1?")
                    .contains("AWS_REGION", "set regions: in agc.yaml");
        }

        @Test
        void aStateBucketTemplateIsCheckedForTheDefaultRegionToo() throws IOException {
            // Given a template that is too long once the default region is filled in
            String template = "state-" + "x".repeat(34) + "-{account}-{region}";

            // When
            SettingsException e = catchThrowableOfType(SettingsException.class,
                    () -> load("stateBucket: \"" + template + "\"\n", new FakeAws("ap-southeast-2", "111122223333")));

            // Then
            assertThat(e.problems()).singleElement().asString()
                    .startsWith("agc.yaml: stateBucket: \"" + template + "\" gives \"state-")
                    .contains("in ap-southeast-2", "not 3 to 63");
        }

        @Test
        void aBrokenFileIsReportedWithoutAskingAws() {
            // Given
            FakeAws aws = FakeAws.standard();

            // When
            catchThrowableOfType(SettingsException.class, () -> load("regions: { us-east1: {} }\n", aws));

            // Then
            assertThat(aws.accountCalls).hasValue(0);
            assertThat(aws.regionCalls).hasValue(0);
        }
    }
}
