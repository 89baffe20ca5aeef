package dev.agcinfra.app.account;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.app.lookup.AwsEnvironment;
import dev.agcinfra.testing.AwsTestClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;

/**
 * Deleting AGC's context stacks and waiting for them ({@code deactivate --force}) on CloudFormation answers moto does
 * not give: a deletion that fails, one that takes longer than the timeout, a stack CloudFormation no longer knows, and
 * an error while waiting. Moto's own deletion, which completes at once, is in {@code AccountDeactivateTest}.
 */
@WireMockTest
class ContextsTest {

    private static final String STACK = "Agc-Context-Demo-alice-ctx1";
    private static final String STACK_ID = "arn:aws:cloudformation:us-east-1:123456789012:stack/" + STACK + "/1";
    private static final Duration POLL = Duration.ofMillis(20);

    private final StringWriter out = new StringWriter();

    @BeforeEach
    void oneContextStack() {
        stubFor(post("/").atPriority(9).withRequestBody(containing("Action=DescribeStacks"))
                .willReturn(describeStacks("CREATE_COMPLETE")));
        stubFor(post("/").withRequestBody(containing("Action=DeleteStack")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml").withBody("""
                        <DeleteStackResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                          <ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>
                        </DeleteStackResponse>""")));
    }

    private List<String> deleteStacks(WireMockRuntimeInfo wm, Duration timeout) {
        AwsEnvironment aws = new AwsEnvironment(Map.of(), java.util.Optional.of(java.net.URI.create(wm.getHttpBaseUrl())),
                AwsTestClients.CREDENTIALS, () -> Region.US_EAST_1);
        try (AccountAws clients = new AccountAws(aws, "us-east-1")) {
            return new Contexts(clients, POLL, timeout).deleteStacks(new PrintWriter(out, true));
        }
    }

    /** DescribeStacks asked by the stack's id, as the waiter asks, answers {@code status}. */
    private static void whileWaiting(String status) {
        stubFor(post("/").atPriority(1).withRequestBody(containing("Action=DescribeStacks"))
                .withRequestBody(containing("StackName=arn")).willReturn(describeStacks(status)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder describeStacks(String status) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("""
                <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                  <DescribeStacksResult><Stacks><member>
                    <StackName>%s</StackName>
                    <StackId>%s</StackId>
                    <StackStatus>%s</StackStatus>
                    <CreationTime>2023-05-01T10:00:00Z</CreationTime>
                    <Tags><member><Key>application-name</Key><Value>agc</Value></member></Tags>
                  </member></Stacks></DescribeStacksResult>
                  <ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>
                </DescribeStacksResponse>""".formatted(STACK, STACK_ID, status));
    }

    @Test
    void aStackIsDeletedWhenCloudFormationSaysDeleteCompleteAfterSomePolls(WireMockRuntimeInfo wm) {
        // Given a deletion in progress for two polls, then complete
        for (String[] step : new String[][] {{Scenario.STARTED, "DELETE_IN_PROGRESS", "second"},
                {"second", "DELETE_IN_PROGRESS", "third"}, {"third", "DELETE_COMPLETE", "third"}}) {
            stubFor(post("/").atPriority(1).inScenario("deletion").whenScenarioStateIs(step[0])
                    .withRequestBody(containing("StackName=arn")).willReturn(describeStacks(step[1]))
                    .willSetStateTo(step[2]));
        }

        // When
        List<String> deleted = deleteStacks(wm, Duration.ofMinutes(1));

        // Then
        assertThat(deleted).containsExactly(STACK);
        assertThat(out.toString()).contains("deleting context stack " + STACK, "deleted context stack " + STACK);
    }

    @Test
    void aStackCloudFormationNoLongerKnowsIsDeleted(WireMockRuntimeInfo wm) {
        // Given CloudFormation answers that the stack does not exist (ValidationError)
        stubFor(post("/").atPriority(1).withRequestBody(containing("StackName=arn")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "text/xml").withBody("""
                        <ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                          <Error><Type>Sender</Type><Code>ValidationError</Code>
                            <Message>Stack with id %s does not exist</Message></Error>
                          <RequestId>1</RequestId>
                        </ErrorResponse>""".formatted(STACK_ID))));

        // When / Then
        assertThat(deleteStacks(wm, Duration.ofMinutes(1))).containsExactly(STACK);
    }

    @Test
    void aDeletionThatFailsIsAnAwsFailureThatSaysWhereToLook(WireMockRuntimeInfo wm) {
        // Given
        whileWaiting("DELETE_FAILED");

        // When
        AccountException e = catchThrowableOfType(AccountException.class, () -> deleteStacks(wm, Duration.ofMinutes(1)));

        // Then
        assertThat(e.exitCode()).isEqualTo(ExitCode.AWS_FAILURE);
        assertThat(e.getMessage()).isEqualTo("context stack " + STACK + " could not be deleted (DELETE_FAILED); see its "
                + "events in the CloudFormation console, fix, and retry");
    }

    @Test
    void aDeletionStillInProgressAtTheTimeoutIsAnAwsFailureThatSaysToRetry(WireMockRuntimeInfo wm) {
        // Given
        whileWaiting("DELETE_IN_PROGRESS");

        // When
        AccountException e = catchThrowableOfType(AccountException.class, () -> deleteStacks(wm, Duration.ofMillis(200)));

        // Then
        assertThat(e.exitCode()).isEqualTo(ExitCode.AWS_FAILURE);
        assertThat(e.getMessage()).isEqualTo("context stack " + STACK + " is still DELETE_IN_PROGRESS after 200 ms; "
                + "retry deactivate when it is gone");
    }

    @Test
    void anErrorWhileWaitingIsCloudFormationsOwnNotATimeout(WireMockRuntimeInfo wm) {
        // Given access to DescribeStacks denied while waiting
        stubFor(post("/").atPriority(1).withRequestBody(containing("StackName=arn")).willReturn(aResponse()
                .withStatus(403).withHeader("Content-Type", "text/xml").withBody("""
                        <ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                          <Error><Type>Sender</Type><Code>AccessDenied</Code>
                            <Message>not authorized to perform cloudformation:DescribeStacks</Message></Error>
                          <RequestId>1</RequestId>
                        </ErrorResponse>""")));

        // When
        CloudFormationException e = catchThrowableOfType(CloudFormationException.class,
                () -> deleteStacks(wm, Duration.ofMinutes(1)));

        // Then
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    }
}
