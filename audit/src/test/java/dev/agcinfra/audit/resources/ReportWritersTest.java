package dev.agcinfra.audit.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.accounts.AuditScope;
import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.report.Format;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReportWritersTest {

    static final String ACCOUNT = "123456789012";
    static final Resource NAT = new Resource("us-east-1", "ec2", "natgateway", "nat-1",
            "arn:aws:ec2:us-east-1:123456789012:natgateway/nat-1", "agc-core-us-east-1/nat-1", "available",
            Map.of("application-name", "agc", "Name", "agc-core-us-east-1/nat-1"), ACCOUNT);
    static final Resource BUCKET = new Resource("eu-west-1", "s3", "bucket", "agc-b", "arn:aws:s3:::agc-b", null,
            null, Map.of("application-name", "agc", "note", "a, \"quoted\" value"), ACCOUNT);
    static final AuditError DENIED = new AuditError(ACCOUNT, "ap-east-1", "tagging", "GetResources",
            "UnrecognizedClientException", "The security token included in the request is invalid.");
    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");

    @Test
    @DisplayName("JSON has the issue's shape: tag, regions, resources with every field and their account last, errors, "
            + "then each account's total")
    void jsonShape() throws Exception {
        // When
        String json = write(Format.JSON, List.of(NAT, BUCKET), List.of(DENIED));

        // Then
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.fieldNames()).toIterable().containsExactly("tag", "regions", "resources", "errors",
                "accounts");
        assertThat(root.get("tag").asText()).isEqualTo("application-name=agc");
        assertThat(root.get("regions").toString()).isEqualTo("[\"us-east-1\",\"eu-west-1\"]");
        JsonNode nat = root.get("resources").get(0);
        assertThat(nat.fieldNames()).toIterable()
                .containsExactly("region", "service", "type", "id", "arn", "name", "state", "tags", "account");
        assertThat(nat.get("account").asText()).isEqualTo(ACCOUNT);
        assertThat(nat.get("state").asText()).isEqualTo("available");
        assertThat(nat.get("tags").get("application-name").asText()).isEqualTo("agc");
        assertThat(root.get("resources").get(1).get("name").isNull()).isTrue();
        JsonNode error = root.get("errors").get(0);
        assertThat(error.fieldNames()).toIterable()
                .containsExactly("region", "service", "operation", "code", "message", "account");
        assertThat(error.get("code").asText()).isEqualTo("UnrecognizedClientException");
        assertThat(root.get("accounts").toString()).isEqualTo("[{\"account\":\"" + ACCOUNT + "\",\"name\":null,"
                + "\"regions\":2,\"resources\":2,\"complete\":false}]");
    }

    @Test
    @DisplayName("CSV has one header row and one row per resource, quoting commas and quotes, the account last")
    void csvRows() throws Exception {
        String csv = write(Format.CSV, List.of(NAT, BUCKET), List.of());

        assertThat(csv.split("\n")).containsExactly(
                "region,service,type,id,arn,name,state,tags,account",
                "us-east-1,ec2,natgateway,nat-1,arn:aws:ec2:us-east-1:123456789012:natgateway/nat-1,"
                        + "agc-core-us-east-1/nat-1,available,Name=agc-core-us-east-1/nat-1;application-name=agc,"
                        + ACCOUNT,
                "eu-west-1,s3,bucket,agc-b,arn:aws:s3:::agc-b,,,\"application-name=agc;note=a, \"\"quoted\"\" value\","
                        + ACCOUNT);
    }

    @Test
    @DisplayName("the table groups by region then type, with counts, and lists errors")
    void tableGroups() throws Exception {
        String table = write(Format.TABLE, List.of(BUCKET, NAT, withId(NAT, "nat-2")), List.of(DENIED));

        assertThat(table).contains("""
                us-east-1: 2 resources
                  ec2/natgateway (2)
                    nat-1  available  agc-core-us-east-1/nat-1
                    nat-2  available  agc-core-us-east-1/nat-1
                eu-west-1: 1 resource
                  s3/bucket (1)
                    agc-b
                """);
        assertThat(table).contains("Total: 3 resources tagged application-name=agc in 2 regions");
        assertThat(table).contains("ap-east-1 tagging GetResources UnrecognizedClientException: The security token");
    }

    @Test
    @DisplayName("a region whose calls failed is not read, not '0 resources', and does not count among the regions read")
    void failedRegion() throws Exception {
        AuditError failed = new AuditError(ACCOUNT, "eu-west-1", "ec2", "DescribeNatGateways", "AccessDenied", "no");

        String table = write(Format.TABLE, List.of(NAT), List.of(failed));

        assertThat(table).contains("us-east-1: 1 resource\n", "eu-west-1: not read (incomplete: see the errors below)")
                .doesNotContain("eu-west-1: 0 resources")
                .contains("Total: 1 resource tagged application-name=agc in 1 region, and 1 region not read completely");
    }

    @Test
    @DisplayName("an ARN that comes twice is written once, the first time")
    void deduplicates() throws Exception {
        Resource fromTagging = new Resource("us-east-1", "ec2", "natgateway", "nat-1", NAT.arn(), null, null, Map.of(),
                ACCOUNT);

        String csv = write(Format.CSV, List.of(NAT, fromTagging, BUCKET, BUCKET), List.of());

        assertThat(csv.split("\n")).hasSize(3);
        assertThat(csv).contains("available");
    }

    private static Resource withId(Resource r, String id) {
        return new Resource(r.region(), r.service(), r.type(), id, r.arn().replace(r.id(), id), r.name(), r.state(),
                r.tags(), r.account());
    }

    private static String write(Format format, List<Resource> resources, List<AuditError> errors) throws Exception {
        StringWriter out = new StringWriter();
        DeduplicatingWriter writer = ResourceReport.writer(format, out, TagFilter.DEFAULT,
                AuditScope.caller(ACCOUNT, REGIONS));
        writer.begin();
        writer.write(resources);
        writer.end(errors);
        return out.toString();
    }
}
