package dev.agcinfra.audit.batch;

import java.util.Objects;

/**
 * What a processor may know about its partition: plain data, no clients.
 *
 * @param region       the partition's region, e.g. {@code us-east-1}
 * @param account      the account id from STS, e.g. {@code 123456789012}
 * @param awsPartition the ARN partition, e.g. {@code aws} or {@code aws-cn}
 */
public record RegionScope(String region, String account, String awsPartition) {

    public RegionScope {
        Objects.requireNonNull(region, "region must be non-null");
        Objects.requireNonNull(account, "account must be non-null");
        Objects.requireNonNull(awsPartition, "awsPartition must be non-null");
    }
}
