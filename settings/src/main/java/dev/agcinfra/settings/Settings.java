package dev.agcinfra.settings;

import java.util.List;
import java.util.Map;

/**
 * The whole of {@code agc.yaml}, validated, with the account resolved and every default applied.
 *
 * @param account            the 12-digit AWS account id
 * @param stateBucketPattern the remote-state bucket template, with {@code {account}} and {@code {region}} placeholders
 * @param tags               custom tags for every region
 * @param regions            the regions, in file order
 */
public record Settings(String account, String stateBucketPattern, Map<String, String> tags, List<RegionSettings> regions) {

    /** The default remote-state bucket template. */
    public static final String DEFAULT_STATE_BUCKET = AgcNames.DEFAULT_STATE_BUCKET;

    public Settings {
        tags = Map.copyOf(tags);
        regions = List.copyOf(regions);
    }

    /** The remote-state bucket of one region. */
    public String stateBucket(String region) {
        return AgcNames.stateBucket(stateBucketPattern, account, region);
    }
}
