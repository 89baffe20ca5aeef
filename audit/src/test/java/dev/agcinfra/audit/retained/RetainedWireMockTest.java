package dev.agcinfra.audit.retained;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.agcinfra.audit.testing.AwsStubs.json;
import static dev.agcinfra.audit.testing.AwsStubs.jsonBody;
import static dev.agcinfra.audit.testing.AwsStubs.jsonError;
import static dev.agcinfra.audit.testing.AwsStubs.xml;
import static dev.agcinfra.audit.testing.AwsStubs.xmlBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.testing.AwsStubs;
import dev.agcinfra.audit.testing.CliRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code retained} against exact AWS answers: a region that cannot be read does not stop the others. */
class RetainedWireMockTest {

    static final String NS = " xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @Test
    @DisplayName("access denied in one region: its activity is unknown and reported, the other region's orphans are still found, exit 3")
    void partialReport() throws Exception {
        // Given
        AwsStubs aws = new AwsStubs(wm).sts();
        wm.stubFor(json("ap-east-1", "AmazonSSM.GetParameter")
                .willReturn(jsonError(400, "AccessDeniedException", "not allowed in ap-east-1")));
        wm.stubFor(json("us-east-1", "AmazonSSM.GetParameter")
                .willReturn(jsonError(400, "ParameterNotFound", "/agc/_common/vpc")));
        aws.ec2("us-east-1", "DescribeNatGateways", xml("ec2-DescribeNatGateways.xml"));
        aws.ec2("us-east-1", "DescribeVpcEndpoints", xmlBody("<DescribeVpcEndpointsResponse" + NS
                + "><vpcEndpointSet/></DescribeVpcEndpointsResponse>"));
        aws.ec2("us-east-1", "DescribeAddresses", xmlBody("<DescribeAddressesResponse" + NS
                + "><addressesSet/></DescribeAddressesResponse>"));
        aws.ec2("us-east-1", "DescribeVpcs", xmlBody("<DescribeVpcsResponse" + NS + "><vpcSet/></DescribeVpcsResponse>"));
        wm.stubFor(json("us-east-1", AwsStubs.GET_RESOURCES)
                .willReturn(jsonBody("{\"PaginationToken\":\"\",\"ResourceTagMappingList\":[]}")));
        wm.stubFor(json("us-east-1", "Logs_20140328.DescribeLogGroups").willReturn(jsonBody("{\"logGroups\":[]}")));

        // When
        List<String> args = new ArrayList<>(List.of("retained", "--regions", "us-east-1,ap-east-1", "--format", "json",
                "--endpoint-url", wm.baseUrl(), "--max-attempts", "1"));
        CliRun run = CliRun.run(args.toArray(new String[0]));

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.AWS_FAILURE);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("regions").toString()).isEqualTo(
                "[{\"region\":\"us-east-1\",\"active\":false,\"account\":\"123456789012\"},"
                        + "{\"region\":\"ap-east-1\",\"active\":null,\"account\":\"123456789012\"}]");
        List<String> nats = new ArrayList<>();
        report.get("findings").forEach(f -> nats.add(f.get("type").asText() + " " + f.get("monthlyUsd").asText()));
        assertThat(nats).containsExactly("natgateway 32.85", "natgateway 32.85", "natgateway 32.85");
        assertThat(report.get("errors")).hasSize(1);
        assertThat(report.get("errors").get(0).get("code").asText()).isEqualTo("AccessDeniedException");
        assertThat(run.errLines()).containsExactly(
                "agc-audit: ap-east-1 ssm GetParameter AccessDeniedException: not allowed in ap-east-1",
                "agc-audit: 1 of 2 regions had errors; the report is partial");
    }
}
