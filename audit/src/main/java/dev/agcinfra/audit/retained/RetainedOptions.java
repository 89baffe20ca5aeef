package dev.agcinfra.audit.retained;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.provenance.Protection;
import dev.agcinfra.audit.resources.ResourcesJob;
import java.util.List;
import java.util.Objects;

/**
 * What the {@code retained} audit looks for and how it prices it.
 *
 * @param tag              the tag that marks AGC's resources ({@code application-name=agc})
 * @param protection       what the settings file names as the user's, and the state bucket template;
 *                         {@link Protection#NONE} without a settings file
 * @param maxObjects       objects listed per bucket before CloudWatch's daily metrics are used instead
 * @param logGroupPrefixes log group name prefixes that mark AGC's log groups, tagged or not
 * @param pricing          the prices
 */
public record RetainedOptions(TagFilter tag, Protection protection, long maxObjects, List<String> logGroupPrefixes,
        RetainedPricing pricing) {

    /** The default of {@code --max-objects}. */
    public static final long DEFAULT_MAX_OBJECTS = 1_000_000;

    public RetainedOptions {
        Objects.requireNonNull(tag, "tag must be non-null");
        Objects.requireNonNull(protection, "protection must be non-null");
        Objects.requireNonNull(pricing, "pricing must be non-null");
        logGroupPrefixes = List.copyOf(logGroupPrefixes);
        if (maxObjects < 0) {
            throw new IllegalArgumentException("maxObjects must be 0 or more, was " + maxObjects);
        }
    }

    /** The defaults: the default tag, no settings file, 1,000,000 objects, AGC's prefixes, the embedded prices. */
    public static RetainedOptions defaults() {
        return new RetainedOptions(TagFilter.DEFAULT, Protection.NONE, DEFAULT_MAX_OBJECTS,
                ResourcesJob.DEFAULT_LOG_GROUP_PREFIXES, RetainedPricing.embedded());
    }

    public RetainedOptions withTag(TagFilter newTag) {
        return new RetainedOptions(newTag, protection, maxObjects, logGroupPrefixes, pricing);
    }

    public RetainedOptions withProtection(Protection newProtection) {
        return new RetainedOptions(tag, newProtection, maxObjects, logGroupPrefixes, pricing);
    }

    public RetainedOptions withMaxObjects(long newMaxObjects) {
        return new RetainedOptions(tag, protection, newMaxObjects, logGroupPrefixes, pricing);
    }

    public RetainedOptions withLogGroupPrefixes(List<String> newPrefixes) {
        return new RetainedOptions(tag, protection, maxObjects, newPrefixes, pricing);
    }
}
