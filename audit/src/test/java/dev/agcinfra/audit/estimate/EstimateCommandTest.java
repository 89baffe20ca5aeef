package dev.agcinfra.audit.estimate;

import static dev.agcinfra.audit.estimate.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command as a user runs it: arguments in, report on stdout, one line on stderr for errors, an exit code. */
class EstimateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + out, e);
            }
        }
    }

    /** Runs {@code agc-audit estimate args...}, as a user does. */
    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] command = new String[args.length + 1];
        command[0] = "estimate";
        System.arraycopy(args, 0, command, 1, args.length);
        int exitCode = dev.agcinfra.audit.cli.AgcAudit.run(new PrintWriter(out), new PrintWriter(err), command);
        return new Result(exitCode, out.toString(), err.toString());
    }

    static String fixture(String relative) {
        return resource(relative).toString();
    }

    @TempDir
    Path temp;

    @Nested
    class Json {

        @Test
        void theDefaultCoreAsJsonHasTheDocumentedFields() {
            Result result = run(fixture("default-us-east-1"), "--format", "json");

            assertThat(result.exitCode()).isZero();
            JsonNode json = result.json();
            assertThat(json.path("currency").asText()).isEqualTo("USD");
            assertThat(json.path("hoursPerMonth").asInt()).isEqualTo(730);
            assertThat(json.path("totalMonthlyUsd").decimalValue()).isEqualByComparingTo("262.80");
            JsonNode stack = json.path("stacks").get(0);
            assertThat(stack.path("stack").asText()).isEqualTo("default-us-east-1");
            assertThat(stack.path("region").asText()).isEqualTo("us-east-1");
            assertThat(stack.path("monthlyUsd").decimalValue()).isEqualByComparingTo("262.80");
            JsonNode nat = stack.path("items").get(0);
            assertThat(nat.path("address").asText()).isEqualTo("aws_nat_gateway.Vpc_PublicSubnet1_NATGateway");
            assertThat(nat.path("category").asText()).isEqualTo("nat-gateway-hours");
            assertThat(nat.path("quantity").decimalValue()).isEqualByComparingTo("730");
            assertThat(nat.path("unit").asText()).isEqualTo("hours");
            assertThat(nat.path("unitPriceUsd").decimalValue()).isEqualByComparingTo("0.045");
            assertThat(nat.path("monthlyUsd").decimalValue()).isEqualByComparingTo("32.85");
            assertThat(stack.path("usageBased")).hasSize(10);
            assertThat(stack.path("usageBased").get(0).path("unitPrice").asText()).isEqualTo("$0.045 per GB processed");
            assertThat(stack.path("unknown")).isEmpty();
            assertThat(stack.path("free")).hasSize(2);
        }

        @Test
        void moneyIsWrittenAsPlainNumbersRoundedToCents() {
            Result result = run(fixture("default-us-east-1"), "--format", "json");

            assertThat(result.out()).contains("\"monthlyUsd\" : 262.8,").contains("\"totalMonthlyUsd\" : 262.8,")
                    .contains("\"unitPriceUsd\" : 0.045,").doesNotContain("E+");
        }

        @Test
        void unknownItemsCarryTheirReasonAndMakeTheReportIncomplete() {
            // ca-west-1: no sourced NAT gateway price (aws-prices-regions.md), the rest priced
            JsonNode json = run(fixture("core-ca-west-1"), "--format", "json").json();

            JsonNode stack = json.path("stacks").get(0);
            assertThat(stack.path("unknown")).hasSize(6);
            assertThat(stack.path("unknown")).extracting(u -> u.path("category").asText())
                    .containsOnly("nat-gateway-hours", "nat-gateway-data");
            assertThat(stack.path("unknown").get(0).path("reason").asText()).contains("no sourced price")
                    .contains("ca-west-1");
            assertThat(json.path("complete").asBoolean()).isFalse();
            // 3 Elastic IPs $10.95 + 21 endpoint-AZs at $0.011 $168.63
            assertThat(json.path("totalMonthlyUsd").decimalValue()).isEqualByComparingTo("179.58");
        }

        @Test
        void everyPricedAndTrafficPricedLineNamesItsPriceSource() {
            JsonNode json = run(fixture("two-regions"), "--format", "json").json();

            for (JsonNode stack : json.path("stacks")) {
                for (String lines : List.of("items", "usageBased")) {
                    assertThat(stack.path(lines)).allSatisfy(line -> assertThat(line.path("source").asText())
                            .as(stack.path("stack").asText() + " " + line.path("address").asText())
                            .startsWith("shared/reference/aws-prices-regions.md [S"));
                }
            }
            assertThat(json.path("stacks").get(3).path("items")).isNotEmpty();
        }

        @Test
        void assumedVolumesArePricedAsItems() {
            JsonNode json = run(fixture("default-us-east-1"), "--format", "json", "--nat-gb", "100",
                    "--endpoint-gb", "1000").json();

            JsonNode stack = json.path("stacks").get(0);
            assertThat(stack.path("usageBased")).isEmpty();
            // $262.80 + $4.50 NAT data + $10.00 endpoint data.
            assertThat(stack.path("monthlyUsd").decimalValue()).isEqualByComparingTo("277.30");
            assertThat(stack.findValues("address")).extracting(JsonNode::asText)
                    .contains("aws_nat_gateway.*", "aws_vpc_endpoint.*");
        }
    }

    @Test
    void theTableEndsWithTheTotalAndThePriceSource() {
        Result result = run(fixture("two-regions"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("agc-core-us-east-1 (us-east-1)")
                .contains("Stack total: $262.80 per month")
                .contains("Total: $799.35 per month for 4 stacks (USD, 730 hours per month)")
                .doesNotContain("Unknown, not in the total:")
                .contains("Prices: embedded price table");
    }

    @Test
    void theTableListsUnknownItemsApartAndTheTotalSaysTheyAreLeftOut() {
        Result result = run(fixture("core-ca-west-1"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Unknown, not in the total:")
                .contains("no sourced price for nat-gateway-hours in ca-west-1")
                .contains("Total: $179.58 per month for 1 stack (USD, 730 hours per month; 6 unknown items not included)");
    }

    @Test
    void csvHasOneHeaderRowAndOneRowPerLine() {
        Result result = run(fixture("default-us-east-1"), "--format", "csv");

        List<String> rows = result.out().lines().toList();
        assertThat(rows.get(0)).isEqualTo(EstimateCsvWriter.HEADER);
        // 13 items + 10 usage-based + 2 free + stack total + total.
        assertThat(rows).hasSize(1 + 13 + 10 + 2 + 1 + 1);
        assertThat(rows).contains("default-us-east-1,us-east-1,item,aws_nat_gateway.Vpc_PublicSubnet1_NATGateway,"
                + "nat-gateway-hours,730,hours,0.045,32.85,,\"shared/reference/aws-prices-regions.md [S1][S3][S4][S7]: 'Hourly charge for NAT Gateways'; AWS pricing-page feed meteredUnitMaps/ec2 natgateway.json published 2026-09-03, as copied in iammanis/ec2-vps _data/rates.json; the same figure in [S3], [S4], [S7]\"");
        assertThat(rows.get(rows.size() - 1)).isEqualTo(",,total,,,,,,262.80,,");
        assertThat(result.out()).contains("\r\n");
    }

    @Test
    void markdownIsAPullRequestCommentWithASummaryAndADetailsBlockPerStack() {
        Result result = run(fixture("two-regions"), "--format", "markdown");

        assertThat(result.out()).startsWith("## AGC infrastructure cost estimate")
                .contains("**$799.35 per month**")
                .contains("| agc-core-us-east-1 | us-east-1 | $262.80 |")
                .contains("| agc-core-sa-east-1 | sa-east-1 | $536.55 |")
                .contains("| **Total** | | **$799.35** |")
                .contains("<details><summary>agc-core-us-east-1 (us-east-1): $262.80 per month</summary>")
                .contains("| `aws_nat_gateway.Vpc_PublicSubnet1_NATGateway` | nat-gateway-hours | 730 hours | $0.045 | $32.85 |")
                .doesNotContain("could not be priced");
    }

    @Test
    void markdownSaysWhatCouldNotBePriced() {
        Result result = run(fixture("core-ca-west-1"), "--format", "markdown");

        assertThat(result.out()).contains("**$179.58 per month** + unknown")
                .contains("> 6 items could not be priced and are not in the total.");
    }

    @Nested
    class Compare {

        @Test
        void theTableShowsTheThreeLayoutsSideBySide() {
            Result result = run(fixture("default-us-east-1"), "--compare");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("PRIVATE SUBNETS (AS SYNTHESIZED)").contains("PUBLIC SUBNETS ONLY")
                    .contains("ONE SHARED NAT GATEWAY");
            assertThat(result.out().lines().filter(l -> l.startsWith("default-us-east-1")).findFirst().orElseThrow())
                    .contains("$262.80").contains("$0.00").contains("$189.80");
        }

        @Test
        void jsonHasEachScenarioPerStackAndTotals() {
            JsonNode json = run(fixture("default-us-east-1"), "--compare", "--format", "json").json();

            assertThat(json.path("scenarios")).extracting(JsonNode::asText)
                    .containsExactly("private-subnets", "public-subnets", "single-nat-gateway");
            JsonNode scenarios = json.path("stacks").get(0).path("scenarios");
            assertThat(scenarios).extracting(s -> s.path("monthlyUsd").decimalValue())
                    .usingElementComparator(java.math.BigDecimal::compareTo)
                    .containsExactly(new java.math.BigDecimal("262.8"), java.math.BigDecimal.ZERO,
                            new java.math.BigDecimal("189.8"));
            assertThat(json.path("totals").get(0).path("monthlyUsd").decimalValue()).isEqualByComparingTo("262.80");
        }

        @Test
        void csvAndMarkdownCarryTheSameFigures() {
            Result csv = run(fixture("default-us-east-1"), "--compare", "--format", "csv");
            Result markdown = run(fixture("default-us-east-1"), "--compare", "--format", "markdown");

            assertThat(csv.out().lines()).contains(EstimateCsvWriter.COMPARISON_HEADER,
                    "default-us-east-1,us-east-1,private-subnets,262.80,true,",
                    "default-us-east-1,us-east-1,public-subnets,0.00,true,",
                    "default-us-east-1,us-east-1,single-nat-gateway,189.80,true,");
            assertThat(markdown.out()).contains("| default-us-east-1 | us-east-1 | $262.80 | $0.00 | $189.80 |");
        }

        @Test
        void aStackInTheUsersVpcIsNotCompared() {
            Result result = run(fixture("own-vpc-us-east-1"), "--compare");

            assertThat(result.out()).contains("No stack creates its own VPC");
        }
    }

    @Nested
    class Options {

        @Test
        void aUsageFileAppliesPerStack() throws IOException {
            Path usage = temp.resolve("usage.yaml");
            Files.writeString(usage, "stacks:\n  default-us-east-1:\n    natGb: 100\n");

            JsonNode json = run(fixture("default-us-east-1"), "--usage-file", usage.toString(), "--format", "json").json();

            assertThat(json.path("totalMonthlyUsd").decimalValue()).isEqualByComparingTo("267.30");
        }

        @Test
        void aPriceFilePricesARegionTheEmbeddedTableDoesNotKnow() throws IOException {
            Path prices = temp.resolve("prices.json");
            Files.writeString(prices, "{\"regions\": {\"sa-east-1\": {\"interface-endpoint-hours\": "
                    + "{\"usd\": \"0.015\", \"source\": \"test figure\"}}}}");

            JsonNode json = run(fixture("two-regions/stacks/agc-core-sa-east-1"), "--price-file", prices.toString(),
                    "--format", "json").json();

            // 3 NATs $203.67 + 3 EIPs $10.95 + 21 endpoint-AZs × 730 h × $0.015 = $229.95.
            assertThat(json.path("totalMonthlyUsd").decimalValue()).isEqualByComparingTo("444.57");
            assertThat(json.path("prices").asText()).contains("price file");
        }

        @Test
        void outputGoesToTheFileGiven() {
            Path file = temp.resolve("estimate.json");

            Result result = run(fixture("default-us-east-1"), "--format", "json", "--output", file.toString());

            assertThat(result.out()).isEmpty();
            assertThat(file).content().contains("\"totalMonthlyUsd\" : 262.8");
        }

        @Test
        void theDefaultPathIsCdktfOut() {
            CommandLine cli = new CommandLine(new dev.agcinfra.audit.cli.AuditEstimate());
            assertThat(cli.getCommandSpec().positionalParameters().get(0).defaultValue()).isEqualTo("cdktf.out");
        }
    }

    @Test
    void agcAuditRunsEstimateAsASubcommand() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exitCode = dev.agcinfra.audit.cli.AgcAudit.run(new PrintWriter(out), new PrintWriter(err),
                "estimate", fixture("default-us-east-1"), "--format", "JSON");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("\"totalMonthlyUsd\" : 262.8");
    }

    @Nested
    class Errors {

        @Test
        void aMissingPathExitsTwoWithOneLine() {
            Result result = run(temp.resolve("cdktf.out").toString());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.out()).isEmpty();
            assertThat(result.err().lines()).singleElement().asString().contains("no such file or directory");
        }

        @Test
        void anUnknownFormatExitsTwo() {
            assertThat(run(fixture("default-us-east-1"), "--format", "xml").exitCode()).isEqualTo(2);
        }

        @Test
        void aNegativeVolumeExitsTwo() {
            Result result = run(fixture("default-us-east-1"), "--nat-gb", "-5");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("--nat-gb");
        }

        @Test
        void aPriceFileWithLivePricingExitsTwo() {
            assertThat(run(fixture("default-us-east-1"), "--pricing", "live", "--price-file", "x.json").exitCode())
                    .isEqualTo(2);
        }

        @Test
        void aMalformedUsageFileExitsTwoNamingTheKey() throws IOException {
            Path usage = temp.resolve("usage.yaml");
            Files.writeString(usage, "natgb: 1\n");

            Result result = run(fixture("default-us-east-1"), "--usage-file", usage.toString());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("unknown key 'natgb'");
        }
    }
}
