package dev.agcinfra.audit.aws;

import dev.agcinfra.aws.AwsClientFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The clients of one region of one account, each built on first use by the {@link AwsClientFactory} and closed with
 * this object: the caller's credentials, or those of a role assumed in another account.
 *
 * <p>Used by one partition (one thread) at a time. Later jobs add their services here (Cost Explorer, CloudWatch,
 * Price List) in the same way.
 */
public final class RegionClients implements AutoCloseable {

    private final AwsClientFactory factory;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final List<SdkClient> built = new ArrayList<>();
    private Ec2Client ec2;
    private ResourceGroupsTaggingApiClient tagging;
    private CloudWatchLogsClient logs;
    private S3Client s3;
    private SsmClient ssm;
    private StsClient sts;
    private CloudWatchClient cloudWatch;
    private DynamoDbClient dynamoDb;

    /** The clients of {@code region} with the factory's own credentials (the caller's account). */
    public RegionClients(AwsClientFactory factory, String region) {
        this(factory, region, null);
    }

    /**
     * The clients of {@code region} signed with {@code credentials}: another account's.
     *
     * @param credentials {@code null} for the factory's own
     */
    public RegionClients(AwsClientFactory factory, String region, AwsCredentialsProvider credentials) {
        this.factory = factory;
        this.region = region;
        this.credentials = credentials;
    }

    /** The region these clients call. */
    public String region() {
        return region;
    }

    public Ec2Client ec2() {
        return ec2 = lazily(ec2, () -> build(Ec2Client.builder()));
    }

    public ResourceGroupsTaggingApiClient tagging() {
        return tagging = lazily(tagging, () -> build(ResourceGroupsTaggingApiClient.builder()));
    }

    public CloudWatchLogsClient logs() {
        return logs = lazily(logs, () -> build(CloudWatchLogsClient.builder()));
    }

    public S3Client s3() {
        return s3 = lazily(s3, () -> build(S3Client.builder()));
    }

    public SsmClient ssm() {
        return ssm = lazily(ssm, () -> build(SsmClient.builder()));
    }

    public StsClient sts() {
        return sts = lazily(sts, () -> build(StsClient.builder()));
    }

    public CloudWatchClient cloudWatch() {
        return cloudWatch = lazily(cloudWatch, () -> build(CloudWatchClient.builder()));
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb = lazily(dynamoDb, () -> build(DynamoDbClient.builder()));
    }

    private <B extends AwsClientBuilder<B, T>, T> T build(B builder) {
        return credentials == null ? factory.build(builder, region) : factory.build(builder, region, credentials);
    }

    private <C extends SdkClient> C lazily(C existing, Supplier<C> create) {
        if (existing != null) {
            return existing;
        }
        C client = create.get();
        built.add(client);
        return client;
    }

    @Override
    public void close() {
        built.forEach(SdkClient::close);
        built.clear();
    }
}
