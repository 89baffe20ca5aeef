package dev.agcinfra.app.stacks;

import com.hashicorp.cdktf.TerraformOutput;
import dev.agcinfra.settings.RegionSettings;
import dev.agcinfra.settings.Settings;
import dev.agcinfra.modules.naming.AddressedScope;
import dev.agcinfra.modules.storage.ResultsBucket;
import software.constructs.Construct;

/**
 * {@code agc-data-<region>}: the data that outlives deactivation, i.e. the results bucket when agc-infra creates it.
 * Kept out of the core stack so that destroying the core (deactivation) can never touch the bucket or its objects.
 */
public final class DataStack extends RegionStack {

    public DataStack(Construct scope, Settings settings, RegionSettings region) {
        super(scope, dataStackName(region.region()), settings, region);
        ResultsBucket bucket = new ResultsBucket(this, "ResultsBucket", region.bucket());
        AddressedScope stack = AddressedScope.of(this);
        stack.add("bucket_name", (s, n) -> TerraformOutput.Builder.create(s, n).value(bucket.bucketName())
                .description("The results bucket").build());
        stack.add("bucket_arn", (s, n) -> TerraformOutput.Builder.create(s, n).value(bucket.bucketArn())
                .description("The results bucket's ARN").build());
    }

    /** Whether a region needs a data stack: only when agc-infra creates the bucket. */
    public static boolean isNeeded(RegionSettings region) {
        return region.createBucket();
    }
}
