package dev.agcinfra.audit.aws;

import dev.agcinfra.aws.AwsClientFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
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
 * The clients of one region, each built on first use by the {@link AwsClientFactory} and closed with this object.
 *
 * <p>Used by one partition (one thread) at a time. Later jobs add their services here (Cost Explorer, CloudWatch,
 * Price List) in the same way.
 */
public final class RegionClients implements AutoCloseable {

    private final AwsClientFactory factory;
    private final String region;
    private final List<SdkClient> built = new ArrayList<>();
    private Ec2Client ec2;
    private ResourceGroupsTaggingApiClient tagging;
    private CloudWatchLogsClient logs;
    private S3Client s3;
    private SsmClient ssm;
    private StsClient sts;
    private CloudWatchClient cloudWatch;
    private DynamoDbClient dynamoDb;

    public RegionClients(AwsClientFactory factory, String region) {
        this.factory = factory;
        this.region = region;
    }

    /** The region these clients call. */
    public String region() {
        return region;
    }

    public Ec2Client ec2() {
        return ec2 = lazily(ec2, () -> factory.build(Ec2Client.builder(), region));
    }

    public ResourceGroupsTaggingApiClient tagging() {
        return tagging = lazily(tagging, () -> factory.build(ResourceGroupsTaggingApiClient.builder(), region));
    }

    public CloudWatchLogsClient logs() {
        return logs = lazily(logs, () -> factory.build(CloudWatchLogsClient.builder(), region));
    }

    public S3Client s3() {
        return s3 = lazily(s3, () -> factory.build(S3Client.builder(), region));
    }

    public SsmClient ssm() {
        return ssm = lazily(ssm, () -> factory.build(SsmClient.builder(), region));
    }

    public StsClient sts() {
        return sts = lazily(sts, () -> factory.build(StsClient.builder(), region));
    }

    public CloudWatchClient cloudWatch() {
        return cloudWatch = lazily(cloudWatch, () -> factory.build(CloudWatchClient.builder(), region));
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb = lazily(dynamoDb, () -> factory.build(DynamoDbClient.builder(), region));
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
