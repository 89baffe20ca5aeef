package dev.agcinfra.audit.resources;

import dev.agcinfra.audit.batch.ItemProcessor;
import dev.agcinfra.audit.batch.RegionScope;

/**
 * Turns a log group found by name prefix into a {@link Resource}; its ARN is the one without the trailing
 * {@code :*} (as the Tagging API writes it), so both sources deduplicate.
 */
public final class LogGroupProcessor implements ItemProcessor<LogGroupItem, Resource> {

    private final RegionScope scope;

    public LogGroupProcessor(RegionScope scope) {
        this.scope = scope;
    }

    @Override
    public Resource process(LogGroupItem item) {
        String name = item.group().logGroupName();
        return new Resource(scope.region(), "logs", "log-group", name, arn(scope, item), item.tags().get(Resource.NAME_TAG),
                null, item.tags(), scope.account());
    }

    /** The log group's ARN without {@code :*}. */
    static String arn(RegionScope scope, LogGroupItem item) {
        if (item.group().logGroupArn() != null) {
            return item.group().logGroupArn();
        }
        String arn = item.group().arn();
        if (arn != null) {
            return arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
        }
        return "arn:" + scope.awsPartition() + ":logs:" + scope.region() + ":" + scope.account() + ":log-group:"
                + item.group().logGroupName();
    }
}
