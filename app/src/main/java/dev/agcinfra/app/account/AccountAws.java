package dev.agcinfra.app.account;

import dev.agcinfra.app.lookup.AwsEnvironment;
import java.util.Objects;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The clients of one region the account commands use, built by {@link AwsEnvironment} (credentials, timeouts, the
 * {@code AWS_ENDPOINT_URL} override). Close it after use.
 */
public final class AccountAws implements AutoCloseable {

    private final AwsEnvironment aws;
    private final String region;
    private Ec2Client ec2;
    private S3Client s3;
    private SsmClient ssm;
    private StsClient sts;
    private CloudFormationClient cloudFormation;
    private ResourceGroupsTaggingApiClient tagging;

    public AccountAws(AwsEnvironment aws, String region) {
        this.aws = Objects.requireNonNull(aws, "aws");
        this.region = Objects.requireNonNull(region, "region");
    }

    public AwsEnvironment environment() {
        return aws;
    }

    public String region() {
        return region;
    }

    public synchronized Ec2Client ec2() {
        if (ec2 == null) {
            ec2 = aws.ec2(region);
        }
        return ec2;
    }

    /** Path-style addressing when an endpoint is configured (emulators and most S3-compatible stores need it). */
    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = aws.client(S3Client.builder(), region);
        }
        return s3;
    }

    public synchronized SsmClient ssm() {
        if (ssm == null) {
            ssm = aws.client(SsmClient.builder(), region);
        }
        return ssm;
    }

    public synchronized StsClient sts() {
        if (sts == null) {
            sts = aws.sts(region);
        }
        return sts;
    }

    public synchronized CloudFormationClient cloudFormation() {
        if (cloudFormation == null) {
            cloudFormation = aws.client(CloudFormationClient.builder(), region);
        }
        return cloudFormation;
    }

    public synchronized ResourceGroupsTaggingApiClient tagging() {
        if (tagging == null) {
            tagging = aws.client(ResourceGroupsTaggingApiClient.builder(), region);
        }
        return tagging;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : new AutoCloseable[] {ec2, s3, ssm, sts, cloudFormation, tagging}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing an HTTP client: nothing to report
                }
            }
        }
    }
}
