package dev.agcinfra.aws;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The credentials of a role assumed in another account ({@link AwsClientFactory#assumeRole}): assumed on first use,
 * cached, and assumed again before the session expires, so that a run longer than one session keeps working.
 */
public final class AssumedRole implements AwsCredentialsProvider, AutoCloseable {

    /**
     * How long each session lasts: one hour, the longest that role chaining allows and the default maximum of a role
     * such as {@code OrganizationAccountAccessRole}. The SDK assumes the role again in the last minutes of a session.
     */
    public static final Duration DURATION = Duration.ofHours(1);

    private final String roleArn;
    private final StsAssumeRoleCredentialsProvider provider;

    AssumedRole(String roleArn, StsAssumeRoleCredentialsProvider provider) {
        this.roleArn = roleArn;
        this.provider = provider;
    }

    /** The role, e.g. {@code arn:aws:iam::111111111111:role/OrganizationAccountAccessRole}. */
    public String roleArn() {
        return roleArn;
    }

    /**
     * The session's credentials, assuming the role when there are none yet or they are about to expire.
     *
     * @throws software.amazon.awssdk.core.exception.SdkException when STS refuses (e.g. {@code AccessDenied}) or
     *                                                            cannot be reached
     */
    @Override
    public AwsCredentials resolveCredentials() {
        return provider.resolveCredentials();
    }

    @Override
    public void close() {
        provider.close();
    }

    @Override
    public String toString() {
        return "AssumedRole(" + roleArn + ")";
    }
}
