package dev.agcinfra.audit.batch;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;

/**
 * Reads the items of one partition page by page, usually one SDK response per page.
 *
 * <p>The stream is lazy: a page is requested when the previous one has been processed and handed on, so that
 * memory holds one page (plus the chunks in flight), however many pages there are.
 *
 * @param <T> the item type, usually an SDK model object such as {@code NatGateway}
 */
@FunctionalInterface
public interface ItemReader<T> {

    /** The pages, in order; each call starts reading again. */
    Stream<List<T>> pages();

    /** A reader over an SDK paginator: {@code ItemReader.of(ec2.describeNatGatewaysPaginator(req), r -> r.natGateways())}. */
    static <R, T> ItemReader<T> of(SdkIterable<R> responses, Function<R, List<T>> items) {
        return () -> responses.stream().map(items);
    }

    /** A reader that reads nothing. */
    static <T> ItemReader<T> empty() {
        return Stream::empty;
    }
}
