package dev.agcinfra.audit.accounts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.agcinfra.audit.testing.AgcScenario;
import dev.agcinfra.audit.testing.AgcScenario.Expected;
import dev.agcinfra.audit.testing.AwsStubs;
import dev.agcinfra.audit.testing.CliRun;
import dev.agcinfra.audit.testing.MotoOrganization;
import dev.agcinfra.audit.testing.MotoOrganization.Member;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.testing.MotoServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The read-only jobs over an AWS Organization in moto: the management account (moto's default) and two members
 * created with Organizations, reached through {@code OrganizationAccountAccessRole}, each with AGC infrastructure
 * built with its own credentials (lab-b in two regions), and a third member closed (SUSPENDED). Refusals and disabled
 * regions come from WireMock in front of moto: it answers what the test fakes, and passes everything else to moto.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationMotoTest {

    static final String REGIONS = "us-east-1,eu-west-1";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension proxy = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    MotoServer moto;
    MotoOrganization org;
    Member management;
    Member labA;
    Member labB;
    Member closed;
    Map<String, AgcScenario> scenarios = new HashMap<>();

    @BeforeAll
    void buildOrganization() {
        moto = MotoServer.get();
        moto.reset();
        org = MotoOrganization.create(moto.endpoint(), "lab-a", "lab-b", "lab-closed");
        management = org.management();
        labA = org.member("lab-a");
        labB = org.member("lab-b");
        closed = org.member("lab-closed");
        org.close(closed);
        scenarios.put(management.id(), new AgcScenario(moto.endpoint()).region("us-east-1"));
        scenarios.put(labA.id(), org.scenario(labA).region("us-east-1"));
        scenarios.put(labB.id(), org.scenario(labB).region("us-east-1").region("eu-west-1"));
        moto.post("/moto-api/static/ce/cost-and-usage-results", "{\"results\": [" + linkedAccountCosts() + "]}");
    }

    @BeforeEach
    void proxyEverythingToMoto() {
        proxy.resetAll();
        proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint().toString())));
    }

    CliRun run(String job, String... more) {
        List<String> args = new ArrayList<>(List.of(job, "--regions", REGIONS, "--endpoint-url",
                moto.endpoint().toString(), "--max-attempts", "1"));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(new String[0]));
    }

    /** The resources of the report, ARNs by account. */
    static Map<String, Set<String>> arnsByAccount(JsonNode report) {
        Map<String, Set<String>> arns = new HashMap<>();
        report.get("resources").forEach(r -> arns.computeIfAbsent(r.get("account").asText(), a -> new TreeSet<>())
                .add(r.get("arn").asText()));
        return arns;
    }

    /** The order of --org's reports: the caller's (management) account first, then the members by id. */
    List<Member> reportOrder() {
        List<Member> members = new ArrayList<>(List.of(labA, labB));
        members.sort(java.util.Comparator.comparing(Member::id));
        members.add(0, management);
        return members;
    }

    Set<String> expectedArns(Member member) {
        return new TreeSet<>(scenarios.get(member.id()).expected().stream().map(Expected::arn).toList());
    }

    List<String> everyOthersArn() {
        return scenarios.values().stream().flatMap(s -> s.othersArns().stream()).toList();
    }

    @Test
    @DisplayName("resources --org lists each active account's resources with its account id and nothing of the others'; the suspended account is named, not read")
    void resourcesOfTheOrganization() throws Exception {
        // When
        CliRun run = run("resources", "--org", "--format", "json");

        // Then
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.errLines()).containsExactly("agc-audit: account " + closed.id() + " (lab-closed) is SUSPENDED "
                + "in the organization: not read (--org reads ACTIVE accounts)");
        JsonNode report = JSON.readTree(run.out());
        Map<String, Set<String>> arns = arnsByAccount(report);
        assertThat(arns).containsOnlyKeys(management.id(), labA.id(), labB.id());
        for (Member member : List.of(management, labA, labB)) {
            assertThat(arns.get(member.id())).as(member.name()).containsExactlyElementsOf(expectedArns(member));
        }
        report.get("resources").forEach(r -> {
            String arnAccount = r.get("arn").asText().split(":")[4];
            if (!arnAccount.isEmpty()) {
                assertThat(arnAccount).as(r.get("arn").asText()).isEqualTo(r.get("account").asText());
            }
        });
        assertThat(arns.values().stream().flatMap(Set::stream)).doesNotContainAnyElementsOf(everyOthersArn());
        List<String> totals = new ArrayList<>();
        report.get("accounts").forEach(a -> totals.add(a.get("account").asText() + " " + a.get("name").asText() + " "
                + a.get("regions").asInt() + " " + a.get("resources").asInt() + " " + a.get("complete").asBoolean()));
        assertThat(totals).containsExactlyElementsOf(reportOrder().stream()
                .map(m -> m.id() + " " + m.name() + " 2 " + expectedArns(m).size() + " true").toList());
    }

    @Test
    @DisplayName("resources --accounts lists the accounts named, through the role, and not the caller's own")
    void resourcesOfTheAccountsListed() throws Exception {
        // When
        CliRun json = run("resources", "--accounts", labA.id() + "," + labB.id(), "--format", "json");
        CliRun table = run("resources", "--accounts", labB.id(), "--accounts", labA.id());

        // Then
        assertThat(json.status()).as(json.err()).isEqualTo(ExitCode.OK);
        assertThat(json.err()).isEmpty();
        Map<String, Set<String>> arns = arnsByAccount(JSON.readTree(json.out()));
        assertThat(arns).containsOnlyKeys(labA.id(), labB.id());
        assertThat(arns.get(labA.id())).containsExactlyElementsOf(expectedArns(labA));
        assertThat(arns.get(labB.id())).containsExactlyElementsOf(expectedArns(labB));
        assertThat(table.status()).isEqualTo(ExitCode.OK);
        assertThat(table.out()).contains("Account " + labB.id() + "\n  us-east-1: ", "Account " + labA.id() + "\n",
                "Account total: " + expectedArns(labA).size() + " resources in 2 regions",
                "Total: " + (expectedArns(labA).size() + expectedArns(labB).size()) + " resources tagged "
                        + "application-name=agc in 2 accounts (4 regions)");
        assertThat(table.out().indexOf("Account " + labB.id())).isLessThan(table.out().indexOf("Account " + labA.id()));
        assertThat(table.out()).doesNotContain(management.id());
    }

    @Test
    @DisplayName("an account whose AssumeRole is refused is one error line naming it, exit 3, and the other accounts are complete")
    void refusedRole() throws Exception {
        // Given: STS refuses lab-b's role; everything else reaches moto
        proxy.stubFor(post("/").atPriority(1).withRequestBody(containing("Action=AssumeRole"))
                .withRequestBody(containing("RoleArn=arn%3Aaws%3Aiam%3A%3A" + labB.id() + "%3Arole"))
                .willReturn(AwsStubs.stsError(403, "AccessDenied", "User: arn:aws:iam::123456789012:user/auditor is "
                        + "not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::" + labB.id()
                        + ":role/OrganizationAccountAccessRole")));

        // When
        CliRun run = CliRun.run("resources", "--org", "--regions", REGIONS, "--endpoint-url", proxy.baseUrl(),
                "--max-attempts", "1", "--format", "json");

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.AWS_FAILURE);
        assertThat(run.errLines()).contains(
                "agc-audit: account " + labB.id() + ": sts AssumeRole AccessDenied: User: arn:aws:iam::123456789012:"
                        + "user/auditor is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::"
                        + labB.id() + ":role/OrganizationAccountAccessRole",
                "agc-audit: 1 of 3 accounts had errors (1 not read at all, 0 in some regions); the report is partial");
        JsonNode report = JSON.readTree(run.out());
        Map<String, Set<String>> arns = arnsByAccount(report);
        assertThat(arns).containsOnlyKeys(management.id(), labA.id());
        assertThat(arns.get(management.id())).containsExactlyElementsOf(expectedArns(management));
        assertThat(arns.get(labA.id())).containsExactlyElementsOf(expectedArns(labA));
        JsonNode error = report.get("errors").get(0);
        assertThat(report.get("errors")).hasSize(1);
        assertThat(error.get("account").asText()).isEqualTo(labB.id());
        assertThat(error.get("region").isNull()).isTrue();
        assertThat(error.get("operation").asText()).isEqualTo("AssumeRole");
        // one AssumeRole per member, none for the management account, which is read with the caller's own keys
        assertThat(assumeRoleRequests(labA)).hasSize(1);
        assertThat(assumeRoleRequests(labB)).hasSize(1);
        assertThat(assumeRoleRequests(management)).isEmpty();
        assertThat(assumeRoleRequests(closed)).isEmpty();
    }

    List<LoggedRequest> assumeRoleRequests(Member member) {
        return proxy.findAll(postRequestedFor(anyUrl()).withRequestBody(containing("Action=AssumeRole"))
                .withRequestBody(containing("RoleArn=arn%3Aaws%3Aiam%3A%3A" + member.id() + "%3Arole")));
    }

    @Test
    @DisplayName("a suspended account named with --accounts, whose role cannot be assumed, is one error line naming it, exit 3; the other account is complete")
    void suspendedAccountNamedWithAccounts() throws Exception {
        // Given: STS refuses the closed account's role, as AWS does for a suspended account
        proxy.stubFor(post("/").atPriority(1).withRequestBody(containing("Action=AssumeRole"))
                .withRequestBody(containing("RoleArn=arn%3Aaws%3Aiam%3A%3A" + closed.id() + "%3Arole"))
                .willReturn(AwsStubs.stsError(403, "AccessDenied", "Account " + closed.id() + " is suspended")));

        // When
        CliRun run = CliRun.run("resources", "--accounts", labA.id() + "," + closed.id(), "--regions", REGIONS,
                "--endpoint-url", proxy.baseUrl(), "--max-attempts", "1", "--format", "json");

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.AWS_FAILURE);
        assertThat(run.errLines()).containsExactly(
                "agc-audit: account " + closed.id() + ": sts AssumeRole AccessDenied: Account " + closed.id()
                        + " is suspended",
                "agc-audit: 1 of 2 accounts had errors (1 not read at all, 0 in some regions); the report is partial");
        Map<String, Set<String>> arns = arnsByAccount(JSON.readTree(run.out()));
        assertThat(arns).containsOnlyKeys(labA.id());
        assertThat(arns.get(labA.id())).containsExactlyElementsOf(expectedArns(labA));
    }

    @Test
    @DisplayName("a region disabled in one account is one error naming the account and region, exit 3; its other region and the other account are complete")
    void regionDisabledInOneAccount() throws Exception {
        // Given: EC2 in eu-west-1 refuses the calls signed with an assumed role's session (lab-a's, the only member read)
        proxy.stubFor(post("/").atPriority(1).withHeader("Authorization", containing("/eu-west-1/ec2/"))
                .withHeader("X-Amz-Security-Token", containing(""))
                .willReturn(AwsStubs.ec2Error(401, "AuthFailure", "AWS was not able to validate the provided access "
                        + "credentials")));

        // When
        CliRun run = CliRun.run("resources", "--accounts", management.id() + "," + labA.id(), "--regions", REGIONS,
                "--endpoint-url", proxy.baseUrl(), "--max-attempts", "1", "--format", "json");

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.AWS_FAILURE);
        assertThat(run.errLines()).containsExactly(
                "agc-audit: " + labA.id() + " eu-west-1 ec2 DescribeNatGateways AuthFailure: AWS was not able to "
                        + "validate the provided access credentials",
                "agc-audit: 1 of 2 accounts had errors (0 not read at all, 1 in some regions); the report is partial");
        Map<String, Set<String>> arns = arnsByAccount(JSON.readTree(run.out()));
        assertThat(arns.get(management.id())).containsExactlyElementsOf(expectedArns(management));
        assertThat(arns.get(labA.id())).containsExactlyElementsOf(expectedArns(labA));
    }

    @Test
    @DisplayName("costs --org totals each account and all of them; Cost Explorer is read once, in the management account, grouped by linked account, and covers every account")
    void costsOfTheOrganization() throws Exception {
        // When: the JSON run goes through the proxy, which records what Cost Explorer was asked
        CliRun json = CliRun.run("costs", "--org", "--today", "2026-08-15", "--format", "json", "--regions", REGIONS,
                "--endpoint-url", proxy.baseUrl(), "--max-attempts", "1");
        CliRun table = run("costs", "--org", "--today", "2026-08-15");

        // Then: one GetCostAndUsage request, grouped by linked account, signed with the caller's (management) keys
        List<LoggedRequest> costRequests = proxy.findAll(postRequestedFor(anyUrl())
                .withHeader("X-Amz-Target", equalTo("AWSInsightsIndexService.GetCostAndUsage")));
        assertThat(costRequests).hasSize(1);
        JsonNode costRequest = JSON.readTree(costRequests.get(0).getBodyAsString());
        List<String> groupBy = new ArrayList<>();
        costRequest.get("GroupBy").forEach(g -> groupBy.add(g.get("Type").asText() + " " + g.get("Key").asText()));
        assertThat(groupBy).contains("DIMENSION LINKED_ACCOUNT");
        assertThat(costRequests.get(0).containsHeader("X-Amz-Security-Token")).isFalse();

        // Then
        assertThat(json.status()).as(json.err()).isEqualTo(ExitCode.OK);
        JsonNode report = JSON.readTree(json.out());
        Map<String, BigDecimal> byRegions = new HashMap<>();
        report.get("regions").forEach(region -> {
            byRegions.merge(region.get("account").asText(), region.get("estimatedMonthlyUsd").decimalValue(),
                    BigDecimal::add);
            assertThat(region.get("natGateways").asInt()).as(region.toString()).isEqualTo(
                    region.get("account").asText().equals(labB.id()) || region.get("region").asText().equals("us-east-1")
                            ? 2 : 0);
        });
        List<String> accounts = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode account : report.get("accounts")) {
            String id = account.get("account").asText();
            accounts.add(id);
            assertThat(account.get("estimatedMonthlyUsd").decimalValue()).as(id).isEqualByComparingTo(byRegions.get(id));
            sum = sum.add(account.get("estimatedMonthlyUsd").decimalValue());
        }
        assertThat(accounts).containsExactlyElementsOf(reportOrder().stream().map(Member::id).toList());
        assertThat(report.get("totalEstimatedMonthlyUsd").decimalValue()).isEqualByComparingTo(sum);
        // us-east-1 of each account: 2 NAT gateways $65.70 + 3 public IPv4 $10.95 + 1 endpoint in 2 AZs $14.60
        assertThat(byRegions.get(management.id())).isEqualByComparingTo("91.25");
        assertThat(byRegions.get(labA.id())).isEqualByComparingTo("91.25");
        assertThat(byRegions.get(labB.id())).isGreaterThan(new BigDecimal("91.25"));
        assertThat(actual(report, management.id())).isEqualTo("65.7 30.66");
        assertThat(actual(report, labA.id())).isEqualTo("32.85 15.33");
        assertThat(actual(report, labB.id())).isEqualTo("69.35 32.37");
        assertThat(report.get("actualsReadIn").asText()).isEqualTo(management.id());
        List<String> cover = new ArrayList<>();
        report.get("actualsCover").forEach(a -> cover.add(a.asText()));
        assertThat(cover).containsExactlyElementsOf(reportOrder().stream().map(Member::id).toList());
        assertThat(table.out()).contains("Account " + management.id() + " (master): estimated $91.25 a month; actual "
                        + "last month $65.70, month to date $30.66",
                "Account " + labA.id() + " (lab-a): estimated $91.25 a month; actual last month $32.85",
                "Actuals: Cost Explorer read once in account " + management.id() + ", covering every account",
                "Total estimated: $" + String.format(java.util.Locale.ROOT, "%,.2f", sum) + " a month in 3 accounts");
    }

    /** An account's actuals as {@code lastMonth monthToDate}. */
    static String actual(JsonNode report, String account) {
        for (JsonNode a : report.get("accounts")) {
            if (a.get("account").asText().equals(account)) {
                return a.get("actualLastMonthUsd").decimalValue().stripTrailingZeros().toPlainString() + " "
                        + a.get("actualMonthToDateUsd").decimalValue().stripTrailingZeros().toPlainString();
            }
        }
        throw new AssertionError("no account " + account);
    }

    @Test
    @DisplayName("retained --org reads every account's regions: all active here, so nothing to report, exit 0")
    void retainedOfTheOrganization() throws Exception {
        CliRun run = run("retained", "--org", "--format", "json");

        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode report = JSON.readTree(run.out());
        List<String> regions = new ArrayList<>();
        report.get("regions").forEach(r -> regions.add(r.get("account").asText() + " " + r.get("region").asText() + " "
                + r.get("active").asText()));
        assertThat(regions).containsExactlyElementsOf(reportOrder().stream().flatMap(m -> List.of(
                m.id() + " us-east-1 true", m.id() + " eu-west-1 " + (m == labB)).stream()).toList());
        assertThat(report.get("findings")).isEmpty();
    }

    @Test
    @DisplayName("security --org checks every account; each finding names its account, and each account is summed up")
    void securityOfTheOrganization() throws Exception {
        CliRun run = run("security", "--org", "--format", "json", "--fail-on", "none");

        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode report = JSON.readTree(run.out());
        Set<String> findingAccounts = new TreeSet<>();
        report.get("findings").forEach(f -> findingAccounts.add(f.get("account").asText()));
        assertThat(findingAccounts).containsExactlyInAnyOrder(management.id(), labA.id(), labB.id());
        List<String> accounts = new ArrayList<>();
        report.get("accounts").forEach(a -> accounts.add(a.get("account").asText()));
        assertThat(accounts).containsExactlyElementsOf(reportOrder().stream().map(Member::id).toList());
    }

    /** Cost Explorer's answer grouped by LINKED_ACCOUNT and USAGE_TYPE: NAT gateway hours of each account. */
    String linkedAccountCosts() {
        return """
                {"GroupDefinitions": [{"Type": "DIMENSION", "Key": "LINKED_ACCOUNT"},
                                      {"Type": "DIMENSION", "Key": "USAGE_TYPE"}],
                 "ResultsByTime": [
                   {"TimePeriod": {"Start": "2026-07-01", "End": "2026-08-01"}, "Total": {}, "Estimated": false,
                    "Groups": [%s, %s, %s, %s]},
                   {"TimePeriod": {"Start": "2026-08-01", "End": "2026-08-15"}, "Total": {}, "Estimated": true,
                    "Groups": [%s, %s, %s, %s]}],
                 "DimensionValueAttributes": []}
                """.formatted(
                group(management.id(), "NatGateway-Hours", "65.70", "1460"),
                group(labA.id(), "NatGateway-Hours", "32.85", "730"),
                group(labB.id(), "NatGateway-Hours", "32.85", "730"),
                group(labB.id(), "EU-NatGateway-Hours", "36.50", "730"),
                group(management.id(), "NatGateway-Hours", "30.66", "672"),
                group(labA.id(), "NatGateway-Hours", "15.33", "336"),
                group(labB.id(), "NatGateway-Hours", "15.33", "336"),
                group(labB.id(), "EU-NatGateway-Hours", "17.04", "336"));
    }

    static String group(String account, String usageType, String usd, String hours) {
        return "{\"Keys\": [\"" + account + "\", \"" + usageType + "\"], \"Metrics\": {\"UnblendedCost\": {\"Amount\": \""
                + usd + "\", \"Unit\": \"USD\"}, \"UsageQuantity\": {\"Amount\": \"" + hours + "\", \"Unit\": \"Hrs\"}}}";
    }
}
