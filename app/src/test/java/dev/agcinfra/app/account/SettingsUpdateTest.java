package dev.agcinfra.app.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.settings.SettingsDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AGC's update rules (agc-core.md) over sequences of activate and deactivate, including the seed document's worked
 * examples: each row runs its steps on one region's entry, the region becoming active with each activation and
 * inactive with each deactivation, and checks the entry at the end, or the refusal of the last step.
 */
class SettingsUpdateTest {

    private static final String REGION = "us-east-1";
    private static final String VPC_A = "vpc-0aaaaaaaaaaaaaaaa";
    private static final String VPC_B = "vpc-0bbbbbbbbbbbbbbbb";

    static Stream<Arguments> sequences() {
        return Stream.of(
                // The seed's VPC example, as the rule text reads: the VPC is remembered until deactivation.
                row("the VPC given once is remembered by the next activation without --vpc",
                        List.of("activate --vpc " + VPC_A, "activate"), "{ vpc: " + VPC_A + " }"),
                row("deactivation forgets the VPC, so the next activation creates a network again",
                        List.of("activate --vpc " + VPC_A, "deactivate", "activate"), "{}"),
                row("a new --vpc replaces the remembered one",
                        List.of("activate --vpc " + VPC_A, "activate --vpc " + VPC_B), "{ vpc: " + VPC_B + " }"),
                // The seed's subnets example: omitting --subnets means all private subnets from then on.
                row("subnets omitted on the next activation are reset to all private subnets of the VPC",
                        List.of("activate --vpc " + VPC_A + " --subnets subnet-11111111,subnet-22222222",
                                "activate --vpc " + VPC_A), "{ vpc: " + VPC_A + " }"),
                row("subnets given again are replaced, not merged",
                        List.of("activate --vpc " + VPC_A + " --subnets subnet-11111111",
                                "activate --vpc " + VPC_A + " --subnets subnet-22222222"),
                        "{ vpc: " + VPC_A + ", subnets: [subnet-22222222] }"),
                row("subnets go with the VPC on deactivation",
                        List.of("activate --vpc " + VPC_A + " --subnets subnet-11111111", "deactivate"), "{}"),
                // The seed's AMI example: omitting --ami means the latest ECS-optimized image from then on.
                row("an AMI omitted on the next activation is reset to the latest ECS-optimized image",
                        List.of("activate --ami ami-12345678", "activate"), "{}"),
                row("an AMI given is written",
                        List.of("activate --ami ami-12345678"), "{ ami: ami-12345678 }"),
                // The seed's public-subnets example: switching needs deactivation first.
                row("public subnets on a first activation are written",
                        List.of("activate --usePublicSubnets"), "{ usePublicSubnets: true }"),
                row("an active public-subnet region re-activated without the flag is refused, not switched",
                        List.of("activate --usePublicSubnets", "activate"), "refused: needs deactivation first"),
                row("an active private region re-activated with --usePublicSubnets is refused",
                        List.of("activate", "activate --usePublicSubnets"), "refused: needs deactivation first"),
                row("an active own-VPC region switched to public subnets is refused",
                        List.of("activate --vpc " + VPC_A, "activate --usePublicSubnets"),
                        "refused: run agc-infra account deactivate --region us-east-1 first"),
                row("after deactivation public subnets can be switched off",
                        List.of("activate --usePublicSubnets", "deactivate", "activate"), "{}"),
                row("after deactivation public subnets can be switched on",
                        List.of("activate", "deactivate", "activate --usePublicSubnets"), "{ usePublicSubnets: true }"),
                row("an active public-subnet region re-activated with the flag stays as it is",
                        List.of("activate --usePublicSubnets", "activate --usePublicSubnets"), "{ usePublicSubnets: true }"),
                // Custom tags are kept.
                row("custom tags are kept across activations and added to",
                        List.of("activate --tags team=genomics", "activate --tags cost-center=42", "activate"),
                        "{ tags: { team: genomics, cost-center: '42' } }"),
                row("a tag given again takes the new value",
                        List.of("activate --tags team=a", "activate --tags team=b"), "{ tags: { team: b } }"),
                row("custom tags survive deactivation",
                        List.of("activate --tags team=genomics --vpc " + VPC_A, "deactivate"),
                        "{ tags: { team: genomics } }"),
                // The bucket is the user's choice until changed.
                row("a bucket given is kept by later activations without --bucket",
                        List.of("activate --bucket my-results", "activate"), "{ bucket: my-results, createBucket: true }"));
    }

