package dev.agcinfra.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.MotoServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/** Roles assumed in other accounts: who the calls are made as, when the role is assumed again, and a refusal. */
class AssumedRoleTest {

    static final String MEMBER = "210987654321";
    static final String ROLE = "arn:aws:iam::" + MEMBER + ":role/OrganizationAccountAccessRole";

    @RegisterExtension
    static WireMockExtension sts = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static AwsClientFactory factory(URI endpoint) {
        AwsSettings settings = AwsSettings.defaults().withEndpoint(endpoint).withRetries(1, Duration.ofMillis(1));
        return new AwsClientFactory(settings, Map.of(), AwsTestClients.CREDENTIALS);
    }

    static void answerAssumeRole(Instant expiration) {
        sts.stubFor(post("/").withRequestBody(containing("Action=AssumeRole")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml").withBody("""
                        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                          <AssumeRoleResult>
                            <Credentials>
                              <AccessKeyId>ASIAMEMBERACCOUNT001</AccessKeyId>
                              <SecretAccessKey>secret</SecretAccessKey>
                              <SessionToken>token</SessionToken>
                              <Expiration>%s</Expiration>
                            </Credentials>
                            <AssumedRoleUser>
                              <AssumedRoleId>AROAEXAMPLE:agc-audit</AssumedRoleId>
                              <Arn>arn:aws:sts::%s:assumed-role/OrganizationAccountAccessRole/agc-audit</Arn>
                            </AssumedRoleUser>
                          </AssumeRoleResult>
                          <ResponseMetadata><RequestId>00000000-0000-4000-8000-000000000000</RequestId></ResponseMetadata>
                        </AssumeRoleResponse>""".formatted(expiration.truncatedTo(ChronoUnit.SECONDS), MEMBER))));
    }

    @Test
    @DisplayName("clients built with an assumed role call AWS as the role's account: moto answers GetCallerIdentity with it")
    void callsAsTheRolesAccount() {
        try (AwsClientFactory factory = factory(MotoServer.get().endpoint());
             AssumedRole role = factory.assumeRole(ROLE, null, "agc-audit", "us-east-1");
             StsClient asMember = factory.build(StsClient.builder(), "eu-west-1", role);
             StsClient asCaller = factory.build(StsClient.builder(), "eu-west-1")) {
            assertThat(asMember.getCallerIdentity().arn())
                    .isEqualTo("arn:aws:sts::" + MEMBER + ":assumed-role/OrganizationAccountAccessRole/agc-audit");
            assertThat(asCaller.getCallerIdentity().account()).isEqualTo("123456789012");
        }
    }

    @Test
    @DisplayName("the role is assumed once for a session of an hour, with the external id, and again when the session is about to expire")
    void assumedAgainBeforeExpiry() {
        URI endpoint = URI.create(sts.baseUrl());
        answerAssumeRole(Instant.now().plus(Duration.ofHours(1)));
        try (AwsClientFactory factory = factory(endpoint);
             AssumedRole role = factory.assumeRole(ROLE, "lab-42", "agc-audit", "us-east-1")) {
            role.resolveCredentials();
            role.resolveCredentials();
            sts.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=AssumeRole"))
                    .withRequestBody(containing("ExternalId=lab-42"))
                    .withRequestBody(containing("DurationSeconds=3600"))
                    .withRequestBody(containing("RoleSessionName=agc-audit")));
        }

        sts.resetRequests();
        answerAssumeRole(Instant.now().plus(Duration.ofSeconds(30)));
        try (AwsClientFactory factory = factory(endpoint);
             AssumedRole role = factory.assumeRole(ROLE, null, "agc-audit", "us-east-1")) {
            role.resolveCredentials();
            role.resolveCredentials();
            sts.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=AssumeRole")));
        }
    }

    @Test
    @DisplayName("a role that cannot be assumed fails when its credentials are first asked for, with STS's code")
    void refusal() {
        sts.stubFor(post("/").withRequestBody(containing("Action=AssumeRole")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "text/xml").withBody("""
                        <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>
                        <Code>AccessDenied</Code><Message>not authorized to perform: sts:AssumeRole</Message></Error>
                        <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ErrorResponse>""")));
        try (AwsClientFactory factory = factory(URI.create(sts.baseUrl()));
             AssumedRole role = factory.assumeRole(ROLE, null, "agc-audit", "us-east-1")) {
            assertThat(role.roleArn()).isEqualTo(ROLE);
            assertThatThrownBy(role::resolveCredentials).isInstanceOf(StsException.class)
                    .satisfies(e -> assertThat(AwsErrors.code((StsException) e)).isEqualTo("AccessDenied"));
        }
    }
}
