package dev.agcinfra.audit.resources;

import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;

/**
 * One result of the Tagging API's GetResources, with the bucket's own region when it is an S3 bucket.
 *
 * @param mapping      the ARN and its tags
 * @param bucketRegion the region GetBucketLocation gave, or null when not a bucket or not known
 */
public record TaggedResource(ResourceTagMapping mapping, String bucketRegion) {
}
