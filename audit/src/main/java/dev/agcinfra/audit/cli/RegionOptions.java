package dev.agcinfra.audit.cli;

import dev.agcinfra.audit.TagFilter;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Which regions to read, which tag marks AGC's resources, and how many regions at once. */
public final class RegionOptions {

    /** The default of {@code --parallelism}: every region enabled by default in an account (17) at once. */
    public static final int DEFAULT_PARALLELISM = 20;

    /** {@code --regions} or {@code --all-regions}, not both. */
    static final class Choice {
        @Option(names = "--regions", paramLabel = "REGION,...", required = true,
                description = "Regions to read, comma-separated "
                        + "(default: the AWS CLI's region: AWS_REGION, then the profile's).")
        String regions;

        @Option(names = "--all-regions", required = true,
                description = "Read every region enabled in the account (EC2 DescribeRegions).")
        boolean allRegions;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", defaultValue = "application-name=agc",
            description = "The tag that marks AGC's resources (default: ${DEFAULT-VALUE}).")
    String tag = TagFilter.DEFAULT.toString();

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "" + DEFAULT_PARALLELISM,
            description = "Regions read at the same time, of every account together (default: ${DEFAULT-VALUE}).")
    int parallelism = DEFAULT_PARALLELISM;

    List<String> regions() {
        return choice == null || choice.regions == null ? null : List.of(choice.regions);
    }

    boolean allRegions() {
        return choice != null && choice.allRegions;
    }
}
