package dev.agcinfra.audit.aws;

import dev.agcinfra.audit.AuditException;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.Regions;
import dev.agcinfra.aws.AwsClientFactory;
import dev.agcinfra.aws.AwsErrors;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * What is settled before a job starts: the regions, and that the credentials work (which gives the account id).
 * Each failure here ends the run with one line, before any report.
 */
public final class Preflight {

    private final AwsClientFactory factory;

    public Preflight(AwsClientFactory factory) {
        this.factory = factory;
    }

    /**
     * The region the AWS CLI would use: {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, the profile's {@code region}
     * ({@link AwsClientFactory#defaultRegion()}).
     *
     * @throws AuditException with {@link ExitCode#INVALID_INPUT} when there is none, or it is not a region
     */
    public String defaultRegion() {
        String region = factory.defaultRegion().orElseThrow(() -> AuditException.invalidInput("no region: give "
                + "--regions or --all-regions, or set AWS_REGION (or AWS_DEFAULT_REGION, or a region in the AWS "
                + "profile)"));
        return Regions.check(region, "the AWS CLI's region (AWS_REGION, AWS_DEFAULT_REGION or the profile's)");
    }

    /** The regions enabled in the account, from EC2 DescribeRegions in the default region (or us-east-1). */
    public List<String> enabledRegions() {
        String region = homeRegion();
        try (Ec2Client ec2 = factory.build(Ec2Client.builder(), region)) {
            return enabledRegions(ec2);
        } catch (SdkException e) {
            throw new AuditException(ExitCode.AWS_FAILURE, "cannot list the account's regions (" + region
                    + " ec2 DescribeRegions " + AwsErrors.code(e) + "): " + AwsErrors.message(e), e);
        }
    }

    /** The regions enabled in the client's account (EC2 DescribeRegions), sorted. */
    public static List<String> enabledRegions(Ec2Client ec2) {
        return ec2.describeRegions(r -> r.allRegions(false)).regions().stream()
                .map(software.amazon.awssdk.services.ec2.model.Region::regionName)
                .sorted()
                .toList();
    }

    /** Where the regions are listed: the default region when there is one, else {@code us-east-1}. */
    public String homeRegion() {
        try {
            return defaultRegion();
        } catch (AuditException noDefault) {
            return "us-east-1";
        }
    }

    /**
     * Checks the credentials with STS GetCallerIdentity and returns the account id.
     *
     * <p>STS is asked in {@code us-east-1} for the commercial partition (never an opt-in region, so a disabled region
     * among those audited does not fail the run here), else in the first audited region.
     *
     * @throws AuditException with {@link ExitCode#AWS_FAILURE} when credentials are missing, expired or rejected
     */
    public String account(List<String> regions) {
        try {
            factory.credentials().resolveCredentials();
        } catch (SdkClientException e) {
            String profile = factory.settings().profile();
            throw new AuditException(ExitCode.AWS_FAILURE, "no AWS credentials"
                    + (profile == null ? "" : " for profile '" + profile + "'")
                    + ": configure a profile (--profile or AWS_PROFILE) or set AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY", e);
        }
        String region = stsRegion(regions);
        try (StsClient sts = factory.build(StsClient.builder(), region)) {
            return sts.getCallerIdentity().account();
        } catch (AwsServiceException e) {
            throw new AuditException(ExitCode.AWS_FAILURE, "AWS rejected the credentials (" + region
                    + " sts GetCallerIdentity " + AwsErrors.code(e) + "): " + AwsErrors.message(e), e);
        } catch (SdkException e) {
            throw new AuditException(ExitCode.AWS_FAILURE, "cannot reach AWS to check the credentials (" + region
                    + " sts GetCallerIdentity " + AwsErrors.code(e) + "): " + AwsErrors.message(e), e);
        }
    }

    /** Where STS is asked: us-east-1 for the {@code aws} partition, else the first region. */
    public static String stsRegion(List<String> regions) {
        String first = regions.get(0);
        return "aws".equals(dev.agcinfra.audit.batch.JobRunner.awsPartition(first)) ? "us-east-1" : first;
    }
}
