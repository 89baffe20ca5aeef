package dev.agcinfra.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each invalid setting gives exactly one line naming where, the key, the bad value and the fix. */
class InvalidSettingsTest {

    @TempDir
    Path dir;

    private List<String> problems(String yaml) throws IOException {
        if (yaml != null) {
            Files.writeString(dir.resolve("agc.yaml"), yaml);
        }
        SettingsException e = catchThrowableOfType(SettingsException.class,
                () -> new SettingsLoader(dir, Map.of()).load(FakeAws.standard()));
        assertThat(e).as("agc.yaml should be rejected:%n%s", yaml).isNotNull();
        return e.problems();
    }

    static Stream<Arguments> oneProblemEach() {
        return Stream.of(
                arguments(named("a misspelt top-level key suggests the right one", "region: { us-east-1: {} }\n"),
                        "agc.yaml:1:1: region: unknown key; did you mean regions?"),
                arguments(named("a misspelt region key suggests the right one",
                                "regions:\n  us-east-1:\n    usePublicSubnet: true\n"),
                        "agc.yaml:3:5: regions.us-east-1.usePublicSubnet: unknown key; did you mean usePublicSubnets?"),
                arguments(named("a key with the wrong case suggests the right one",
                                "regions: { us-east-1: { VPC: vpc-12345678 } }\n"),
                        "agc.yaml:1:25: regions.us-east-1.VPC: unknown key; did you mean vpc?"),
                arguments(named("an unknown key far from any known one lists the known keys",
                                "regions: { us-east-1: { colour: blue } }\n"),
                        "agc.yaml:1:25: regions.us-east-1.colour: unknown key; the region keys are vpc, subnets, bucket, "
                                + "createBucket, ami, usePublicSubnets, executeApiEndpoint, natGateways, flowLogs, "
                                + "flowLogRetentionDays, tags"),
                arguments(named("a region key at the top level says where it belongs", "vpc: vpc-12345678\n"),
                        "agc.yaml:1:1: vpc: unknown key; vpc is a per-region key; move it under regions.<region>"),
                arguments(named("a region name at the top level says to put it under regions", "eu-west-1: {}\n"),
                        "agc.yaml:1:1: eu-west-1: unknown key; region names go under regions:; write regions: { eu-west-1: ... }"),
                arguments(named("a top-level key inside a region says where it belongs",
                                "regions: { us-east-1: { account: \"123456789012\" } }\n"),
                        "agc.yaml:1:25: regions.us-east-1.account: unknown key; account is set once for all regions; "
                                + "move it to the top level of the file"),
                arguments(named("a region name without its hyphen suggests the region",
                                "regions:\n  us-east1: {}\n"),
                        "agc.yaml:2:3: regions.us-east1: \"us-east1\" is not an AWS region; did you mean us-east-1?"),
                arguments(named("a made-up region name", "regions:\n  moon-base-1: {}\n"),
                        "agc.yaml:2:3: regions.moon-base-1: \"moon-base-1\" is not an AWS region; use a region name such as"),
                arguments(named("a region outside the commercial partition", "regions:\n  cn-north-1: {}\n"),
                        "agc.yaml:2:3: regions.cn-north-1: \"cn-north-1\" is in partition aws-cn, which agc-infra does not support"),
                arguments(named("a malformed VPC id", "regions: { us-east-1: { vpc: vpc-123 } }\n"),
                        "agc.yaml:1:30: regions.us-east-1.vpc: \"vpc-123\" is not a VPC id; write vpc- and 8 or 17 "
                                + "lowercase hex digits, e.g. vpc-0123456789abcdef0"),
                arguments(named("a VPC id in uppercase hex", "regions: { us-east-1: { vpc: vpc-0123456789ABCDEF0 } }\n"),
                        "regions.us-east-1.vpc: \"vpc-0123456789ABCDEF0\" is not a VPC id"),
                arguments(named("a subnet id where the VPC id belongs",
                                "regions: { us-east-1: { vpc: subnet-12345678 } }\n"),
                        "regions.us-east-1.vpc: \"subnet-12345678\" is not a VPC id"),
                arguments(named("a malformed subnet id",
                                "regions: { us-east-1: { vpc: vpc-12345678, subnets: [subnet-12345678, subnet-1234] } }\n"),
                        "agc.yaml:1:71: regions.us-east-1.subnets[1]: \"subnet-1234\" is not a subnet id; write subnet- and 8 or 17"),
                arguments(named("a malformed AMI id", "regions: { us-east-1: { ami: ami-xyz12345 } }\n"),
                        "agc.yaml:1:30: regions.us-east-1.ami: \"ami-xyz12345\" is not an AMI id; write ami- and 8 or 17 "
                                + "lowercase hex digits, e.g. ami-0123456789abcdef0"),
                arguments(named("subnets without vpc",
                                "regions:\n  us-east-1:\n    subnets: [subnet-12345678]\n"),
                        "agc.yaml:3:14: regions.us-east-1.subnets: given without vpc; subnets must belong to your own VPC: "
                                + "add vpc: vpc-... to us-east-1 or remove subnets"),
                arguments(named("usePublicSubnets with vpc",
                                "regions:\n  us-east-1:\n    vpc: vpc-12345678\n    usePublicSubnets: true\n"),
                        "agc.yaml:4:23: regions.us-east-1.usePublicSubnets: true conflicts with vpc: agc-infra never changes "
                                + "your VPC; remove usePublicSubnets, or remove vpc"),
                arguments(named("executeApiEndpoint in public-subnets mode",
                                "regions: { us-east-1: { usePublicSubnets: true, executeApiEndpoint: true } }\n"),
                        "regions.us-east-1.executeApiEndpoint: true conflicts with usePublicSubnets: true, which creates no "
                                + "VPC endpoints; remove one of the two"),
                arguments(named("executeApiEndpoint with the user's own VPC",
                                "regions: { us-east-1: { vpc: vpc-12345678, executeApiEndpoint: true } }\n"),
                        "regions.us-east-1.executeApiEndpoint: true conflicts with vpc: agc-infra creates nothing in your VPC"),
                arguments(named("a duplicate subnet",
                                "regions:\n  us-east-1:\n    vpc: vpc-12345678\n    subnets:\n      - subnet-12345678\n"
                                        + "      - subnet-87654321\n      - subnet-12345678\n"),
                        "agc.yaml:7:9: regions.us-east-1.subnets[2]: \"subnet-12345678\" is listed twice (also at "
                                + "regions.us-east-1.subnets[0]); list each subnet once"),
                arguments(named("a bucket name with uppercase and an underscore",
                                "regions: { us-east-1: { bucket: My_Bucket } }\n"),
                        "agc.yaml:1:33: regions.us-east-1.bucket: \"My_Bucket\" is not a valid S3 bucket name: it contains "
                                + "'_', uppercase letters (only lowercase letters, digits, dots and hyphens); it must start "
                                + "with a lowercase letter or digit; use the bucket's exact name"),
                arguments(named("a bucket name that is too short", "regions: { us-east-1: { bucket: ab } }\n"),
                        "\"ab\" is not a valid S3 bucket name: it has 2 characters, not 3 to 63"),
                arguments(named("a bucket name that is too long",
                                "regions: { us-east-1: { bucket: " + "a".repeat(64) + " } }\n"),
                        "is not a valid S3 bucket name: it has 64 characters, not 3 to 63"),
                arguments(named("a bucket name with two adjacent dots", "regions: { us-east-1: { bucket: my..bucket } }\n"),
                        "\"my..bucket\" is not a valid S3 bucket name: it has two adjacent dots"),
                arguments(named("a bucket name ending with a hyphen", "regions: { us-east-1: { bucket: my-bucket- } }\n"),
                        "\"my-bucket-\" is not a valid S3 bucket name: it must end with a lowercase letter or digit"),
                arguments(named("a bucket name that is an IP address", "regions: { us-east-1: { bucket: 192.168.5.4 } }\n"),
                        "\"192.168.5.4\" is not a valid S3 bucket name: it looks like an IP address"),
                arguments(named("a bucket name with the xn-- prefix", "regions: { us-east-1: { bucket: xn--bucket } }\n"),
                        "\"xn--bucket\" is not a valid S3 bucket name: the prefix 'xn--' is reserved"),
                arguments(named("a bucket name with the sthree- prefix", "regions: { us-east-1: { bucket: sthree-bucket } }\n"),
                        "\"sthree-bucket\" is not a valid S3 bucket name: the prefix 'sthree-' is reserved"),
                arguments(named("a bucket name with the -s3alias suffix", "regions: { us-east-1: { bucket: my-s3alias } }\n"),
                        "\"my-s3alias\" is not a valid S3 bucket name: the suffix '-s3alias' is reserved"),
                arguments(named("a bucket name with the --ol-s3 suffix", "regions: { us-east-1: { bucket: my--ol-s3 } }\n"),
                        "\"my--ol-s3\" is not a valid S3 bucket name: the suffix '--ol-s3' is reserved"),
                arguments(named("a global custom tag that sets application-name",
                                "tags: { application-name: mine }\nregions: { us-east-1: {} }\n"),
                        "agc.yaml:1:9: tags.application-name: custom tag \"application-name\" = \"mine\" is not allowed: "
                                + "agc-infra sets application-name itself on every resource; rename or remove the tag"),
                arguments(named("a regional custom tag that sets agc-version",
                                "regions:\n  us-east-1:\n    tags:\n      agc-version: \"2\"\n"),
                        "agc.yaml:4:7: regions.us-east-1.tags.agc-version: custom tag \"agc-version\" = \"2\" is not allowed: "
                                + "agc-infra sets agc-version itself"),
                arguments(named("a custom tag key starting with aws:", "tags: { \"aws:owner\": me }\n"),
                        "tags.aws:owner: custom tag \"aws:owner\" = \"me\" is not allowed: keys starting with 'aws:' are "
                                + "reserved for AWS"),
                arguments(named("a custom tag key longer than 128 characters", "tags: { " + "k".repeat(129) + ": v }\n"),
                        "is not allowed: the key has 129 characters, more than 128"),
                arguments(named("a custom tag value longer than 256 characters", "tags: { k: " + "v".repeat(257) + " }\n"),
                        "is not allowed: the value has 257 characters, more than 256"),
                arguments(named("a custom tag with characters AWS refuses", "tags: { \"team#1\": \"a&b\" }\n"),
                        "is not allowed: the key may hold only letters, digits, spaces and _ . : / = + - @; the value may hold"),
                arguments(named("a custom tag without a value", "tags:\n  team:\n"),
                        "agc.yaml:2:8: tags.team: (empty) is empty, expected the tag's value; write team: \"value\""),
                arguments(named("a state bucket template with an unknown placeholder",
                                "stateBucket: \"tfstate-{acount}-{region}\"\n"),
                        "agc.yaml:1:14: stateBucket: \"tfstate-{acount}-{region}\" has the unknown placeholder {acount}; "
                                + "did you mean {account}?"),
                arguments(named("a state bucket template that gives an invalid bucket name",
                                "stateBucket: \"TF_{account}_{region}\"\nregions: { eu-west-1: {} }\n"),
                        "agc.yaml:1:14: stateBucket: \"TF_{account}_{region}\" gives \"TF_123456789012_eu-west-1\" in "
                                + "eu-west-1, not a valid S3 bucket name: it contains '_', uppercase letters"),
                arguments(named("a state bucket template too long for one of the regions",
                                "stateBucket: \"" + "s".repeat(37) + "-{account}-{region}\"\n"
                                        + "regions: { us-east-1: {}, ap-southeast-2: {} }\n"),
                        "gives \"" + "s".repeat(37) + "-123456789012-ap-southeast-2\" in ap-southeast-2, not a valid S3 "
                                + "bucket name: it has 65 characters, not 3 to 63"),
                arguments(named("a state bucket template without {region} for several regions",
                                "stateBucket: \"my-state\"\nregions: { us-east-1: {}, us-west-2: {} }\n"),
                        "stateBucket: \"my-state\" has no {region}, so 2 regions would share one state bucket"),
                arguments(named("an account that is not 12 digits", "account: \"12345\"\n"),
                        "agc.yaml:1:10: account: \"12345\" is not an AWS account id (12 digits); write it in quotes, "
                                + "e.g. account: \"123456789012\""),
                arguments(named("an account that is a mapping", "account: { id: 1 }\n"),
                        "agc.yaml:1:10: account: {...} is a mapping, expected the 12-digit account id"),
                arguments(named("a boolean written as a string", "regions: { us-east-1: { usePublicSubnets: \"yes\" } }\n"),
                        "agc.yaml:1:43: regions.us-east-1.usePublicSubnets: \"yes\" is a string, expected true or false; "
                                + "write usePublicSubnets: true (no quotes)"),
                arguments(named("a boolean written as a number", "regions: { us-east-1: { createBucket: 0 } }\n"),
                        "regions.us-east-1.createBucket: 0 is a number, expected true or false; write createBucket: false"),
                arguments(named("subnets written as one string",
                                "regions: { us-east-1: { vpc: vpc-12345678, subnets: subnet-12345678 } }\n"),
                        "regions.us-east-1.subnets: \"subnet-12345678\" is a string, expected a list of subnet ids; "
                                + "write subnets: [subnet-12345678]"),
                arguments(named("a bucket written as a list", "regions: { us-east-1: { bucket: [a, b] } }\n"),
                        "regions.us-east-1.bucket: [...] is a list, expected a string; write bucket: my-existing-bucket"),
                arguments(named("tags written as a list", "tags: [team, genomics]\n"),
                        "agc.yaml:1:7: tags: [...] is a list, expected a mapping of tag keys to values; write tags: { team: genomics }"),
                arguments(named("regions written as a list", "regions: [us-east-1, eu-west-1]\n"),
                        "agc.yaml:1:10: regions: is a list, expected a mapping of region names to their settings; "
                                + "write regions: { us-east-1: {}, eu-west-1: {} }"),
                arguments(named("regions left empty", "regions:\n"),
                        "agc.yaml:1:9: regions: (empty) lists no region; add at least one"),
                arguments(named("a region's settings written as a string", "regions: { us-east-1: defaults }\n"),
                        "regions.us-east-1: \"defaults\" is a string, expected the region's settings as a mapping; "
                                + "write us-east-1: {} for all defaults"),
                arguments(named("a region listed twice", "regions:\n  us-east-1: {}\n  us-east-1: { bucket: b-1 }\n"),
                        "agc.yaml:3:3: regions.us-east-1: duplicate key (first written at line 2); YAML keeps only one: "
                                + "merge the two entries into one"),
                arguments(named("a file that is a list, not a mapping", "- us-east-1\n"),
                        "agc.yaml:1:1: the file is a list, expected a mapping of settings"),
                arguments(named("malformed YAML: an unclosed flow sequence",
                                "regions:\n  us-east-1:\n    subnets: [subnet-12345678\n"),
                        "agc.yaml:4:1: not valid YAML (while parsing a flow sequence (line 3, column 14): expected ',' or ']', "
                                + "but got <stream end>); fix the syntax here"),
                arguments(named("malformed YAML: a tab used for indentation", "regions:\n\tus-east-1: {}\n"),
                        "agc.yaml:2:1: not valid YAML (while scanning for the next token: found character '\\t(TAB)' that "
                                + "cannot start any token. (Do not use \\t(TAB) for indentation))"),
                arguments(named("malformed YAML: bad indentation",
                                "regions:\n  us-east-1:\n    vpc: vpc-12345678\n   bucket: b-1\n"),
                        "agc.yaml:4:4: not valid YAML ("),
                arguments(named("malformed YAML: a control character", "account: \"12345678901\u0007\"\n"),
                        "agc.yaml: not valid YAML (special characters are not allowed: U+0007 at character 22 of the "
                                + "file); remove it"),
                arguments(named("an alias without an anchor", "regions: { us-east-1: *defaults }\n"),
                        "agc.yaml:1:23: the alias *defaults names no anchor written before it; define &defaults first"),
                arguments(named("a merge key whose value is not a mapping", "regions:\n  us-east-1:\n    <<: public\n"),
                        "agc.yaml:3:9: <<: the merge key << needs a mapping (usually an alias such as *defaults), not a "
                                + "string"),
                arguments(named("a key that is a list", "? [account, regions]\n: x\n"),
                        "agc.yaml:1:3: a key is a list ([account, regions]); keys are plain names: write each as its own "
                                + "key, e.g. name: value"),
                arguments(named("regions under one key that is a list",
                                "account: \"123456789012\"\nregions:\n  ? [us-east-1, eu-west-1]\n  : {}\n"),
                        "agc.yaml:3:5: regions: a key is a list ([us-east-1, eu-west-1]); keys are plain names: write each "
                                + "as its own key, e.g. name: value"),
                arguments(named("a key that is a mapping", "regions:\n  ? {us-east-1: x}\n  : {}\n"),
                        "agc.yaml:2:5: regions: a key is a mapping ({us-east-1: x}); keys are plain names"),
                arguments(named("a region whose tags are the region itself (a recursive alias)",
                                "account: \"123456789012\"\nregions:\n  us-east-1: &r {tags: *r}\n"),
                        "agc.yaml:3:14: regions.us-east-1.tags: the alias *r is inside the value &r written here, which "
                                + "it names; a value cannot contain itself: write the nested value out"),
                arguments(named("aliases that expand into an enormous document", aliasBomb()),
                        "more than 50 aliases (*name) of lists and mappings by here, which is how a small file can expand "
                                + "into an enormous one; write some values out instead of naming them again"),
                arguments(named("values nested deeper than a settings file ever needs",
                                "tags: " + "[".repeat(100) + "]".repeat(100) + "\n"),
                        "values nested more than 64 levels deep here; a settings file needs four (regions, a region, tags, "
                                + "a tag): remove the extra brackets or indentation"),
                arguments(named("two YAML documents in one file", "account: \"123456789012\"\n---\nregions: {}\n"),
                        "agc.yaml:3:1: a second YAML document starts here; the settings file holds exactly one"),
                arguments(named("agcHome as a list", "agcHome: [/opt/agc]\n"),
                        "agc.yaml:1:10: agcHome: [...] is a list, expected a string; write agcHome: /opt/agc"),
                arguments(named("agcHome empty", "agcHome: \"\"\n"),
                        "agcHome: is empty; write the directory AGC is installed in, e.g. agcHome: /opt/agc, or remove "
                                + "the key for ~/.agc"),
                arguments(named("agcHome misspelt", "agcHom: /opt/agc\n"), "agcHom: unknown key; did you mean agcHome?"),
                arguments(named("no NAT gateway at all", "regions: { us-east-1: { natGateways: 0 } }\n"),
                        "agc.yaml:1:38: regions.us-east-1.natGateways: 0 is not a number of NAT gateways; write a number "
                                + "from 1 to the region's Availability Zones (3; 2 in us-west-1), e.g. natGateways: 1, or "
                                + "natGateways: regional for one regional NAT gateway, or remove the key for one NAT "
                                + "gateway per AZ"),
                arguments(named("natGateways a word other than regional", "regions: { us-east-1: { natGateways: zonal } }\n"),
                        "agc.yaml:1:38: regions.us-east-1.natGateways: \"zonal\" is neither a number of NAT gateways nor "
                                + "regional; write a number from 1 to the region's Availability Zones (3; 2 in us-west-1), "
                                + "e.g. natGateways: 1, or natGateways: regional for one regional NAT gateway, or remove the "
                                + "key for one NAT gateway per AZ"),
                arguments(named("natGateways as a list", "regions: { us-east-1: { natGateways: [regional] } }\n"),
                        "agc.yaml:1:38: regions.us-east-1.natGateways: [...] is a list, expected a number of NAT gateways; "
                                + "write a number from 1"),
                arguments(named("a regional NAT gateway in public-subnet mode",
                                "regions: { us-east-1: { usePublicSubnets: true, natGateways: regional } }\n"),
                        "agc.yaml:1:62: regions.us-east-1.natGateways: regional conflicts with usePublicSubnets: true, "
                                + "which creates no NAT gateways; remove one of the two"),
                arguments(named("a regional NAT gateway in your own VPC",
                                "regions: { us-east-1: { vpc: vpc-12345678, natGateways: regional } }\n"),
                        "agc.yaml:1:57: regions.us-east-1.natGateways: regional conflicts with vpc: agc-infra creates no "
                                + "NAT gateways in your VPC; remove natGateways"),
                arguments(named("natGateways quoted", "regions: { us-east-1: { natGateways: \"1\" } }\n"),
                        "agc.yaml:1:38: regions.us-east-1.natGateways: \"1\" is a string, expected a number of NAT "
                                + "gateways; write a number from 1"),
                arguments(named("more NAT gateways than the region's AZs",
                                "regions: { us-west-1: { natGateways: 3 } }\n"),
                        "agc.yaml:1:38: regions.us-west-1.natGateways: 3 is more than the 2 Availability Zones "
                                + "agc-infra uses in us-west-1 (one NAT gateway per AZ at most); write a number from 1 to 2, "
                                + "or remove the key for one per AZ"),
                arguments(named("NAT gateways in public-subnet mode",
                                "regions: { us-east-1: { usePublicSubnets: true, natGateways: 1 } }\n"),
                        "agc.yaml:1:62: regions.us-east-1.natGateways: 1 conflicts with usePublicSubnets: true, which "
                                + "creates no NAT gateways; remove one of the two"),
                arguments(named("NAT gateways in your own VPC",
                                "regions: { us-east-1: { vpc: vpc-12345678, natGateways: 2 } }\n"),
                        "agc.yaml:1:57: regions.us-east-1.natGateways: 2 conflicts with vpc: agc-infra creates no NAT "
                                + "gateways in your VPC; remove natGateways"),
                arguments(named("a top-level natGateways above a region's AZs",
                                "natGateways: 3\nregions: { us-east-1: {}, us-west-1: {} }\n"),
                        "agc.yaml:1:14: natGateways: 3 is more than the 2 Availability Zones agc-infra uses in us-west-1 "
                                + "(one NAT gateway per AZ at most); write a number from 1 to 2, or give us-west-1 its own: "
                                + "regions.us-west-1.natGateways: 2"),
                arguments(named("flow logs in your own VPC",
                                "regions: { us-east-1: { vpc: vpc-12345678, flowLogs: true } }\n"),
                        "agc.yaml:1:54: regions.us-east-1.flowLogs: true conflicts with vpc: agc-infra never changes your "
                                + "VPC; create its flow log yourself (aws ec2 create-flow-logs) and remove flowLogs"),
                arguments(named("a retention CloudWatch Logs does not accept",
                                "regions: { us-east-1: { flowLogs: true, flowLogRetentionDays: 31 } }\n"),
                        "agc.yaml:1:63: regions.us-east-1.flowLogRetentionDays: 31 is not a retention period CloudWatch "
                                + "Logs accepts; write one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, "
                                + "731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (CloudWatch Logs accepts only these), "
                                + "e.g. flowLogRetentionDays: 30"),
                arguments(named("a retention without flow logs",
                                "regions: { us-east-1: { flowLogRetentionDays: 90 } }\n"),
                        "agc.yaml:1:47: regions.us-east-1.flowLogRetentionDays: given without flowLogs: true, so there is "
                                + "no flow log to keep; add flowLogs: true to us-east-1 or remove flowLogRetentionDays"),
                arguments(named("a retention beside flowLogs: false",
                                "regions: { us-east-1: { flowLogs: false, flowLogRetentionDays: 90 } }\n"),
                        "regions.us-east-1.flowLogRetentionDays: given without flowLogs: true"));
    }

