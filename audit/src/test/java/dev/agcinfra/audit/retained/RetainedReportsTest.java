package dev.agcinfra.audit.retained;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.provenance.Provenance;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The retained report's formats, from plain findings. */
class RetainedReportsTest {

    static final String ACCOUNT = "123456789012";

    final Finding bucket = new Finding("eu-west-1", Kind.BUCKET, Finding.S3_BUCKET, "agc-123456789012-eu-west-1", null,
            Provenance.state("agc/agc-data-eu-west-1.tfstate", "v1", "aws_s3_bucket.results_bucket"), null, null, 3000L, 2L, Finding.FROM_LISTING, null, new BigDecimal("0.0001"), "kept",
            "aws s3 rb s3://agc-123456789012-eu-west-1 --force --region eu-west-1", ACCOUNT);
    final Finding nat = new Finding("eu-west-1", Kind.ORPHAN, Finding.NAT_GATEWAY, "nat-1", "agc-core/nat-1",
            Provenance.state("agc/agc-core-eu-west-1.tfstate", "v2", "aws_nat_gateway.vpc_public_subnet1_nat_gateway"),
            "available", "vpc-1", null, null, null, null, new BigDecimal("35.04"), "left running",
            "aws ec2 delete-nat-gateway --region eu-west-1 --nat-gateway-id nat-1", ACCOUNT);
    final Finding lambda = new Finding("eu-west-1", Kind.LOG_GROUP, Finding.LOG_GROUP, "/aws/lambda/Agc-x", null,
            Provenance.of(Provenance.Source.UNTAGGED, "not tagged application-name=agc"), null, null, 10L, null, null, null, null, "untagged", null,
            ACCOUNT);
    final RetainedResult result = new RetainedResult(
            List.of(new RegionStatus("eu-west-1", false, null, ACCOUNT),
                    new RegionStatus("us-east-1", true, "vpc-9", ACCOUNT)),
            List.of(bucket, nat, lambda), 3, new BigDecimal("35.0401"), new BigDecimal("35.0401"),
            List.of(new AuditError(ACCOUNT, "ap-east-1", "ssm", "GetParameter", "AccessDeniedException", "no")));

    @Test
    @DisplayName("the table lists orphans before data, each with its monthly cost and command, then the total and errors")
    void table() throws IOException {
        StringWriter out = new StringWriter();

        RetainedReports.write(RetainedReports.table(out), result);

        String text = out.toString();
        assertThat(text).startsWith("Regions: eu-west-1 (not active) us-east-1 (active: not audited)\n");
        assertThat(text.indexOf("nat-1")).isLessThan(text.indexOf("agc-123456789012-eu-west-1"));
        assertThat(text).contains("$35.04/mo", "$0.0001/mo", "unknown", "2.9 KB, 2 objects",
                "      $ aws ec2 delete-nat-gateway --region eu-west-1 --nat-gateway-id nat-1",
                "Total: $35.04/month for 3 findings; agc-owned and removable: $35.04/month; 1 without a known price",
                "Errors (1): the report is partial", "ap-east-1 ssm GetParameter AccessDeniedException: no");
    }

    @Test
    @DisplayName("JSON has the issue's shape: tag, regions with active, findings, totalMonthlyUsd, errors, then each "
            + "account's total; regions, findings and errors name their account last")
    void json() throws IOException {
        StringWriter out = new StringWriter();

        RetainedReports.write(RetainedReports.json(out, TagFilter.DEFAULT), result);

        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.fieldNames()).toIterable().containsExactly("tag", "regions", "findings", "totalMonthlyUsd",
                "errors", "accounts");
        assertThat(report.get("regions").get(1).toString()).isEqualTo(
                "{\"region\":\"us-east-1\",\"active\":true,\"vpc\":\"vpc-9\",\"account\":\"" + ACCOUNT + "\"}");
        assertThat(report.get("accounts").toString()).isEqualTo("[{\"account\":\"" + ACCOUNT + "\",\"name\":null,"
                + "\"findings\":3,\"totalMonthlyUsd\":35.0401,\"complete\":false}]");
        JsonNode first = report.get("findings").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("region", "kind", "type", "id", "owner",
                "provenance", "sizeBytes", "objects", "sizeSource", "retentionDays", "monthlyUsd", "reason", "cleanup",
                "account");
        assertThat(first.get("kind").asText()).isEqualTo("bucket");
        assertThat(first.get("owner").asText()).isEqualTo("agc");
        assertThat(first.get("provenance").toString()).isEqualTo("{\"source\":\"state\",\"stateFile\":"
                + "\"agc/agc-data-eu-west-1.tfstate\",\"versionId\":\"v1\",\"address\":\"aws_s3_bucket.results_bucket\"}");
        assertThat(report.get("findings").get(2).get("provenance").toString()).isEqualTo(
                "{\"source\":\"untagged\",\"detail\":\"not tagged application-name=agc\"}");
        assertThat(report.get("findings").get(2).get("monthlyUsd").isNull()).isTrue();
        assertThat(report.get("totalMonthlyUsd").decimalValue()).isEqualByComparingTo("35.0401");
        assertThat(report.get("errors").get(0).get("code").asText()).isEqualTo("AccessDeniedException");
    }

    @Test
    @DisplayName("CSV has one header row and one row per finding, quoting what needs it, the account last")
    void csv() throws IOException {
        StringWriter out = new StringWriter();

        RetainedReports.write(RetainedReports.csv(out), result);

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("region,kind,type,id,name,owner,provenance,state,vpcId,sizeBytes,objects,"
                + "sizeSource,retentionDays,monthlyUsd,reason,cleanup,account");
        assertThat(lines.get(2)).startsWith("eu-west-1,orphan,natgateway,nat-1,agc-core/nat-1,agc,"
                + "created by agc-infra: agc/agc-core-eu-west-1.tfstate (version v2) lists it as "
                + "aws_nat_gateway.vpc_public_subnet1_nat_gateway,available,vpc-1,,,,,35.04,left running,");
    }
}
