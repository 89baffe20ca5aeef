package dev.agcinfra.audit.batch;

import java.util.Objects;
import java.util.function.Function;

/**
 * One chunk step of a job: read page by page, process item by item, write chunk by chunk.
 *
 * @param name      a short name for messages, e.g. {@code nat-gateways}
 * @param service   the service reported when the step fails, e.g. {@code ec2}
 * @param operation the operation reported when the step fails and the reader did not name another one,
 *                  e.g. {@code DescribeNatGateways}
 * @param reader    creates the partition's reader from its context (clients are there)
 * @param processor creates the partition's processor from its scope (no clients: processors are pure)
 * @param <I>       the item read
 * @param <O>       the item written
 */
public record Step<I, O>(
        String name,
        String service,
        String operation,
        Function<RegionContext, ItemReader<I>> reader,
        Function<RegionScope, ItemProcessor<I, O>> processor) {

    public Step {
        Objects.requireNonNull(name, "name must be non-null");
        Objects.requireNonNull(service, "service must be non-null");
        Objects.requireNonNull(operation, "operation must be non-null");
        Objects.requireNonNull(reader, "reader must be non-null");
        Objects.requireNonNull(processor, "processor must be non-null");
    }
}
