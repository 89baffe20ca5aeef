package dev.agcinfra.app.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agcinfra.modules.provider.AwsProviderVersion;
import dev.agcinfra.settings.NatGateways;
import dev.agcinfra.settings.RegionSettings;
import dev.agcinfra.testing.FakeAgcInstallation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every stack agc-infra synthesizes, in every mode, against the schema of the provider it declares: hashicorp/aws
 * 6.25.0 as published in {@code @cdktf/provider-aws} 21.22.1 ({@link ProviderSchema}). The constructs are built with
 * the Java bindings of 5.23.1; this is what proves that what they write still exists in 6.x. And the check itself: it
 * fails on a misspelt, removed or unknown name.
 */
class ProviderSchemaTest {

    static final ProviderSchema SCHEMA = ProviderSchema.load();

    @TempDir
    static Path dir;
    /** Every stack of every mode, by stack name. */
    static Map<String, JsonNode> stacks;

    /**
     * One region per mode (ap-east-2: a region whose stacks skip the region check; eu-west-2: a regional NAT
     * gateway), with an AGC installation so that
     * the contract's objects and export stack are in.
     */
    static List<RegionSettings> everyMode() {
        String bucket = "my-existing-bucket";
        return List.of(
                Synth.defaults("us-east-1"),
                OtherModesTest.publicSubnets("eu-west-1"),
                OtherModesTest.ownVpc("us-west-2", OtherModesTest.SUBNETS),
                OtherModesTest.ownVpc("ap-southeast-2", List.of()),
                new RegionSettings("eu-central-1", Optional.empty(), List.of(), bucket, false, Optional.empty(), false,
                        true, Map.of("team", "genomics")),
                new RegionSettings("us-east-2", Optional.empty(), List.of(), Synth.defaults("us-east-2").bucket(), true,
                        Optional.empty(), false, false, Map.of(), NatGateways.of(1), true, 90),
                new RegionSettings("ca-central-1", Optional.empty(), List.of(), Synth.defaults("ca-central-1").bucket(),
                        true, Optional.empty(), true, false, Map.of(), NatGateways.ONE_PER_AZ, true, 30),
                Synth.defaults("ap-east-2"),
                OtherModesTest.natGateways("eu-west-2", NatGateways.REGIONAL));
    }

    @BeforeAll
    static void synthesizeEveryMode() {
        Path agcHome = FakeAgcInstallation.create(dir.resolve(".agc")).home();
        stacks = Synth.stacks(Synth.settings(agcHome, everyMode().toArray(RegionSettings[]::new)),
                (region, account) -> OtherModesTest.SUBNETS);
    }

    @Test
    void everyResourceDataSourceArgumentNestedBlockAndReferencedAttributeOfEveryModeIsInHashicorpAws6() {
        List<String> problems = new ArrayList<>();
        stacks.forEach((name, stack) -> problems.addAll(SCHEMA.problems(name, stack)));

        assertThat(stacks).hasSize(15);
        assertThat(problems).isEmpty();
    }

    @Test
    void theSchemaFileHoldsExactlyTheTypesTheStacksUseSoNoneIsCheckedAgainstNothing() {
        Set<String> resources = new TreeSet<>();
        Set<String> data = new TreeSet<>();
        stacks.values().forEach(s -> {
            s.path("resource").fieldNames().forEachRemaining(resources::add);
            s.path("data").fieldNames().forEachRemaining(data::add);
        });

        assertThat(SCHEMA.resourceTypes()).isEqualTo(resources);
        assertThat(SCHEMA.dataSources()).isEqualTo(data);
    }

    @Test
    void everyStackDeclaresHashicorpAws6FromTheReleaseItIsCheckedAgainst() {
        stacks.forEach((name, stack) -> assertThat(stack.path("terraform").path("required_providers").path("aws"))
                .as(name).hasToString("{\"source\":\"hashicorp/aws\",\"version\":\"~> 6.25\"}"));
        assertThat(AwsProviderVersion.CONSTRAINT).isEqualTo("~> 6.25");
        assertThat(SCHEMA.version()).isEqualTo(AwsProviderVersion.SCHEMA_VERSION).isEqualTo("6.25.0");
    }

    @Test
    void aMisspeltArgumentFailsTheCheck() {
        ObjectNode core = copyOfDefaultCore();
        ObjectNode vpc = (ObjectNode) core.path("resource").path("aws_vpc").path("vpc");
        vpc.set("cidr_blok", vpc.remove("cidr_block"));

        assertThat(SCHEMA.problems("doctored", core)).containsExactly(
                "doctored: aws_vpc.vpc: cidr_blok is not an argument or block of aws_vpc in hashicorp/aws 6.25.0");
    }

    @Test
    void anArgumentHashicorpAws6RemovedFailsTheCheck() {
        // aws_eip's vpc = true (deprecated for domain = "vpc" in 5.x) is gone from 6.x
        ObjectNode core = copyOfDefaultCore();
        ((ObjectNode) core.path("resource").path("aws_eip").path("vpc_public_subnet1_eip")).put("vpc", true);

        assertThat(SCHEMA.problems("doctored", core)).containsExactly(
                "doctored: aws_eip.vpc_public_subnet1_eip: vpc is not an argument or block of aws_eip in hashicorp/aws 6.25.0");
    }

    @Test
    void aMisspeltArgumentInsideNestedBlocksFailsTheCheck() {
        ObjectNode core = copyOfDefaultCore();
        ObjectNode pitr = (ObjectNode) core.path("resource").path("aws_dynamodb_table").path("table")
                .path("point_in_time_recovery");
        pitr.set("enable", pitr.remove("enabled"));
        ObjectNode defaultTags = (ObjectNode) core.path("provider").path("aws").get(0).path("default_tags").get(0);
        defaultTags.set("tag", defaultTags.remove("tags"));

        assertThat(SCHEMA.problems("doctored", core)).containsExactlyInAnyOrder(
                "doctored: provider \"aws\".default_tags: tag is not an argument or block of the provider block "
                        + "default_tags in hashicorp/aws 6.25.0",
                "doctored: aws_dynamodb_table.table.point_in_time_recovery: enable is not an argument or block of "
                        + "aws_dynamodb_table block point_in_time_recovery in hashicorp/aws 6.25.0");
    }

    @Test
    void anUnknownResourceTypeAndAReferenceToAnAttributeTheTypeLacksFailTheCheck() {
        ObjectNode core = copyOfDefaultCore();
        ObjectNode resources = (ObjectNode) core.path("resource");
        resources.set("aws_nat_gatway", resources.remove("aws_nat_gateway"));
        ((ArrayNode) core.path("output").path("nat_public_ips").path("value")).set(0,
                core.textNode("${aws_eip.vpc_public_subnet1_eip.public_ipv4}"));

        assertThat(SCHEMA.problems("doctored", core)).containsExactlyInAnyOrder(
                "doctored: resource type aws_nat_gatway is not in /provider-schema/hashicorp-aws.json: if hashicorp/aws "
                        + "6.25.0 has it, add it with app/build/provider-schema.py --type aws_nat_gatway (see the README "
                        + "beside the file)",
                "doctored: aws_eip.vpc_public_subnet1_eip.public_ipv4: public_ipv4 is not an attribute of aws_eip in "
                        + "hashicorp/aws 6.25.0");
    }

    private static ObjectNode copyOfDefaultCore() {
        return (ObjectNode) stacks.get("agc-core-us-east-1").deepCopy();
    }
}
