package dev.agcinfra.app.stacks;

import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import dev.agcinfra.app.AgcVersion;
import dev.agcinfra.settings.RegionSettings;
import dev.agcinfra.settings.RegionValidation;
import dev.agcinfra.settings.Settings;
import dev.agcinfra.modules.naming.AddressedStack;
import dev.agcinfra.modules.provider.AwsProviderVersion;
import dev.agcinfra.modules.state.RemoteState;
import dev.agcinfra.settings.AgcNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * What every agc-infra stack has: one AWS provider for its region ({@link AwsProviderVersion}: hashicorp/aws 6.x),
 * pinned to the account, whose {@code default_tags} put {@code application-name=agc} and {@code agc-version} on every
 * resource (then the custom tags, which can never override those two); an S3 backend in the same region; Terraform
 * 1.10 or newer. In a region those tools may not know by name ({@link RegionValidation}), the provider and the
 * backend skip their region check.
 */
public abstract class RegionStack extends AddressedStack {

    /** The tag every agc-infra and AGC resource carries. */
    public static final String APPLICATION_TAG = AgcNames.APPLICATION_TAG;
    /** Its value. */
    public static final String APPLICATION_NAME = AgcNames.APPLICATION_NAME;
    /** The tag holding the agc-infra version. */
    public static final String VERSION_TAG = AgcNames.VERSION_TAG;
    /** {@code use_lockfile} in the S3 backend needs it. */
    public static final String REQUIRED_TERRAFORM = ">= " + RegionValidation.MINIMUM_TERRAFORM;

    protected RegionStack(Construct scope, String id, Settings settings, RegionSettings region) {
        super(scope, id);
        boolean skipRegionValidation = RegionValidation.skipped(region.region());
        AwsProvider.Builder.create(this, "aws")
                .region(region.region())
                .allowedAccountIds(List.of(settings.account()))
                .defaultTags(List.of(AwsProviderDefaultTags.builder().tags(defaultTags(region)).build()))
                .skipRegionValidation(skipRegionValidation ? Boolean.TRUE : null)
                .build();
        RemoteState.s3(this, settings.stateBucket(region.region()), AgcNames.stateKey(id), region.region(),
                skipRegionValidation);
        addOverride("terraform.required_version", REQUIRED_TERRAFORM);
        AwsProviderVersion.declare(this);
    }

    /** The provider's default tags: custom tags first, then the two agc tags, which win. */
    public static Map<String, String> defaultTags(RegionSettings region) {
        Map<String, String> tags = new LinkedHashMap<>(region.tags());
        tags.put(APPLICATION_TAG, APPLICATION_NAME);
        tags.put(VERSION_TAG, AgcVersion.get());
        return tags;
    }

    /** {@code agc-data-<region>}. */
    public static String dataStackName(String region) {
        return AgcNames.dataStack(region);
    }

    /** {@code agc-core-<region>}. */
    public static String coreStackName(String region) {
        return AgcNames.coreStack(region);
    }
}
