package dev.agcinfra.audit.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.audit.security.SecurityGroupItem.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules, pure: resources built in code, findings out. */
class SecurityRulesTest {

    static final Target LIVE = Target.live("eu-west-1");
    static final Target STACK = Target.synthesized("agc-core-eu-west-1", "eu-west-1");

    static SecurityGroupItem group(Role role, Permission... permissions) {
        return new SecurityGroupItem("sg-1", role == Role.DEFAULT ? "default" : "agc-endpoints-1", "vpc-1",
                List.of("10.0.0.0/16"), role, List.of(permissions), Map.of(), null);
    }

    static Permission in(String protocol, int from, int to, String source) {
        return new Permission(true, protocol, from, to, source, null);
    }

    static List<String> rules(List<Finding> findings) {
        return findings.stream().map(f -> f.rule().id() + " " + f.severity().id()).toList();
    }

    @Test
    void aRuleOpenToTheInternetIsOneHighFindingEvenInTheDefaultOrEndpointGroup() {
        Permission ssh = in("tcp", 22, 22, "0.0.0.0/0");

        assertThat(rules(SecurityRules.check(group(Role.OTHER, ssh), LIVE))).containsExactly("agc-sg-open-ingress high");
        assertThat(rules(SecurityRules.check(group(Role.DEFAULT, ssh), LIVE))).containsExactly("agc-sg-open-ingress high");
        assertThat(rules(SecurityRules.check(group(Role.ENDPOINTS, ssh), LIVE)))
                .containsExactly("agc-sg-open-ingress high");
    }

    @Test
    void theEquivalentRulesOfAnOpenIngressFollowItsPorts() {
        assertThat(SecurityRules.check(group(Role.OTHER, in("tcp", 22, 22, "::/0")), LIVE).get(0).references())
                .containsExactly("CKV_AWS_24", "AVD-AWS-0107");
        assertThat(SecurityRules.check(group(Role.OTHER, in("tcp", 3389, 3389, "0.0.0.0/0")), LIVE).get(0).references())
                .containsExactly("CKV_AWS_25", "AVD-AWS-0107");
        assertThat(SecurityRules.check(group(Role.OTHER, in("-1", 0, 0, "0.0.0.0/0")), LIVE).get(0).references())
                .containsExactly("CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_260", "CKV_AWS_277", "AVD-AWS-0107");
        assertThat(SecurityRules.check(group(Role.OTHER, in("tcp", 443, 443, "0.0.0.0/0")), LIVE).get(0).references())
                .containsExactly("AVD-AWS-0107");
    }

    @Test
    void theDefaultGroupWithAnyRuleInOrOutIsAMediumFinding() {
        Permission out = new Permission(false, "-1", -1, -1, "0.0.0.0/0", null);
        List<Finding> findings = SecurityRules.check(group(Role.DEFAULT, out, in("tcp", 443, 443, "sg-2")), LIVE);

        assertThat(rules(findings)).containsExactly("agc-sg-default-rules medium");
        assertThat(findings.get(0).message()).isEqualTo("default security group sg-1 in vpc-1 has 2 rules: all "
                + "traffic to 0.0.0.0/0, tcp/443 from sg-2");
        assertThat(findings.get(0).fix()).startsWith("remove every rule: aws ec2 revoke-security-group-egress "
                + "--region eu-west-1 --group-id sg-1 --ip-permissions 'IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]'; "
                + "aws ec2 revoke-security-group-ingress --region eu-west-1 --group-id sg-1 --ip-permissions "
                + "'IpProtocol=tcp,FromPort=443,ToPort=443,UserIdGroupPairs=[{GroupId=sg-2}]'");
        assertThat(SecurityRules.check(group(Role.DEFAULT), LIVE)).isEmpty();
    }

    @Test
    void theEndpointGroupMayAdmitTcp443FromTheVpcOrPartOfItAndNothingElse() {
        assertThat(SecurityRules.check(group(Role.ENDPOINTS, in("tcp", 443, 443, "10.0.0.0/16"),
                in("tcp", 443, 443, "10.0.96.0/19")), LIVE)).isEmpty();

        List<Finding> findings = SecurityRules.check(group(Role.ENDPOINTS, in("tcp", 443, 443, "10.0.0.0/16"),
                in("tcp", 80, 80, "10.0.0.0/16"), in("tcp", 443, 443, "192.168.0.0/16"), in("tcp", 443, 443,
                        "sg-9")), LIVE);
        assertThat(rules(findings)).containsExactly("agc-sg-endpoints-https-only medium");
        assertThat(findings.get(0).message()).endsWith("admits more than TCP 443 from the VPC's CIDR: tcp/80 from "
                + "10.0.0.0/16, tcp/443 from 192.168.0.0/16, tcp/443 from sg-9");
        assertThat(SecurityRules.check(group(Role.OTHER, in("tcp", 80, 80, "10.0.0.0/16")), LIVE)).isEmpty();
    }

    static BucketSettings bucket(BucketSettings.Role role, BucketSettings.PublicAccess access, String policy,
            String sse, String ownership, String versioning) {
        return new BucketSettings("b", "b", role, access, policy, List.of("arn:aws:s3:::b"), sse, null, ownership,
                versioning, Map.of());
    }

