package dev.agcinfra.app.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThan;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.app.account.Synthesizer;
import dev.agcinfra.settings.SettingsDocument;
import dev.agcinfra.testing.FakeAgcInstallation;
import dev.agcinfra.testing.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A team moving a region from AGC's own core to agc-infra, against moto: {@code activate} refuses beside an active
 * {@code Agc-Core} and changes nothing; after {@code agc account deactivate} it uses AGC's bucket as it is and keeps
 * every object; and an S3 failure while checking a bucket is an AWS failure, never a refusal (WireMock in front of
 * moto's S3).
 */
class FromAgcToAgcInfraTest {

    private static final String SETTINGS = "# my settings\naccount: \"123456789012\"\nagcHome: agc-home\n";
    private static final String CONTEXT = "Agc-Context-demo-alice-ctx1";

    @TempDir
    Path dir;

    MotoAccount moto;
    MotoAgc agc;
    CliRun cli;
    WireMockServer s3Proxy;

    @BeforeEach
    void start() throws IOException {
        MotoServer.get().reset();
        moto = new MotoAccount();
        agc = new MotoAgc();
        cli = new CliRun(dir);
        Files.writeString(dir.resolve("agc.yaml"), SETTINGS);
        FakeAgcInstallation.create(dir.resolve("agc-home"));
    }

    @AfterEach
    void stop() {
        moto.close();
        agc.close();
        if (s3Proxy != null) {
            s3Proxy.stop();
        }
    }

    private void assertNothingChanged(CliRun.Result r, List<String> accountBefore) throws IOException {
        assertThat(snapshot()).as("the account, listed after").isEqualTo(accountBefore);
        assertThat(Files.readString(dir.resolve("agc.yaml"))).isEqualTo(SETTINGS);
        assertThat(dir.resolve("agc.yaml.next")).doesNotExist();
        assertThat(cli.terraformCalls()).allMatch(c -> c.contains("|version -json|"));
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @ParameterizedTest(name = "activate {0}")
    @ValueSource(strings = {"--yes", "--plan-only"})
    void besideAnActiveAgcCoreActivateRefusesAndChangesNothingInTheAccountOrTheSettingsFile(String mode) throws IOException {
        // Given AGC's own core, a context and AGC's bucket with results
        agc.activate(moto.goodVpc().vpc(), CONTEXT);
        List<String> before = snapshot();
        assertThat(before).as("the account, listed before").contains("us-east-1 cloudformation stack Agc-Core CREATE_COMPLETE",
                "us-east-1 cloudformation stack " + CONTEXT + " CREATE_COMPLETE",
                "s3 bucket " + MotoAgc.BUCKET + " in us-east-1 versioning=null policy=none",
                "us-east-1 cloudformation export WesAdapterZipBucket = cdk-hnb659fds-assets-123456789012-us-east-1");

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", mode);

        // Then
        assertThat(r.status()).as(r.all()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err().lines().toList()).singleElement().asString().startsWith("agc-infra: refused: AGC's own core is "
                + "active in us-east-1: CloudFormation stack Agc-Core (CREATE_COMPLETE, agc-version 1.6.0), contexts "
                + "deployed: context stacks " + CONTEXT + ";").contains("would build a second core beside it",
                "run agc account deactivate --force (it removes the contexts) (AGC keeps its bucket " + MotoAgc.BUCKET
                        + " and your results in it), then agc-infra account activate;");
        assertNothingChanged(r, before);
    }

    @Test
    void withNoContextsDeployedTheWayOverIsAgcAccountDeactivateWithoutForce() throws IOException {
        // Given AGC's core only
        agc.activate(moto.goodVpc().vpc());
        List<String> before = snapshot();

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--yes");

        // Then
        assertThat(r.status()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("no contexts deployed", "run agc account deactivate (AGC keeps its bucket")
                .doesNotContain("--force");
        assertNothingChanged(r, before);
    }

    @Test
    void afterAgcsDeactivationActivateUsesItsBucketAsItIsRunsNothingInAgcDataAndKeepsEveryObject() throws IOException {
        // Given AGC deactivated with --force: its stacks are gone, its bucket and every object in it stay
        agc.activate(moto.goodVpc().vpc(), CONTEXT);
        agc.deactivate();
        List<String> objects = snapshot().stream()
                .filter(l -> l.startsWith("s3 object " + MotoAgc.BUCKET + "/")).toList();
        assertThat(objects).hasSize(MotoAgc.OBJECTS.size());

        // When agc-infra activates the region, synthesizing for real
        CliRun.Result r = cli.synthesizer(Synthesizer.cdktf()).run("account", "activate", "--region", "us-east-1", "--yes");

        // Then the bucket is used as AGC used it, and recorded in the settings file
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.out()).contains("bucket " + MotoAgc.BUCKET + " already exists in account 123456789012 and no "
                + "agc-infra state records it", "used as it is, as AGC does");
        JsonNode entry = SettingsDocument.read(dir.resolve("agc.yaml")).path("regions").path("us-east-1");
        assertThat(entry.path("bucket").asText()).isEqualTo(MotoAgc.BUCKET);
        assertThat(entry.path("createBucket").isBoolean() && !entry.path("createBucket").asBoolean()).isTrue();
        // and nothing runs in agc-data, which is not even synthesized
        assertThat(cli.terraformCalls()).noneMatch(c -> c.startsWith("agc-data-"))
                .anyMatch(c -> c.startsWith("agc-core-us-east-1|apply"));
        assertThat(dir.resolve("cdktf.out/stacks/agc-data-us-east-1")).doesNotExist();
        // and the core reads the bucket as existing, holds no bucket resource, and writes only under artifacts/
        JsonNode core = new ObjectMapper().readTree(dir.resolve("cdktf.out/stacks/agc-core-us-east-1/cdk.tf.json").toFile());
        assertThat(core.path("data").path("aws_s3_bucket").path("results_bucket").path("bucket").asText()).isEqualTo(MotoAgc.BUCKET);
        core.path("resource").fieldNames().forEachRemaining(type -> assertThat(type).doesNotStartWith("aws_s3_bucket"));
        core.path("resource").path("aws_s3_object").forEach(o -> assertThat(o.path("key").asText()).startsWith("artifacts/"));
        // and every object is still there, unchanged
        assertThat(snapshot().stream()
                .filter(l -> l.startsWith("s3 object " + MotoAgc.BUCKET + "/")).toList()).isEqualTo(objects);
        // and the user hears that AGC's deactivation also took the CDK bootstrap its contexts deploy with
        assertThat(r.err()).contains("warning: no CDK bootstrap for AGC's apps (stack Agc-CDKToolkit");
    }

    @Test
    void afterAgcsDeactivationAPlanUsesItsBucketAndLeavesTheSettingsFileAlone() throws IOException {
        // Given
        agc.activate(moto.goodVpc().vpc());
        agc.deactivate();

        // When
        CliRun.Result r = cli.run("account", "activate", "--region", "us-east-1", "--plan-only");

        // Then
        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.out()).contains("createBucket: false (not written with --plan-only)");
        assertThat(Files.readString(dir.resolve("agc.yaml"))).isEqualTo(SETTINGS);
        assertThat(cli.terraformCalls().subList(1, cli.terraformCalls().size()))
                .extracting(c -> c.split("\\|")[0] + " " + c.split("\\|")[1].split(" ")[0])
                .containsExactly("agc-core-us-east-1 init", "agc-core-us-east-1 plan");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 503})
    void aHeadBucketFailureOtherThan403IsAnAwsFailureAfterTheSdksRetriesAndChangesNothing(int status) throws IOException {
        // Given S3 answers HeadBucket of one bucket with a server error; When activate checks that bucket
        CliRun.Result r = activateWhileHeadBucketAnswers("results-elsewhere", status, "--bucket", "results-elsewhere");

        // Then
        assertThat(r.status()).as(r.all()).isEqualTo(ExitCode.AWS_FAILURE);
        assertThat(r.err()).contains("agc-infra: bucket results-elsewhere: S3 HeadBucket failed with HTTP " + status,
                "after the SDK's retries", "nothing was changed").doesNotContain("is not one of account");
        s3Proxy.verify(moreThan(1), headRequestedFor(urlPathEqualTo("/results-elsewhere")));
    }

    @Test
    void onlyA403FromHeadBucketMeansAnotherAccountsBucket() throws IOException {
        // When
        CliRun.Result r = activateWhileHeadBucketAnswers("results-elsewhere", 403, "--bucket", "results-elsewhere");

        // Then
        assertThat(r.status()).as(r.all()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("refused: bucket results-elsewhere exists but is not one of account "
                + "123456789012's buckets");
    }

    @Test
    void aDefaultBucketOfAnotherAccountIsRefusedNotTakenAsAgcs() throws IOException {
        // Given agc-<account>-<region> exists, but S3 denies it to this account; When activate runs without --bucket
        CliRun.Result r = activateWhileHeadBucketAnswers(MotoAgc.BUCKET, 403);

        // Then
        assertThat(r.status()).as(r.all()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("refused: bucket " + MotoAgc.BUCKET + " exists but is not one of account "
                + "123456789012's buckets; name a bucket of this account with --bucket");
        assertThat(r.out()).doesNotContain("used as it is");
    }

    /**
     * Runs {@code activate --yes} with WireMock as the S3 endpoint, passing every request on to moto except HeadBucket
     * of {@code bucket}, which gets {@code status}; moto stays the endpoint of every other service. Whatever the
     * outcome, the account and the settings file must be as they were.
     */
    private CliRun.Result activateWhileHeadBucketAnswers(String bucket, int status, String... flags) throws IOException {
        s3Proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        s3Proxy.start();
        s3Proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(MotoServer.get().endpoint().toString())));
        s3Proxy.stubFor(head(urlPathEqualTo("/" + bucket)).atPriority(1).willReturn(aResponse().withStatus(status)));
        cli.env("AWS_ENDPOINT_URL", MotoServer.get().endpoint().toString()).env("AWS_ENDPOINT_URL_S3", s3Proxy.baseUrl());
        List<String> before = snapshot();

        List<String> args = new ArrayList<>(List.of("account", "activate", "--region", "us-east-1", "--yes",
                "--no-endpoint"));
        args.addAll(List.of(flags));
        CliRun.Result r = cli.run(args.toArray(String[]::new));

        assertNothingChanged(r, before);
        return r;
    }

    /** The whole account of the region (and every bucket), as test-support lists it. */
    private static List<String> snapshot() {
        return new ArrayList<>(dev.agcinfra.testing.AccountSnapshot.of(MotoServer.get().endpoint(),
                List.of(MotoAccount.REGION)));
    }
}
