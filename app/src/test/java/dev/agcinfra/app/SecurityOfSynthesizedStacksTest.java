package dev.agcinfra.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.audit.security.Finding;
import dev.agcinfra.audit.security.Rule;
import dev.agcinfra.audit.security.Severity;
import dev.agcinfra.audit.security.SynthReader;
import dev.agcinfra.audit.security.SynthStack;
import dev.agcinfra.testing.FakeAgcInstallation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit's security rules on what this app really synthesizes from the example settings (examples/agc.yaml: a
 * default region, a public-subnet region and an own-VPC region with an existing bucket), with an AGC installation so
 * that the contract's resources (S3 objects, the export stack) are in: nothing above low.
 *
 * <p>It also keeps the audit's fixture of this synth ({@code audit/src/test/resources/security/example-cdktf.out})
 * current: after an intended change, run {@code mvn -pl app -am test -Dtest=SecurityOfSynthesizedStacksTest
 * -Dsecurity.fixture.update=true -Dsurefire.failIfNoSpecifiedTests=false} and review the diff.
 */
class SecurityOfSynthesizedStacksTest {

    static final Path FIXTURE = Path.of("../audit/src/test/resources/security/example-cdktf.out");
    /** How the fixture writes the fake AGC installation's path, so that it does not depend on where the test ran. */
    static final String AGC_HOME = "/home/agc-user/.agc";

    @TempDir
    static Path dir;
    static Path outdir;
    static Path agcHome;

    @BeforeAll
    static void synthesizeTheExample() throws IOException {
        agcHome = FakeAgcInstallation.create(dir.resolve(".agc")).home();
        outdir = OfflineSynth.cdktfOut(dir, Files.readString(Path.of("../examples/agc.yaml"))
                + "\nagcHome: " + agcHome + "\n");
    }

    @Test
    void theExampleSettingsStacksHaveNoFindingAboveLowOnlyTheFlowLogChoiceAndAgcsPublicSubnetWarning() {
        List<SynthStack> stacks = SynthReader.read(outdir);
        List<Finding> findings = stacks.stream().flatMap(s -> s.findings().stream()).toList();

        assertThat(stacks).extracting(SynthStack::name).contains("agc-core-us-east-1", "agc-data-us-east-1",
                "agc-core-eu-west-1", "agc-data-eu-west-1", "agc-core-us-west-2");
        assertThat(findings).noneMatch(f -> f.severity().atLeast(Severity.MEDIUM));
        assertThat(findings).extracting(f -> f.rule() + " " + f.stack() + " " + f.id()).containsExactlyInAnyOrder(
                Rule.VPC_FLOW_LOGS + " agc-core-us-east-1 aws_vpc.vpc",
                Rule.VPC_FLOW_LOGS + " agc-core-eu-west-1 aws_vpc.vpc",
                Rule.SUBNET_PUBLIC_MODE + " agc-core-eu-west-1 aws_vpc.vpc");
    }

    @Test
    void withFlowLogsTheFlowLogFindingGoesInBothModesOfANewVpcAndNothingElseIsFound(@TempDir Path other)
            throws IOException {
        // Given the example's regions, the two with a new VPC with flowLogs: true
        Path withFlowLogs = OfflineSynth.cdktfOut(other, """
                account: "123456789012"
                regions:
                  us-east-1: { flowLogs: true }
                  eu-west-1: { usePublicSubnets: true, flowLogs: true, flowLogRetentionDays: 90 }
                """);

        // When
        List<Finding> findings = SynthReader.read(withFlowLogs).stream().flatMap(s -> s.findings().stream()).toList();

        // Then only AGC's public-subnet warning is left
        assertThat(findings).extracting(f -> f.rule() + " " + f.stack() + " " + f.id()).containsExactly(
                Rule.SUBNET_PUBLIC_MODE + " agc-core-eu-west-1 aws_vpc.vpc");
    }

