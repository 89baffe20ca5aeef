package dev.agcinfra.audit.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.testing.AwsCli;
import dev.agcinfra.audit.testing.CliRun;
import dev.agcinfra.testing.MotoServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** The live {@code security} job in-process against moto: a region as agc-infra deploys it, then tampered with. */
class SecurityMotoTest {

    static final String REGION = "us-east-1";

    MotoServer moto;
    SecureRegion region;

    @BeforeEach
    void cleanAccount() {
        moto = MotoServer.get();
        moto.reset();
        region = new SecureRegion(moto.endpoint(), REGION);
    }

    CliRun security(String... more) {
        return securityIn(REGION, more);
    }

    CliRun securityIn(String regions, String... more) {
        List<String> args = new ArrayList<>(List.of("security", "--regions", regions, "--endpoint-url",
                moto.endpoint().toString(), "--format", "json"));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(new String[0]));
    }

    /** {@code severity rule id} of every finding. */
    static List<String> findings(CliRun run) {
        List<String> findings = new ArrayList<>();
        SynthFixture.read(run.out()).get("findings").forEach(f -> findings.add(f.get("severity").asText() + " "
                + f.get("rule").asText() + " " + f.get("id").asText()));
        return findings;
    }

    @Test
    void aRegionAsAgcInfraDeploysItHasNoFindingAboveLowAndExitsZero() {
        region.deploy();

        CliRun run = security();

        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(ExitCode.OK);
        assertThat(findings(run)).containsExactly("low agc-vpc-flow-logs " + region.vpc);
        JsonNode summary = SynthFixture.read(run.out()).get("summary");
        // the VPC, 4 subnets, 2 endpoints, 2 security groups, the results and state buckets, the table
        assertThat(summary.get("resources").asInt()).isEqualTo(12);
    }

    @Test
    void eachTamperingGivesOneFindingWithItsRuleSeverityAndResourceAndExitsOne() {
        region.deploy();
        region.openSshToTheInternet();
        region.ruleOnTheDefaultGroup();
        region.unblockPublicAccess();
        region.replacePolicyWithoutTlsOnly();
        region.pointInTimeRecoveryOff();

        CliRun run = security();

        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(ExitCode.FINDINGS);
        assertThat(findings(run)).containsExactly(
                "high agc-s3-public-access-block " + region.bucket,
                "high agc-s3-tls-only " + region.bucket,
                "high agc-sg-open-ingress " + region.endpointGroup,
                "medium agc-sg-default-rules " + region.defaultGroup,
                "medium agc-dynamodb-pitr Agc",
                "low agc-vpc-flow-logs " + region.vpc);
        JsonNode open = SynthFixture.read(run.out()).get("findings").get(2);
        assertThat(open.get("region").asText()).isEqualTo(REGION);
        assertThat(open.get("resourceType").asText()).isEqualTo("aws_security_group");
        assertThat(open.get("message").asText()).isEqualTo("endpoint security group " + region.endpointGroup
                + " (agc-endpoints-20261203) in " + region.vpc + " admits the internet: tcp/22 from 0.0.0.0/0");
        assertThat(open.get("fix").asText()).startsWith("aws ec2 revoke-security-group-ingress --region us-east-1 "
                + "--group-id " + region.endpointGroup + " --ip-permissions "
                + "'IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]'");
        assertThat(open.get("references")).extracting(JsonNode::asText).containsExactly("CKV_AWS_24", "AVD-AWS-0107");
    }

    @Test
    void theFixCommandOfAFindingRemovesItWhenRunWithTheAwsCliAsAnOperatorWould() throws Exception {
        region.deploy();
        region.openSshToTheInternet();
        JsonNode open = SynthFixture.read(security().out()).get("findings").get(0);
        assertThat(open.get("rule").asText()).isEqualTo("agc-sg-open-ingress");
        String fix = open.get("fix").asText();
        String command = fix.substring(0, fix.indexOf(';'));

        List<String> args = new ArrayList<>();
        java.util.regex.Matcher word = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(command);
        while (word.find()) {
            args.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
        assertThat(args.subList(0, 2)).containsExactly("aws", "ec2");
        // The AWS CLI is on the build machines and CI, where its absence fails (as in ResourcesMotoTest); skipped elsewhere.
        if (System.getenv("CI") != null) {
            assertThat(AwsCli.available()).as("the AWS CLI ('aws') on the PATH (CI must have it)").isTrue();
        }
        Assumptions.assumeTrue(AwsCli.available(), "the AWS CLI ('aws') is not on the PATH");
        AwsCli.run(moto.endpoint().toString(), REGION,
                args.subList(1, args.size()).toArray(new String[0]));

        CliRun after = security();
        assertThat(after.status()).isEqualTo(ExitCode.OK);
        assertThat(findings(after)).containsExactly("low agc-vpc-flow-logs " + region.vpc);
    }

    @Test
    void withTheSynthesizedStacksAResourceChangedOutsideTerraformOrUntaggedIsDrift() {
        // The state bucket without the TLS-only statement, so that moto lets agc-audit read the state (see SecureRegion).
        region.deployWithReadableState();
        String stateBucketFinding = "high agc-s3-tls-only " + region.stateBucket;
        CliRun clean = security("--synth", SynthFixture.example().toString());
        assertThat(clean.err()).isEmpty();
        assertThat(findings(clean)).containsExactly(stateBucketFinding, "low agc-vpc-flow-logs " + region.vpc);

        try (S3Client s3 = region.s3(); Ec2Client ec2 = region.ec2()) {
            s3.putBucketEncryption(r -> r.bucket(region.bucket).serverSideEncryptionConfiguration(c -> c.rules(
                    rule -> rule.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256))
                            .bucketKeyEnabled(false))));
            ec2.deleteTags(r -> r.resources(region.privateSubnets.get(0)).tags(t -> t.key("agc-version")));
        }
        CliRun run = security("--synth", SynthFixture.example().toString(), "--fail-on", "none");

        assertThat(run.status()).isEqualTo(ExitCode.OK);
        assertThat(findings(run)).containsExactly(
                stateBucketFinding,
                "medium agc-drift-attributes " + region.bucket,
                "low agc-drift-tags " + region.privateSubnets.get(0),
                "low agc-vpc-flow-logs " + region.vpc);
        JsonNode drift = SynthFixture.read(run.out()).get("findings").get(1);
        assertThat(drift.get("message").asText()).isEqualTo("results bucket " + region.bucket
                + " (aws_s3_bucket.results_bucket in agc-data-us-east-1) differs from its synthesized stack: "
                + "sse_algorithm is AES256, synthesized aws:kms; bucket_key_enabled is false, synthesized true");
        JsonNode tags = SynthFixture.read(run.out()).get("findings").get(2);
        assertThat(tags.get("message").asText()).isEqualTo("private subnet " + region.privateSubnets.get(0)
                + " (aws_subnet.vpc_private_subnet1 in agc-core-us-east-1) has no agc-version tag");
        assertThat(tags.get("fix").asText()).isEqualTo("terraform apply of agc-core-us-east-1 puts the provider's "
                + "default_tags back");
    }

    @Test
    void withoutTheSynthesizedStacksOnlyTheTagsOfWhatAgcInfraCreatedAreChecked() {
        region.deployWithReadableState();
        try (S3Client s3 = region.s3(); Ec2Client ec2 = region.ec2()) {
            s3.putBucketEncryption(r -> r.bucket(region.bucket).serverSideEncryptionConfiguration(c -> c.rules(
                    rule -> rule.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
            ec2.deleteTags(r -> r.resources(region.vpc).tags(t -> t.key("application-name")));
        }

        CliRun run = security("--fail-on", "none");

        assertThat(run.err()).isEmpty();
        assertThat(findings(run)).containsExactly("high agc-s3-tls-only " + region.stateBucket,
                "low agc-vpc-flow-logs " + region.vpc, "low agc-drift-tags " + region.vpc);
    }

    @Test
    void theStateBucketWithoutVersioningIsAHighFinding() {
        region.deploy();
        try (S3Client s3 = region.s3()) {
            s3.putBucketVersioning(r -> r.bucket(region.stateBucket).versioningConfiguration(v -> v.status("Suspended")));
        }

        CliRun run = security();

        assertThat(run.status()).isEqualTo(ExitCode.FINDINGS);
        assertThat(findings(run)).contains("high agc-s3-state-versioning " + region.stateBucket);
    }

    @Test
    void aRegionWithoutAgcHasNothingToCheck() {
        region.deploy();

        CliRun run = securityIn("eu-west-1");

        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(ExitCode.OK);
        assertThat(findings(run)).isEmpty();
        assertThat(SynthFixture.read(run.out()).get("summary").get("resources").asInt()).isZero();
    }
}
