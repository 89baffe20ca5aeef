package dev.agcinfra.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds any SDK v2 client against a local endpoint (moto or WireMock) with static test credentials. */
public final class AwsTestClients {

    /** The credentials every local endpoint accepts. */
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private AwsTestClients() {
    }

    /** Applies endpoint, region and test credentials to a builder and builds it; S3 builders get path-style access. */
    public static <B extends AwsClientBuilder<B, T>, T> T build(B builder, URI endpoint, String region) {
        return build(builder, endpoint, region, CREDENTIALS);
    }

    /**
     * The same with other credentials, e.g. those of a role assumed in another account (moto answers as that
     * account).
     */
    public static <B extends AwsClientBuilder<B, T>, T> T build(B builder, URI endpoint, String region,
            AwsCredentialsProvider credentials) {
        builder.endpointOverride(endpoint).region(Region.of(region)).credentialsProvider(credentials);
        if (builder instanceof S3ClientBuilder s3) {
            s3.forcePathStyle(true);
        }
        return builder.build();
    }
}