    @Test
    void aRegionalNatGatewayChangesNoFindingAndTheRulesSeeTheSameNetwork(@TempDir Path other) throws IOException {
        // Given the default region with natGateways: regional
        Path regional = OfflineSynth.cdktfOut(other, """
                account: "123456789012"
                regions: { us-east-1: { natGateways: regional } }
                """);

        // When
        List<SynthStack> stacks = SynthReader.read(regional);
        SynthStack core = stacks.stream().filter(s -> s.name().equals("agc-core-us-east-1")).findFirst().orElseThrow();

        // Then the findings are those of the zonal default: only the flow log choice, nothing above low
        assertThat(stacks.stream().flatMap(s -> s.findings().stream()))
                .extracting(f -> f.rule() + " " + f.stack() + " " + f.id())
                .containsExactly(Rule.VPC_FLOW_LOGS + " agc-core-us-east-1 aws_vpc.vpc");
        // and the same public and private subnets are checked: the VPC is not taken for a public-subnet one
        assertThat(core.items()).filteredOn(i -> i.resourceType().equals("aws_subnet")).hasSize(6);
        assertThat(core.findings()).noneMatch(f -> f.rule() == Rule.SUBNET_PUBLIC_MODE
                || f.rule() == Rule.SUBNET_PRIVATE_PUBLIC_IP);
    }

    @Test
    void theRulesSawTheNetworkTheBucketsAndTheTableOfEveryMode() {
        Map<String, List<String>> types = SynthReader.read(outdir).stream().collect(java.util.stream.Collectors.toMap(
                SynthStack::name, s -> s.items().stream().map(i -> i.resourceType()).distinct().sorted().toList()));

        assertThat(types.get("agc-core-us-east-1")).containsExactly("aws_default_security_group",
                "aws_dynamodb_table", "aws_security_group", "aws_subnet", "aws_vpc", "aws_vpc_endpoint");
        assertThat(types.get("agc-core-eu-west-1")).containsExactly("aws_default_security_group",
                "aws_dynamodb_table", "aws_subnet", "aws_vpc");
        assertThat(types.get("agc-core-us-west-2")).containsExactly("aws_dynamodb_table");
        assertThat(types.get("agc-data-us-east-1")).containsExactly("aws_s3_bucket");
        assertThat(types.get("agc-data-eu-west-1")).containsExactly("aws_s3_bucket");
        assertThat(types).doesNotContainKey("agc-data-us-west-2");
    }

    @Test
    void theAuditsFixtureIsWhatTheAppSynthesizesFromTheExample() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(outdir)) {
            files = walk.filter(Files::isRegularFile).map(outdir::relativize).sorted().toList();
        }
        if (Boolean.getBoolean("security.fixture.update")) {
            if (Files.exists(FIXTURE)) {
                try (Stream<Path> old = Files.walk(FIXTURE)) {
                    old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            for (Path file : files) {
                Files.createDirectories(FIXTURE.resolve(file).getParent());
                Files.writeString(FIXTURE.resolve(file), normalized(outdir.resolve(file)));
            }
        }
        assertThat(FIXTURE).as("fixture; create it with -Dsecurity.fixture.update=true").isDirectory();
        try (Stream<Path> walk = Files.walk(FIXTURE)) {
            assertThat(walk.filter(Files::isRegularFile).map(FIXTURE::relativize).sorted().toList())
                    .as("files of the fixture; update it with -Dsecurity.fixture.update=true").isEqualTo(files);
        }
        for (Path file : files) {
            assertThat(Files.readString(FIXTURE.resolve(file)))
                    .as(file + " of the fixture; update it with -Dsecurity.fixture.update=true")
                    .isEqualTo(normalized(outdir.resolve(file)));
        }
    }

    private static String normalized(Path file) throws IOException {
        return Files.readString(file).replace(agcHome.toString(), AGC_HOME);
    }
}
