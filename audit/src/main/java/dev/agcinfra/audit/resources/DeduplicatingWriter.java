package dev.agcinfra.audit.resources;

import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.report.ReportWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Passes each ARN of each account on once: the first occurrence wins (steps run richest first, regions in order).
 *
 * <p>Only the ARNs of types more than one source can return are remembered (NAT gateways, VPC endpoints, Elastic
 * IPs, log groups, buckets, and anything without a region in its ARN); the Tagging API gives every other ARN once.
 * So memory grows with those few types, not with the account.
 */
public final class DeduplicatingWriter implements ReportWriter<Resource> {

    /** {@code service/type} pairs that more than one step (or region) can return. */
    public static final Set<String> REPEATABLE_TYPES = Set.of(
            "ec2/natgateway", "ec2/vpc-endpoint", "ec2/elastic-ip", "logs/log-group", "s3/bucket");

    private final ReportWriter<Resource> delegate;
    private final Set<String> seen = new HashSet<>();
    private long duplicates;

    public DeduplicatingWriter(ReportWriter<Resource> delegate) {
        this.delegate = delegate;
    }

    @Override
    public void begin() throws IOException {
        delegate.begin();
    }

    @Override
    public void write(List<? extends Resource> chunk) throws IOException {
        List<Resource> unique = new ArrayList<>(chunk.size());
        for (Resource resource : chunk) {
            if (!repeatable(resource) || seen.add(resource.account() + " " + resource.arn())) {
                unique.add(resource);
            } else {
                duplicates++;
            }
        }
        if (!unique.isEmpty()) {
            delegate.write(unique);
        }
    }

    @Override
    public void end(List<AuditError> errors) throws IOException {
        delegate.end(errors);
    }

    /** How many items were dropped as repeats. */
    public long duplicates() {
        return duplicates;
    }

    private static boolean repeatable(Resource resource) {
        return REPEATABLE_TYPES.contains(resource.service() + "/" + resource.type())
                || resource.region().equals(Resource.GLOBAL);
    }
}
