package dev.agcinfra.audit.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.agcinfra.audit.testing.AwsStubs.ec2Error;
import static dev.agcinfra.audit.testing.AwsStubs.json;
import static dev.agcinfra.audit.testing.AwsStubs.jsonBody;
import static dev.agcinfra.audit.testing.AwsStubs.xmlBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.testing.AwsStubs;
import dev.agcinfra.audit.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code security} against exact AWS answers: a region that cannot be read makes the report partial (exit 3). */
class SecurityWireMockTest {

    static final String NS = " xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    /** A region with no AGC in it: no VPC, no tagged bucket, no state bucket, no table. */
    static void emptyRegion(AwsStubs aws, String region) {
        aws.ec2(region, "DescribeVpcs", xmlBody("<DescribeVpcsResponse" + NS + "><vpcSet/></DescribeVpcsResponse>"));
        wm.stubFor(json(region, AwsStubs.GET_RESOURCES)
                .willReturn(jsonBody("{\"PaginationToken\":\"\",\"ResourceTagMappingList\":[]}")));
        wm.stubFor(post("/").withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.DescribeTable"))
                .withHeader("Authorization", containing("/" + region + "/"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                                + "\"message\":\"Requested resource not found: Table: Agc not found\"}")));
    }

    @Test
    void accessDeniedToTheNetworkInOneRegionIsReportedOnceTheOtherRegionCompletesAndTheExitCodeIsThree() {
        // Given: the buckets looked for by name do not exist, anywhere
        AwsStubs aws = new AwsStubs(wm).sts();
        wm.stubFor(head(urlPathMatching("/agc-.*")).willReturn(aResponse().withStatus(404)));
        wm.stubFor(get(urlPathMatching("/agc-tfstate-.*")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/xml")
                .withBody("<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message>"
                        + "</Error>")));
        emptyRegion(aws, "us-east-1");
        emptyRegion(aws, "ap-east-1");
        aws.ec2("ap-east-1", "DescribeVpcs", ec2Error(403, "UnauthorizedOperation",
                "You are not authorized to perform this operation."));

        // When
        CliRun run = CliRun.run("security", "--regions", "us-east-1,ap-east-1", "--format", "json",
                "--endpoint-url", wm.baseUrl(), "--max-attempts", "1");

        // Then
        assertThat(run.status()).isEqualTo(ExitCode.AWS_FAILURE);
        assertThat(run.errLines()).containsExactly(
                "agc-audit: ap-east-1 ec2 DescribeVpcs UnauthorizedOperation: You are not authorized to perform this "
                        + "operation.",
                "agc-audit: 1 of 2 regions had errors; the report is partial");
        JsonNode report = SynthFixture.read(run.out());
        assertThat(report.get("regions")).extracting(JsonNode::asText).containsExactly("us-east-1", "ap-east-1");
        assertThat(report.get("findings")).isEmpty();
        assertThat(report.get("errors")).hasSize(1);
        assertThat(report.get("summary").get("fails").asBoolean()).isFalse();
        // both regions still look for their buckets and their table
        wm.verify(headRequestedFor(urlPathEqualTo("/agc-123456789012-ap-east-1")));
        wm.verify(headRequestedFor(urlPathEqualTo("/agc-123456789012-us-east-1")));
        wm.verify(2, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.DescribeTable")));
    }
}