    static final BucketSettings.PublicAccess ALL = new BucketSettings.PublicAccess(true, true, true, true);
    static final String TLS = SecureRegion.tlsOnlyPolicy("b", "x");

    @Test
    void aBucketAsAgcInfraMakesItPassesAndEachMissingProtectionIsItsOwnFinding() {
        assertThat(SecurityRules.check(bucket(BucketSettings.Role.STATE, ALL, TLS, "AES256", "BucketOwnerEnforced",
                "Enabled"), LIVE)).isEmpty();

        List<Finding> findings = SecurityRules.check(bucket(BucketSettings.Role.STATE,
                new BucketSettings.PublicAccess(true, false, true, false), null, null, null, "Suspended"), LIVE);

        assertThat(rules(findings)).containsExactly("agc-s3-public-access-block high", "agc-s3-tls-only high",
                "agc-s3-encryption high", "agc-s3-object-ownership low", "agc-s3-state-versioning high");
        assertThat(findings.get(0).message()).isEqualTo("state bucket b does not block all public access: "
                + "IgnorePublicAcls, RestrictPublicBuckets off");
        assertThat(findings.get(0).references()).containsExactly("CKV_AWS_55", "CKV_AWS_56");
        assertThat(findings.get(4).fix()).isEqualTo("aws s3api put-bucket-versioning --bucket b "
                + "--versioning-configuration Status=Enabled (agc-infra account activate also turns it on)");
    }

    @Test
    void aResultsBucketNeedsNoVersioning() {
        assertThat(SecurityRules.check(bucket(BucketSettings.Role.RESULTS, ALL, TLS, "aws:kms", "BucketOwnerEnforced",
                null), LIVE)).isEmpty();
    }

    @Test
    void theTableWithoutPointInTimeRecoveryIsMediumWithItsCommand() {
        List<Finding> findings = SecurityRules.check(new TableItem("Agc", false, "PAY_PER_REQUEST", "PK", "SK",
                Map.of()), LIVE);

        assertThat(rules(findings)).containsExactly("agc-dynamodb-pitr medium");
        assertThat(findings.get(0).fix()).isEqualTo("aws dynamodb update-continuous-backups --region eu-west-1 "
                + "--table-name Agc --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true "
                + "(terraform apply of agc-core-eu-west-1 also turns it back on)");
        assertThat(findings.get(0).references()).containsExactly("CKV_AWS_28", "dynamodb-pitr-enabled");
    }

    @Test
    void onlyAPrivateSubnetMappingPublicAddressesIsAFinding() {
        assertThat(rules(SecurityRules.check(new SubnetItem("subnet-1", "vpc-1", "10.0.96.0/19",
                SubnetItem.Type.PRIVATE, true, Map.of()), LIVE))).containsExactly("agc-subnet-private-public-ip high");
        assertThat(SecurityRules.check(new SubnetItem("subnet-2", "vpc-1", "10.0.0.0/19", SubnetItem.Type.PUBLIC,
                true, Map.of()), LIVE)).isEmpty();
        assertThat(SecurityRules.check(new SubnetItem("subnet-3", "vpc-1", "10.0.0.0/19", SubnetItem.Type.UNKNOWN,
                true, Map.of()), LIVE)).isEmpty();
    }

    @Test
    void aVpcInPublicSubnetModeIsInfoAndWithoutFlowLogsLow() {
        assertThat(rules(SecurityRules.check(new VpcItem("vpc-1", "10.0.0.0/16", false, true, Map.of()), LIVE)))
                .containsExactly("agc-subnet-public-mode info", "agc-vpc-flow-logs low");
        assertThat(SecurityRules.check(new VpcItem("vpc-1", "10.0.0.0/16", true, false, Map.of()), LIVE)).isEmpty();
    }

    @Test
    void onlyAnInterfaceEndpointNeedsPrivateDnsAndTheFixIsWordedForTheStackOffline() {
        List<Finding> findings = SecurityRules.check(new EndpointItem("aws_vpc_endpoint.endpoints_logs", "aws_vpc.vpc",
                "com.amazonaws.eu-west-1.logs", "Interface", false, Map.of()), STACK);

        assertThat(rules(findings)).containsExactly("agc-endpoint-private-dns medium");
        assertThat(findings.get(0).fix()).isEqualTo("set private_dns_enabled = true on aws_vpc_endpoint.endpoints_logs");
        assertThat(findings.get(0).stack()).isEqualTo("agc-core-eu-west-1");
        assertThat(SecurityRules.check(new EndpointItem("vpce-1", "vpc-1", "com.amazonaws.eu-west-1.s3", "Gateway",
                false, Map.of()), LIVE)).isEmpty();
    }

    @Test
    void cidrsWithinTheVpc() {
        assertThat(Cidrs.within("10.0.96.0/19", "10.0.0.0/16")).isTrue();
        assertThat(Cidrs.within("10.0.0.0/16", "10.0.0.0/16")).isTrue();
        assertThat(Cidrs.within("10.0.0.0/8", "10.0.0.0/16")).isFalse();
        assertThat(Cidrs.within("10.1.0.0/16", "10.0.0.0/16")).isFalse();
        assertThat(Cidrs.within("${aws_vpc.vpc.cidr_block}", "${aws_vpc.vpc.cidr_block}")).isTrue();
        assertThat(Cidrs.within("sg-1", "10.0.0.0/16")).isFalse();
    }
}
