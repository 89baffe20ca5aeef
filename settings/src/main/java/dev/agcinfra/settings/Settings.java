package dev.agcinfra.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole of {@code agc.yaml}, validated, with the account resolved and every default applied.
 *
 * @param account            the 12-digit AWS account id
 * @param stateBucketPattern the remote-state bucket template, with {@code {account}} and {@code {region}} placeholders
 * @param tags               custom tags for every region
 * @param regions            the regions, in file order
 * @param agcHome            the AGC installation the core uploads AGC's artifacts and WES adapter from (absolute);
 *                           default {@code ~/.agc}, where AGC's installer puts it. It may not exist.
 */
public record Settings(String account, String stateBucketPattern, Map<String, String> tags, List<RegionSettings> regions,
                       Path agcHome) {

    /** The default remote-state bucket template. */
    public static final String DEFAULT_STATE_BUCKET = AgcNames.DEFAULT_STATE_BUCKET;
    /** Where AGC's installer puts AGC ({@code scripts/cli/install.sh}), and where AGC's own core reads it from. */
    public static final String DEFAULT_AGC_HOME = "~/.agc";

    public Settings {
        tags = Map.copyOf(tags);
        regions = List.copyOf(regions);
        Objects.requireNonNull(agcHome, "agcHome");
    }

    /** The remote-state bucket of one region. */
    public String stateBucket(String region) {
        return AgcNames.stateBucket(stateBucketPattern, account, region);
    }
}
