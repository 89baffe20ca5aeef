package dev.agcinfra.audit.costs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * WireMock answers for the costs job, as AWS gives them: EC2 and CloudWatch (Query, XML), Cost Explorer (JSON 1.1),
 * from the fixtures in {@code src/test/resources/costs} (one AGC region, us-east-1, account 123456789012).
 */
final class CostsStubs {

    static final String GET_COST_AND_USAGE = "AWSInsightsIndexService.GetCostAndUsage";
    static final String LIST_COST_ALLOCATION_TAGS = "AWSInsightsIndexService.ListCostAllocationTags";
    static final String GET_PARAMETER = "AmazonSSM.GetParameter";

    private final WireMockExtension wm;

    CostsStubs(WireMockExtension wm) {
        this.wm = wm;
    }

    /**
     * STS in any region, every EC2 call of the job in {@code region} from the AGC fixtures, and SSM's
     * {@code /agc/_common/vpc} of the region: AGC is active there.
     */
    CostsStubs agcRegion(String region) {
        wm.stubFor(post("/").withRequestBody(containing("Action=GetCallerIdentity"))
                .willReturn(xml(fixture("sts-GetCallerIdentity.xml"))));
        ec2(region, "DescribeNatGateways", xml(fixture("ec2-DescribeNatGateways.xml")));
        ec2(region, "DescribeVpcEndpoints", xml(fixture("ec2-DescribeVpcEndpoints.xml")));
        ec2(region, "DescribeAddresses", xml(fixture("ec2-DescribeAddresses.xml")));
        wm.stubFor(ssm(region, GET_PARAMETER).withRequestBody(containing("/agc/_common/vpc")).willReturn(json(
                "{\"Parameter\":{\"Name\":\"/agc/_common/vpc\",\"Type\":\"String\",\"Value\":\"vpc-0a1b2c3d4e5f00001\","
                        + "\"Version\":1,\"DataType\":\"text\",\"ARN\":\"arn:aws:ssm:" + region
                        + ":123456789012:parameter/agc/_common/vpc\"}}")));
        return this;
    }

    /** SSM answers that {@code /agc/_common/vpc} does not exist in {@code region}: AGC is not active there. */
    CostsStubs deactivated(String region) {
        wm.stubFor(ssm(region, GET_PARAMETER).withRequestBody(containing("/agc/_common/vpc"))
                .willReturn(jsonError(400, "ParameterNotFound", "")));
        return this;
    }

    /** An SSM call (JSON 1.1) in a region. */
    static MappingBuilder ssm(String region, String target) {
        return post("/").withHeader("X-Amz-Target", equalTo(target))
                .withHeader("Authorization", containing("/" + region + "/ssm/"));
    }

    /** CloudWatch GetMetricData: the first NAT gateway's query ({@code d0}) answers {@code bytes}; the rest none. */
    CostsStubs natTraffic(String region, double bytes) {
        wm.stubFor(post("/").withHeader("Authorization", containing("/" + region + "/monitoring/"))
                .withRequestBody(containing("Action=GetMetricData"))
                .willReturn(xml("<GetMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
                        + "<GetMetricDataResult><MetricDataResults>"
                        + "<member><Id>d0</Id><Label>BytesOutToDestination</Label><StatusCode>Complete</StatusCode>"
                        + "<Timestamps><member>2026-08-01T00:00:00Z</member></Timestamps>"
                        + "<Values><member>" + bytes + "</member></Values></member>"
                        + "</MetricDataResults><Messages/></GetMetricDataResult>"
                        + "<ResponseMetadata><RequestId>5f0c2a10-0000-4000-8000-000000000001</RequestId>"
                        + "</ResponseMetadata></GetMetricDataResponse>")));
        return this;
    }

    /** ListCostAllocationTags answers the tag with {@code status} ({@code Active}, {@code Inactive}). */
    CostsStubs costAllocationTag(String key, String status) {
        wm.stubFor(ce(LIST_COST_ALLOCATION_TAGS).willReturn(json("{\"CostAllocationTags\":[{\"TagKey\":\"" + key
                + "\",\"Type\":\"UserDefined\",\"Status\":\"" + status + "\",\"LastUpdatedDate\":\"2026-06-01\"}]}")));
        return this;
    }

    /** An EC2 Query action in a region. */
    void ec2(String region, String action, ResponseDefinitionBuilder response) {
        wm.stubFor(post("/").withHeader("Authorization", containing("/" + region + "/ec2/"))
                .withRequestBody(containing("Action=" + action)).willReturn(response));
    }

    /** A Cost Explorer call (JSON 1.1, signed for us-east-1). */
    static MappingBuilder ce(String target) {
        return post("/").withHeader("X-Amz-Target", equalTo(target))
                .withHeader("Authorization", containing("/us-east-1/ce/"));
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    static ResponseDefinitionBuilder jsonError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(body);
    }

    /** A file from {@code src/test/resources/costs}. */
    static String fixture(String name) {
        try (InputStream in = CostsStubs.class.getResourceAsStream("/costs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture costs/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
