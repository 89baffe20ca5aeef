package dev.agcinfra.app.account;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.agcinfra.app.lookup.AwsEnvironment;
import dev.agcinfra.testing.AwsTestClients;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

/**
 * Finding AGC's own core: the stack {@code Agc-Core} in any status but {@code DELETE_COMPLETE}, on the exact
 * CloudFormation answers (Query protocol, XML) that moto cannot produce, such as {@code DELETE_FAILED}.
 */
@WireMockTest
class AgcCoreTest {

    private static Optional<AgcCore.Found> find(WireMockRuntimeInfo wm) {
        AwsEnvironment aws = new AwsEnvironment(Map.of(), Optional.of(URI.create(wm.getHttpBaseUrl())),
                AwsTestClients.CREDENTIALS, () -> Region.US_EAST_1);
        try (AccountAws clients = new AccountAws(aws, "us-east-1")) {
            return AgcCore.find(clients);
        }
    }

    private static void describeStacksAnswers(String status) {
        stubFor(post("/").withRequestBody(containing("Action=DescribeStacks")).withRequestBody(containing("StackName=Agc-Core"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("""
                        <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                          <DescribeStacksResult><Stacks><member>
                            <StackName>Agc-Core</StackName>
                            <StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/Agc-Core/1</StackId>
                            <StackStatus>%s</StackStatus>
                            <CreationTime>2023-05-01T10:00:00Z</CreationTime>
                            <Tags>
                              <member><Key>application-name</Key><Value>agc</Value></member>
                              <member><Key>agc-version</Key><Value>1.6.0</Value></member>
                            </Tags>
                          </member></Stacks></DescribeStacksResult>
                          <ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>
                        </DescribeStacksResponse>""".formatted(status))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE_IN_PROGRESS", "UPDATE_ROLLBACK_COMPLETE", "DELETE_IN_PROGRESS", "DELETE_FAILED"})
    void theStackInAnyStatusButDeleteCompleteIsAgcsCore(String status, WireMockRuntimeInfo wm) {
        describeStacksAnswers(status);

        Optional<AgcCore.Found> found = find(wm);

        assertThat(found).get().extracting(AgcCore.Found::status).isEqualTo(StackStatus.fromValue(status));
        assertThat(found.get().describe()).isEqualTo("CloudFormation stack Agc-Core (" + status + ", agc-version 1.6.0)");
    }

    @Test
    void aDeletedStackIsNoCore(WireMockRuntimeInfo wm) {
        describeStacksAnswers("DELETE_COMPLETE");

        assertThat(find(wm)).isEmpty();
    }

    @Test
    void aStackThatDoesNotExistIsNoCore(WireMockRuntimeInfo wm) {
        stubFor(post("/").withRequestBody(containing("Action=DescribeStacks")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "text/xml").withBody("""
                        <ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                          <Error><Type>Sender</Type><Code>ValidationError</Code>
                            <Message>Stack with id Agc-Core does not exist</Message></Error>
                          <RequestId>1</RequestId>
                        </ErrorResponse>""")));

        assertThat(find(wm)).isEmpty();
    }
}
