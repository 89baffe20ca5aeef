package dev.agcinfra.audit.security;

import static dev.agcinfra.audit.security.SynthFixture.resource;
import static dev.agcinfra.audit.security.SynthFixture.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agcinfra.audit.security.SecurityGroupItem.Role;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the rules see in synthesized stacks, and what each change to agc-infra's synth gives. */
class SynthReaderTest {

    @TempDir
    Path dir;

    static SynthStack stack(Path synth, String name) {
        return SynthReader.read(synth).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    static <T extends Checkable> T item(SynthStack stack, Class<T> type, String address) {
        return stack.items().stream().filter(type::isInstance).map(type::cast).filter(i -> i.id().equals(address))
                .findFirst().orElseThrow();
    }

    /** {@code rule severity id} of the stack's findings once {@code change} is applied to it. */
    List<String> findingsAfter(String stackName, Consumer<ObjectNode> change) {
        return stack(SynthFixture.tampered(dir, stackName, change), stackName).findings().stream()
                .map(f -> f.rule().id() + " " + f.severity().id() + " " + f.id()).toList();
    }

    @Test
    void theDefaultCoreStacksNetworkIsReadWithItsReferencesResolved() {
        SynthStack core = stack(SynthFixture.example(), "agc-core-us-east-1");

        assertThat(core.region()).isEqualTo("us-east-1");
        assertThat(core.stateBucket()).isEqualTo("agc-tfstate-123456789012-us-east-1");
        SecurityGroupItem endpoints = item(core, SecurityGroupItem.class, "aws_security_group.endpoints_security_group");
        assertThat(endpoints.role()).isEqualTo(Role.ENDPOINTS);
        assertThat(endpoints.vpcId()).isEqualTo("aws_vpc.vpc");
        assertThat(endpoints.permissions()).containsExactly(new Permission(true, "tcp", 443, 443, "10.0.0.0/16",
                "aws_vpc_security_group_ingress_rule.endpoints_https_from_vpc"));
        SecurityGroupItem defaultGroup = item(core, SecurityGroupItem.class,
                "aws_default_security_group.vpc_default_security_group");
        assertThat(defaultGroup.role()).isEqualTo(Role.DEFAULT);
        assertThat(defaultGroup.permissions()).isEmpty();
        assertThat(core.items()).filteredOn(EndpointItem.class::isInstance).map(EndpointItem.class::cast)
                .filteredOn(EndpointItem::isInterface).hasSize(7).allMatch(EndpointItem::privateDns);
        assertThat(core.items()).filteredOn(SubnetItem.class::isInstance).map(SubnetItem.class::cast)
                .extracting(s -> s.type() + " " + s.mapPublicIpOnLaunch()).containsExactlyInAnyOrder(
                        "PUBLIC true", "PUBLIC true", "PUBLIC true", "PRIVATE false", "PRIVATE false", "PRIVATE false");
        assertThat(item(core, TableItem.class, "aws_dynamodb_table.table").pointInTimeRecovery()).isTrue();
        assertThat(core.locations().get("aws_vpc.vpc").line()).isPositive();
    }

    @Test
    void theResultsBucketIsReadWithTheResourcesThatProtectIt() {
        BucketSettings bucket = item(stack(SynthFixture.example(), "agc-data-us-east-1"), BucketSettings.class,
                "aws_s3_bucket.results_bucket");

        assertThat(bucket.name()).isEqualTo("agc-123456789012-us-east-1");
        assertThat(bucket.publicAccess().off()).isEmpty();
        assertThat(TlsOnlyPolicy.check(bucket.policy(), bucket.arns()).tlsOnly()).isTrue();
        assertThat(bucket.attributes()).containsExactly(java.util.Map.entry("sse_algorithm", "aws:kms"),
                java.util.Map.entry("bucket_key_enabled", "true"));
        assertThat(bucket.objectOwnership()).isEqualTo("BucketOwnerEnforced");
    }

    @Test
    void theContractsObjectsExportStackAndParametersAreNotResourcesTheRulesJudge() {
        SynthStack core = stack(SynthFixture.example(), "agc-core-us-east-1");

        assertThat(core.locations()).containsKeys("aws_cloudformation_stack.wes_adapter_export",
                "aws_s3_object.artifacts_wes_adapter", "aws_ssm_parameter.parameters_bucket");
        assertThat(core.items()).extracting(Checkable::resourceType).doesNotContain("aws_s3_object",
                "aws_cloudformation_stack", "aws_ssm_parameter");
        assertThat(core.findings()).extracting(Finding::id).containsExactly("aws_vpc.vpc");
    }

    @Test
    void inlineRulesAndLegacyRuleResourcesOpenToTheInternetAreHigh() {
        assertThat(findingsAfter("agc-core-us-east-1", stack -> resource(stack, "aws_security_group",
                "endpoints_security_group").putArray("ingress").addObject().put("protocol", "tcp")
                .put("from_port", 3389).put("to_port", 3389).putArray("cidr_blocks").add("0.0.0.0/0")))
                .contains("agc-sg-open-ingress high aws_security_group.endpoints_security_group");
        assertThat(findingsAfter("agc-core-us-east-1", stack -> resources(stack, "aws_security_group_rule")
                .putObject("all_v6").put("type", "ingress").put("protocol", "-1").put("from_port", 0)
                .put("to_port", 0).put("security_group_id", "${aws_default_security_group.vpc_default_security_group.id}")
                .putArray("ipv6_cidr_blocks").add("::/0")))
                .contains("agc-sg-open-ingress high aws_default_security_group.vpc_default_security_group")
                .doesNotContain("agc-sg-default-rules medium aws_default_security_group.vpc_default_security_group");
    }

    @Test
    void aDefaultGroupWithAnEgressBlockOrNoDefaultGroupAtAllIsMedium() {
        assertThat(findingsAfter("agc-core-us-east-1", stack -> resource(stack, "aws_default_security_group",
                "vpc_default_security_group").putArray("egress").addObject().put("protocol", "-1")
                .put("from_port", 0).put("to_port", 0).putArray("cidr_blocks").add("0.0.0.0/0")))
                .contains("agc-sg-default-rules medium aws_default_security_group.vpc_default_security_group");
        List<String> unadopted = findingsAfter("agc-core-eu-west-1", stack -> stack.withObjectProperty("resource")
                .remove("aws_default_security_group"));
        assertThat(unadopted).contains("agc-sg-default-rules medium aws_vpc.vpc");
    }

    @Test
    void eachBucketProtectionTakenOutOfTheDataStackIsItsFinding() {
        String bucket = "aws_s3_bucket.results_bucket";
        assertThat(findingsAfter("agc-data-us-east-1", stack -> resource(stack, "aws_s3_bucket_public_access_block",
                "results_bucket_public_access_block").put("block_public_policy", false)))
                .containsExactly("agc-s3-public-access-block high " + bucket);
        assertThat(findingsAfter("agc-data-us-east-1", stack -> stack.withObjectProperty("resource")
                .remove("aws_s3_bucket_policy"))).containsExactly("agc-s3-tls-only high " + bucket);
        assertThat(findingsAfter("agc-data-us-east-1", stack -> resource(stack, "aws_s3_bucket_policy",
                "results_bucket_policy").put("policy", "${data.aws_iam_policy_document.results.json}")))
                .containsExactly("agc-s3-tls-only high " + bucket);
        assertThat(findingsAfter("agc-data-us-east-1", stack -> stack.withObjectProperty("resource")
                .remove("aws_s3_bucket_server_side_encryption_configuration")))
                .containsExactly("agc-s3-encryption high " + bucket);
        assertThat(findingsAfter("agc-data-us-east-1", stack -> stack.withObjectProperty("resource")
                .remove("aws_s3_bucket_ownership_controls"))).containsExactly("agc-s3-object-ownership low " + bucket);
    }

    @Test
    void theTableSubnetsAndEndpointsChangedOneByOne() {
        assertThat(findingsAfter("agc-core-us-east-1", stack -> resource(stack, "aws_dynamodb_table", "table")
                .putObject("point_in_time_recovery").put("enabled", false)))
                .contains("agc-dynamodb-pitr medium aws_dynamodb_table.table");
        assertThat(findingsAfter("agc-core-us-east-1", stack -> resource(stack, "aws_subnet", "vpc_private_subnet2")
                .put("map_public_ip_on_launch", true)))
                .contains("agc-subnet-private-public-ip high aws_subnet.vpc_private_subnet2");
        assertThat(findingsAfter("agc-core-us-east-1", stack -> resource(stack, "aws_vpc_endpoint", "endpoints_ecr_api")
                .remove("private_dns_enabled")))
                .contains("agc-endpoint-private-dns medium aws_vpc_endpoint.endpoints_ecr_api");
    }

    @Test
    void aFlowLogOnTheVpcMakesTheLowFindingGo() {
        assertThat(findingsAfter("agc-core-us-east-1", stack -> resources(stack, "aws_flow_log").putObject("vpc")
                .put("vpc_id", "${aws_vpc.vpc.id}").put("traffic_type", "ALL")
                .put("log_destination", "arn:aws:s3:::flow-logs"))).isEmpty();
    }

    @Test
    void blocksGivenAsArraysOfObjectsAreReadLikeObjects() {
        String json = "{\"resource\":[{\"aws_vpc\":{\"v\":[{\"cidr_block\":\"10.1.0.0/16\"}]}}]}";

        assertThat(JsonLines.resources(json)).containsEntry("aws_vpc.v", 1);
        assertThat(SynthReader.blocks(SynthFixture.read("[{\"a\":1},{\"b\":2}]"))).hasSize(2);
        assertThat(SynthReader.resolveId("${data.aws_vpc.vpc.id}")).isEqualTo("data.aws_vpc.vpc");
        assertThat(SynthReader.resolveId("vpc-0123")).isEqualTo("vpc-0123");
    }
}