    static Arguments row(String name, List<String> steps, String expected) {
        return Arguments.of(name, steps, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sequences")
    void activateAndDeactivateSequencesFollowAgcsRules(String name, List<String> steps, String expected) {
        // Given an empty settings file and an inactive region
        ObjectNode document = SettingsDocument.parse("account: \"123456789012\"\n", "agc.yaml");
        boolean active = false;
        AccountException refusal = null;

        // When each step runs in turn
        for (String step : steps) {
            if (step.equals("deactivate")) {
                SettingsUpdate.deactivate(document, REGION);
                active = false;
                continue;
            }
            ActivateFlags flags = parse(step);
            boolean last = step == steps.get(steps.size() - 1);
            boolean wasActive = active;
            if (last && expected.startsWith("refused")) {
                refusal = catchThrowableOfType(AccountException.class, () -> SettingsUpdate.activate(document, REGION,
                        flags, wasActive, flags.bucket().map(b -> true)));
            } else {
                SettingsUpdate.activate(document, REGION, flags, wasActive, flags.bucket().map(b -> true));
            }
            active = true;
        }

        // Then the region's entry is as expected, or the last step was refused with the advice
        if (expected.startsWith("refused: ")) {
            assertThat(refusal).as("refusal").isNotNull();
            assertThat(refusal.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(refusal.getMessage()).contains(expected.substring("refused: ".length()))
                    .contains("deactivate");
        } else {
            JsonNode entry = document.path("regions").path(REGION);
            JsonNode want = SettingsDocument.parse("x: " + expected, "expected").get("x");
            assertThat(entry).isEqualTo(want);
        }
    }

    @Test
    void otherRegionsAndTopLevelKeysAreLeftAsTheyWere() {
        // Given a file with global tags, another region and settings the flags do not touch
        ObjectNode document = SettingsDocument.parse("""
                account: "123456789012"
                tags: { team: genomics }
                regions:
                  eu-west-1: { usePublicSubnets: true }
                  us-east-1: { executeApiEndpoint: true, ami: ami-12345678 }
                """, "agc.yaml");

        // When us-east-1 is activated with no flags
        SettingsUpdate.activate(document, REGION, ActivateFlags.none(), false, Optional.empty());

        // Then only the reset keys changed
        assertThat(document).isEqualTo(SettingsDocument.parse("""
                account: "123456789012"
                tags: { team: genomics }
                regions:
                  eu-west-1: { usePublicSubnets: true }
                  us-east-1: { executeApiEndpoint: true }
                """, "agc.yaml"));
    }

    @Test
    void usingARememberedVpcIsSaid() {
        // Given a region activated with its own VPC
        ObjectNode document = SettingsDocument.parse("regions: { us-east-1: { vpc: " + VPC_A + " } }", "agc.yaml");

        // When it is activated again without --vpc
        SettingsUpdate.Result result = SettingsUpdate.activate(document, REGION, ActivateFlags.none(), true,
                Optional.empty());

        // Then the note names the VPC and how to forget it
        assertThat(result.notes()).singleElement().asString().contains(VPC_A, "deactivate");
    }

    /** {@code activate --vpc X --subnets a,b --ami Y --usePublicSubnets --tags k=v,k=v --bucket B}. */
    static ActivateFlags parse(String step) {
        String[] words = step.split(" ");
        Optional<String> vpc = Optional.empty();
        Optional<String> ami = Optional.empty();
        Optional<String> bucket = Optional.empty();
        List<String> subnets = new ArrayList<>();
        Map<String, String> tags = new LinkedHashMap<>();
        boolean publicSubnets = false;
        for (int i = 1; i < words.length; i++) {
            switch (words[i]) {
                case "--vpc" -> vpc = Optional.of(words[++i]);
                case "--ami" -> ami = Optional.of(words[++i]);
                case "--bucket" -> bucket = Optional.of(words[++i]);
                case "--subnets" -> subnets.addAll(List.of(words[++i].split(",")));
                case "--tags" -> {
                    for (String kv : words[++i].split(",")) {
                        tags.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
                    }
                }
                case "--usePublicSubnets" -> publicSubnets = true;
                default -> throw new IllegalArgumentException(words[i]);
            }
        }
        return new ActivateFlags(bucket, vpc, subnets, ami, publicSubnets, tags);
    }
}
