package dev.agcinfra.audit;

import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.settings.AwsNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses and checks region lists such as {@code us-east-1,eu-west-1}, with agc-infra's rule ({@link AwsNames}): a
 * region the AWS SDK knows, in any partition (agc-audit also reads GovCloud and China regions).
 */
public final class Regions {

    private Regions() {
    }

    /**
     * Splits a comma-separated list, trims it, drops duplicates (keeping the first position) and checks each name.
     *
     * @throws AuditException with {@link ExitCode#INVALID_INPUT} for an empty list or a name that is not a region,
     *                        the line agc-infra gives for it ({@code "us-esat-1" is not an AWS region; did you mean
     *                        us-east-1?}) after {@code --regions: }
     */
    public static List<String> parse(List<String> values) {
        Set<String> regions = new LinkedHashSet<>();
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                regions.add(check(part.trim(), "--regions"));
            }
        }
        if (regions.isEmpty()) {
            throw AuditException.invalidInput("--regions is empty: give regions like us-east-1,eu-west-1");
        }
        return new ArrayList<>(regions);
    }

    /**
     * Checks one region name.
     *
     * @param source where it came from, for the message: a flag ({@code --region}) or the AWS CLI's configuration
     * @return the region
     * @throws AuditException with {@link ExitCode#INVALID_INPUT} when it is not a region, naming {@code source}
     */
    public static String check(String region, String source) {
        AwsNames.regionProblemInAnyPartition(region).ifPresent(problem -> {
            throw AuditException.invalidInput(source + ": " + problem);
        });
        return region;
    }
}
