package dev.agcinfra.audit.resources;

import dev.agcinfra.audit.batch.ItemProcessor;
import dev.agcinfra.audit.batch.RegionScope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag;

/**
 * Turns a Tagging API result into a {@link Resource} in the resource's own region.
 *
 * <p>The region comes from the ARN; a bucket's from GetBucketLocation, falling back to the partition's region when
 * that is unknown. A bucket located in a region that is not audited is left out: it belongs to that region's report.
 * Resources whose ARN has no region (IAM, CloudFront) are reported as {@link Resource#GLOBAL}.
 */
public final class TaggedResourceProcessor implements ItemProcessor<TaggedResource, Resource> {

    private final RegionScope scope;
    private final Set<String> auditedRegions;

    public TaggedResourceProcessor(RegionScope scope, Set<String> auditedRegions) {
        this.scope = scope;
        this.auditedRegions = Set.copyOf(auditedRegions);
    }

    @Override
    public Resource process(TaggedResource item) {
        String arnText = item.mapping().resourceARN();
        Arn arn = Arn.parse(arnText);
        String region;
        if (arn.service().equals("s3") && arn.type().equals("bucket")) {
            region = item.bucketRegion() == null ? scope.region() : item.bucketRegion();
            if (!auditedRegions.contains(region)) {
                return null;
            }
        } else {
            region = arn.region().isEmpty() ? Resource.GLOBAL : arn.region();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag tag : item.mapping().tags()) {
            tags.put(tag.key(), tag.value());
        }
        return new Resource(region, arn.service(), arn.type(), arn.id(), arnText, tags.get(Resource.NAME_TAG), null,
                tags, scope.account());
    }
}
