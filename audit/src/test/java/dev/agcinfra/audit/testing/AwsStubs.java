package dev.agcinfra.audit.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * WireMock stubs that answer the way AWS does, per region (matched on the SigV4 credential scope in the
 * Authorization header), from the {@code aws-wire} fixtures: one AGC region, us-east-1, account 123456789012.
 */
public final class AwsStubs {

    /** The Tagging API's JSON target for GetResources. */
    public static final String GET_RESOURCES = "ResourceGroupsTaggingAPI_20170126.GetResources";
    /** The token page 1 of the fixture hands to page 2. */
    public static final String PAGE_2_TOKEN = "eyJ2IjoxLCJsYXN0IjoiYXJuOmF3czplYzI6dXMtZWFzdC0xOjEyMzQ1Njc4OTAxMjpyb3V0ZS10YWJsZS9ydGItMGExYjJjM2Q0ZTVmMDMwMTEifQ==";
    /** The fixture region's unique ARNs: 34 from the Tagging API's two pages, plus the untagged Lambda log group. */
    public static final int FIXTURE_RESOURCES = 35;

    private final WireMockExtension wm;

    public AwsStubs(WireMockExtension wm) {
        this.wm = wm;
    }

    /** STS GetCallerIdentity in any region: account 123456789012. */
    public AwsStubs sts() {
        wm.stubFor(post("/").withRequestBody(containing("Action=GetCallerIdentity"))
                .willReturn(xml("sts-GetCallerIdentity.xml")));
        return this;
    }

    /** Every call of the resources job in {@code region}, answered from the fixtures. */
    public AwsStubs agcRegion(String region) {
        ec2(region, "DescribeNatGateways", xml("ec2-DescribeNatGateways.xml"));
        ec2(region, "DescribeVpcEndpoints", xml("ec2-DescribeVpcEndpoints.xml"));
        ec2(region, "DescribeAddresses", xml("ec2-DescribeAddresses.xml"));
        wm.stubFor(json(region, GET_RESOURCES).withRequestBody(notContaining("PaginationToken"))
                .willReturn(jsonFile("resourcegroupstaggingapi-GetResources.json")));
        wm.stubFor(json(region, GET_RESOURCES).withRequestBody(containing("\"PaginationToken\":\"" + PAGE_2_TOKEN))
                .willReturn(jsonFile("resourcegroupstaggingapi-GetResources-page2.json")));
        wm.stubFor(json(region, "Logs_20140328.DescribeLogGroups")
                .withRequestBody(containing("\"logGroupNamePrefix\":\"/aws/lambda/Agc-\""))
                .willReturn(jsonFile("logs-DescribeLogGroups-lambda-prefix.json")));
        wm.stubFor(json(region, "Logs_20140328.DescribeLogGroups")
                .withRequestBody(containing("\"logGroupNamePrefix\":\"Agc-\""))
                .willReturn(jsonFile("logs-DescribeLogGroups-agc-prefix.json")));
        wm.stubFor(json(region, "Logs_20140328.ListTagsForResource").willReturn(jsonBody("{\"tags\":{}}")));
        wm.stubFor(get(urlPathEqualTo("/agc-123456789012-us-east-1")).withQueryParam("location", equalTo(""))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml")
                        .withBody("<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>")));
        return this;
    }

    /** Every call of the resources job in {@code region} finds nothing. */
    public AwsStubs emptyRegion(String region) {
        String ns = " xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";
        ec2(region, "DescribeNatGateways", xmlBody("<DescribeNatGatewaysResponse" + ns + "><natGatewaySet/></DescribeNatGatewaysResponse>"));
        ec2(region, "DescribeVpcEndpoints", xmlBody("<DescribeVpcEndpointsResponse" + ns + "><vpcEndpointSet/></DescribeVpcEndpointsResponse>"));
        ec2(region, "DescribeAddresses", xmlBody("<DescribeAddressesResponse" + ns + "><addressesSet/></DescribeAddressesResponse>"));
        wm.stubFor(json(region, GET_RESOURCES).willReturn(jsonBody("{\"PaginationToken\":\"\",\"ResourceTagMappingList\":[]}")));
        wm.stubFor(json(region, "Logs_20140328.DescribeLogGroups").willReturn(jsonBody("{\"logGroups\":[]}")));
        return this;
    }

    /** An EC2 Query action in a region. */
    public void ec2(String region, String action, ResponseDefinitionBuilder response) {
        wm.stubFor(post("/").withHeader("Authorization", containing("/" + region + "/ec2/"))
                .withRequestBody(containing("Action=" + action)).willReturn(response));
    }

    /** A JSON 1.1 call (Tagging, Logs, ...) with {@code target} in a region. */
    public static MappingBuilder json(String region, String target) {
        return post("/").withHeader("X-Amz-Target", equalTo(target))
                .withHeader("Authorization", containing("/" + region + "/"));
    }

    /** A JSON 1.1 error as AWS sends it: HTTP 400 and {@code {"__type": ..., "message": ...}}. */
    public static ResponseDefinitionBuilder jsonError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    /** An EC2 Query error as EC2 sends it. */
    public static ResponseDefinitionBuilder ec2Error(int status, String code, String message) {
        return xmlBody("<Response><Errors><Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error></Errors><RequestID>0b1b2c3d-0000-4000-8000-000000000000</RequestID></Response>")
                .withStatus(status);
    }

    /** An STS (Query, XML) error. */
    public static ResponseDefinitionBuilder stsError(int status, String code, String message) {
        return xmlBody("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>"
                + code + "</Code><Message>" + message + "</Message></Error><RequestId>01234567-89ab-cdef-0123-456789abcdef"
                + "</RequestId></ErrorResponse>").withStatus(status);
    }

    public static ResponseDefinitionBuilder xml(String fixture) {
        return xmlBody(fixture(fixture));
    }

    public static ResponseDefinitionBuilder xmlBody(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(body);
    }

    public static ResponseDefinitionBuilder jsonFile(String fixture) {
        return jsonBody(fixture(fixture));
    }

    public static ResponseDefinitionBuilder jsonBody(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    /** A fixture from {@code src/test/resources/aws-wire}. */
    public static String fixture(String name) {
        try (InputStream in = AwsStubs.class.getResourceAsStream("/aws-wire/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture aws-wire/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
