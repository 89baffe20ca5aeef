package dev.agcinfra.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses and checks region lists such as {@code us-east-1,eu-west-1}. */
public final class Regions {

    /** A region name as AWS spells them: {@code us-east-1}, {@code us-gov-west-1}, {@code cn-north-1}, {@code us-isob-east-1}. */
    public static final Pattern REGION_NAME = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}");

    private Regions() {
    }

    /**
     * Splits a comma-separated list, trims it, drops duplicates (keeping the first position) and checks each name.
     *
     * @throws AuditException with {@link ExitCode#INVALID_INPUT} for an empty list or a malformed name
     */
    public static List<String> parse(List<String> values) {
        Set<String> regions = new LinkedHashSet<>();
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                String region = part.trim();
                if (!REGION_NAME.matcher(region).matches()) {
                    throw AuditException.invalidInput("invalid region '" + region
                            + "' in --regions: expected names like us-east-1,eu-west-1");
                }
                regions.add(region);
            }
        }
        if (regions.isEmpty()) {
            throw AuditException.invalidInput("--regions is empty: give regions like us-east-1,eu-west-1");
        }
        return new ArrayList<>(regions);
    }
}
