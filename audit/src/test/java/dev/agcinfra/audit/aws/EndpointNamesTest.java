package dev.agcinfra.audit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.aws.AwsClientFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/** {@code AwsClientFactory.ENDPOINT_SUFFIXES}, entry by entry, against the SDK's own builders. */
class EndpointNamesTest {

    /** A builder of every service agc-infra and agc-audit call (this module's test classpath has them all). */
    private static final List<Object> BUILDERS = List.of(Ec2Client.builder(), S3Client.builder(), StsClient.builder(),
            SsmClient.builder(), CloudFormationClient.builder(), ResourceGroupsTaggingApiClient.builder(),
            CloudWatchLogsClient.builder(), CloudWatchClient.builder(), CostExplorerClient.builder(),
            PricingClient.builder(), IamClient.builder(), DynamoDbClient.builder(), OrganizationsClient.builder());

    private static final Pattern SDK_VARIABLE = Pattern.compile("AWS_ENDPOINT_URL_[A-Z0-9_]+");

    @Test
    @DisplayName("every entry of the factory's table is a builder checked here, and nothing else")
    void everyEntryIsChecked() {
        assertThat(BUILDERS).extracting(EndpointNamesTest::builderInterface)
                .containsExactlyInAnyOrderElementsOf(AwsClientFactory.endpointSuffixes().keySet());
    }

    @Test
    @DisplayName("each client's AWS_ENDPOINT_URL_<SERVICE> name is the one its SDK builder reads")
    void everySuffixIsTheSdks() {
        assertThat(BUILDERS).allSatisfy(builder -> assertThat("AWS_ENDPOINT_URL_"
                + AwsClientFactory.endpointSuffix(builder)).as(builderInterface(builder))
                .isEqualTo(sdkVariable(builder)));
    }

    /** The {@code XxxClientBuilder} interface the builder implements, as the factory's table names it. */
    private static String builderInterface(Object builder) {
        return Arrays.stream(builder.getClass().getInterfaces()).map(Class::getSimpleName)
                .filter(name -> name.endsWith("ClientBuilder")).findFirst()
                .orElseThrow(() -> new AssertionError("no client builder interface on " + builder.getClass()));
    }

    /**
     * The variable the SDK's generated builder reads for this service: the {@code AWS_ENDPOINT_URL_...} string in the
     * constant pool of the builder's class or a superclass ({@code Default<Service>BaseClientBuilder}).
     */
    private static String sdkVariable(Object builder) {
        for (Class<?> type = builder.getClass(); type != null; type = type.getSuperclass()) {
            try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
                if (in == null) {
                    continue;
                }
                Matcher variable = SDK_VARIABLE.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                if (variable.find()) {
                    return variable.group();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new AssertionError("no AWS_ENDPOINT_URL_ name in the SDK classes of " + builder.getClass());
    }
}
