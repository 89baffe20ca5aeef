package dev.agcinfra.audit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code security --format table}: a finding's first line is a row of one table over every finding. */
class SecurityTableTest {

    private static Finding live(Rule rule, String region, String type, String id) {
        return new Finding(rule, rule.severity(), region, type, id, "message of " + id, "fix of " + id,
                rule.references(), null, null, null);
    }

    @Test
    void theColumnsOfEveryFindingLineUpWhateverTheLengthOfRulesRegionsTypesAndIds() {
        List<Finding> findings = List.of(
                live(Rule.SUBNET_PRIVATE_PUBLIC_IP, "us-east-1", "aws_subnet",
                        "subnet-0123456789abcdef0-with-a-much-longer-id-than-the-others"),
                live(Rule.SG_ENDPOINTS_SCOPE, "ap-southeast-7", "aws_security_group", "sg-1"),
                live(Rule.VPC_FLOW_LOGS, "us-east-1", "aws_vpc", "vpc-0123456789abcdef0"));
        StringWriter out = new StringWriter();

        SecurityReports.table(new SecurityResult(null, List.of("us-east-1", "ap-southeast-7"), "application-name=agc",
                12, findings, List.of(), Severity.HIGH), out);

        List<String> lines = out.toString().lines().toList();
        List<String> first = lines.stream().filter(l -> l.matches("^(HIGH|MEDIUM|LOW|INFO) .*")).toList();
        assertThat(first).hasSize(3);
        List<List<String>> cells = List.of(
                List.of("HIGH", "agc-subnet-private-public-ip", "us-east-1", "aws_subnet", "subnet-0123456789abcdef0-"),
                List.of("MEDIUM", "agc-sg-endpoints-https-only", "ap-southeast-7", "aws_security_group", "sg-1"),
                List.of("LOW", "agc-vpc-flow-logs", "us-east-1", "aws_vpc", "vpc-0123456789abcdef0"));
        for (int column = 0; column < 5; column++) {
            int c = column;
            assertThat(List.of(0, 1, 2)).as("column %d starts at the same place on every line", column)
                    .extracting(row -> first.get(row).indexOf(cells.get(row).get(c), c == 0 ? 0 : 5))
                    .containsOnly(first.get(0).indexOf(cells.get(0).get(c), c == 0 ? 0 : 5));
        }
        int rule = first.get(0).indexOf("agc-");
        assertThat(lines).contains(" ".repeat(rule) + "message of sg-1", " ".repeat(rule) + "fix: fix of sg-1");
    }
}