    /** Nine lists, each of nine aliases of the one before: a few hundred bytes that would expand to 9^9 items. */
    private static String aliasBomb() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            String previous = "*" + (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [").append(String.join(", ",
                    java.util.Collections.nCopies(9, previous))).append("]\n");
        }
        return yaml.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void oneProblemEach(String yaml, String expected) throws IOException {
        // Given the file; When it is loaded
        List<String> problems = problems(yaml);

        // Then exactly one problem, on one line, says what is wrong and how to fix it
        assertThat(problems).singleElement().asString().contains(expected).doesNotContain("\n");
    }

    @Test
    void everyProblemInTheFileIsReportedAtOnceInFileOrder() throws IOException {
        // Given a file with many problems
        String yaml = """
                acount: "123456789012"
                stateBucket: "tfstate-{acount}"
                tags: { application-name: mine, team: genomics }
                regions:
                  us-east1: {}
                  eu-west-1:
                    vpc: vpc-12
                    subnets: [subnet-12345678, subnet-12345678]
                    usePublicSubnets: true
                    bucket: Results_Bucket
                  eu-west-2:
                    subnets: [subnet-0123456789abcdef0]
                    ami: ami-0123456789abcdef
                    createBucket: "no"
                    tags: { agc-version: "9" }
                """;

        // When
        List<String> problems = problems(yaml);

        // Then
        assertThat(problems).containsExactly(
                "agc.yaml:1:1: acount: unknown key; did you mean account?",
                "agc.yaml:2:14: stateBucket: \"tfstate-{acount}\" has the unknown placeholder {acount}; did you mean {account}?",
                "agc.yaml:3:9: tags.application-name: custom tag \"application-name\" = \"mine\" is not allowed: agc-infra "
                        + "sets application-name itself on every resource; rename or remove the tag",
                "agc.yaml:5:3: regions.us-east1: \"us-east1\" is not an AWS region; did you mean us-east-1?",
                "agc.yaml:7:10: regions.eu-west-1.vpc: \"vpc-12\" is not a VPC id; write vpc- and 8 or 17 lowercase hex "
                        + "digits, e.g. vpc-0123456789abcdef0",
                "agc.yaml:8:32: regions.eu-west-1.subnets[1]: \"subnet-12345678\" is listed twice (also at "
                        + "regions.eu-west-1.subnets[0]); list each subnet once",
                "agc.yaml:9:23: regions.eu-west-1.usePublicSubnets: true conflicts with vpc: agc-infra never changes your "
                        + "VPC; remove usePublicSubnets, or remove vpc to let agc-infra create a VPC with public subnets only",
                "agc.yaml:10:13: regions.eu-west-1.bucket: \"Results_Bucket\" is not a valid S3 bucket name: it contains "
                        + "'_', uppercase letters (only lowercase letters, digits, dots and hyphens); it must start with a "
                        + "lowercase letter or digit; use the bucket's exact name, or remove the key for agc-<account>-<region>",
                "agc.yaml:12:14: regions.eu-west-2.subnets: given without vpc; subnets must belong to your own VPC: add "
                        + "vpc: vpc-... to eu-west-2 or remove subnets",
                "agc.yaml:13:10: regions.eu-west-2.ami: \"ami-0123456789abcdef\" is not an AMI id; write ami- and 8 or 17 "
                        + "lowercase hex digits, e.g. ami-0123456789abcdef0",
                "agc.yaml:14:19: regions.eu-west-2.createBucket: \"no\" is a string, expected true or false; write "
                        + "createBucket: false (no quotes)",
                "agc.yaml:15:13: regions.eu-west-2.tags.agc-version: custom tag \"agc-version\" = \"9\" is not allowed: "
                        + "agc-infra sets agc-version itself on every resource; rename or remove the tag");
    }

    @Test
    void oneBucketInSeveralRegionsIsOneProblemPerClashNamingBothRegionsWhetherCreatedOrExisting() throws IOException {
        // Given one name for an existing bucket in us-east-1 and for buckets agc-infra creates in us-east-2 and us-west-2
        String yaml = """
                regions:
                  us-east-1: { bucket: same-bucket-name }
                  us-east-2: { bucket: same-bucket-name, createBucket: true }
                  us-west-2: { bucket: same-bucket-name, createBucket: true }
                """;

        // When
        List<String> problems = problems(yaml);

        // Then
        assertThat(problems).containsExactly(
                "agc.yaml:3:24: regions.us-east-2.bucket: \"same-bucket-name\" is also the results bucket of us-east-1 "
                        + "(line 2, an existing bucket); S3 bucket names are global and each region needs a bucket of its "
                        + "own: name another bucket for us-east-2 or for us-east-1",
                "agc.yaml:4:24: regions.us-west-2.bucket: \"same-bucket-name\" is also the results bucket of us-east-1 "
                        + "(line 2, an existing bucket); S3 bucket names are global and each region needs a bucket of its "
                        + "own: name another bucket for us-west-2 or for us-east-1");
    }

    @Test
    void aBucketNamedAsAnotherRegionsDefaultBucketIsReportedWhereItIsNamed() throws IOException {
        // Given us-east-2 names the bucket us-east-1 gets by default
        String yaml = """
                account: "123456789012"
                regions:
                  us-east-1: {}
                  us-east-2: { bucket: agc-123456789012-us-east-1 }
                """;

        // When
        List<String> problems = problems(yaml);

        // Then
        assertThat(problems).containsExactly("agc.yaml:4:24: regions.us-east-2.bucket: \"agc-123456789012-us-east-1\" is "
                + "also the results bucket of us-east-1 (its default name, created by agc-infra); S3 bucket names are "
                + "global and each region needs a bucket of its own: name another bucket for us-east-2 or for us-east-1");
    }

    @Test
    void aResultsBucketNamedAsATerraformStateBucketIsRefusedCreatedOrExisting() throws IOException {
        // Given us-east-1's results bucket is its own state bucket, and eu-west-1's is us-east-1's (custom template)
        String yaml = """
                account: "123456789012"
                stateBucket: "team-tfstate-{region}"
                regions:
                  us-east-1: { bucket: team-tfstate-us-east-1, createBucket: true }
                  eu-west-1: { bucket: team-tfstate-us-east-1 }
                """;

        // When
        List<String> problems = problems(yaml);

        // Then
        assertThat(problems).containsExactly(
                "agc.yaml:4:24: regions.us-east-1.bucket: \"team-tfstate-us-east-1\" is also the Terraform state bucket "
                        + "of us-east-1 (stateBucket: team-tfstate-{region}); results and Terraform state never share a "
                        + "bucket: name another bucket for us-east-1",
                "agc.yaml:5:24: regions.eu-west-1.bucket: \"team-tfstate-us-east-1\" is also the Terraform state bucket "
                        + "of us-east-1 (stateBucket: team-tfstate-{region}); results and Terraform state never share a "
                        + "bucket: name another bucket for eu-west-1");
    }

    @Test
    void aValueThatContainsItselfThroughAnAliasIsReportedWhereItsAnchorIs() throws IOException {
        // Given a list that names itself among its items
        String yaml = "regions:\n  us-east-1:\n    vpc: vpc-12345678\n    subnets: &s [subnet-12345678, *s]\n";

        // When
        List<String> problems = problems(yaml);

        // Then
        assertThat(problems).first().asString().isEqualTo("agc.yaml:4:14: regions.us-east-1.subnets[1]: the alias *s is "
                + "inside the value &s written here, which it names; a value cannot contain itself: write the nested "
                + "value out");
    }

    @Test
    void theExceptionMessageIsTheProblemsOnePerLine() throws IOException {
        // Given
        Files.writeString(dir.resolve("agc.yaml"), "acount: 1\nregions: { us-east1: {} }\n");

        // When
        SettingsException e = catchThrowableOfType(SettingsException.class,
                () -> new SettingsLoader(dir, Map.of()).load(FakeAws.standard()));

        // Then
        assertThat(e.getMessage()).isEqualTo(String.join(System.lineSeparator(), e.problems()));
        assertThat(e.getMessage().lines()).hasSize(2);
        assertThat(e.getStackTrace()).as("no stack trace is captured for users").isEmpty();
    }

    @Test
    void tooManyCustomTagsForAwsLimitIsReported() throws IOException {
        // Given 30 global and 20 regional tags: 50 custom tags plus agc-infra's own 2 exceed AWS's 50
        StringBuilder yaml = new StringBuilder("tags:\n");
        for (int i = 0; i < 30; i++) {
            yaml.append("  g").append(i).append(": x\n");
        }
        yaml.append("regions:\n  us-east-1:\n    tags:\n");
        for (int i = 0; i < 20; i++) {
            yaml.append("      r").append(i).append(": x\n");
        }

        // When
        List<String> problems = problems(yaml.toString());

        // Then
        assertThat(problems).singleElement().asString()
                .startsWith("agc.yaml:34:5: regions.us-east-1.tags: 50 custom tags (global and regional together) exceed the 48");
    }

    @Test
    void tooManyGlobalTagsAreReportedOnceNotPerRegion() throws IOException {
        // Given 49 global tags and two regions
        StringBuilder yaml = new StringBuilder("tags:\n");
        for (int i = 0; i < 49; i++) {
            yaml.append("  g").append(i).append(": x\n");
        }
        yaml.append("regions: { us-east-1: {}, us-east-2: {} }\n");

        // When
        List<String> problems = problems(yaml.toString());

        // Then
        assertThat(problems).singleElement().asString()
                .startsWith("agc.yaml:2:3: tags: 49 custom tags (global and regional together) exceed the 48");
    }

    @Test
    void settingsTextLongerThanTheLimitIsRefusedInTheUsersTerms() {
        // Given settings text that never was a file (as account activate checks the file it is about to write)
        String yaml = "regions: { us-east-1: {} }\n#" + "x".repeat(YamlReader.MAX_SIZE) + "\n";

        // When
        SettingsException e = catchThrowableOfType(SettingsException.class, () -> SettingsDocument.parse(yaml, "agc.yaml"));

        // Then
        assertThat(e.problems()).singleElement().asString().isEqualTo("agc.yaml: longer than the 1048576 characters "
                + "(1 MiB) a settings file may hold; check that this is the settings file");
    }

    @Test
    void anUnreadableFileIsReported() throws IOException {
        // Given a file that is not UTF-8 text
        Files.write(dir.resolve("agc.yaml"), new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});

        // When
        List<String> problems = problems(null);

        // Then
        assertThat(problems).singleElement().asString().isEqualTo("agc.yaml: cannot be read (it is not UTF-8 text); save it as UTF-8");
    }
}
