package dev.agcinfra.app.account;

import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.settings.RegionSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * AGC's own core in the region: activation beside it is refused at once, before anything else is asked, since
 * agc-infra would build a second network and fail on AGC's parameters, table and export while both networks bill. The
 * refusal says how to move the region over, naming the contexts and the bucket AGC keeps.
 */
final class AgcCoreCheck {

    private final AccountAws aws;
    private final String account;

    AgcCoreCheck(AccountAws aws, String account) {
        this.aws = aws;
        this.account = account;
    }

    /** @throws AccountException (invalid input) when AGC's core stack is in the region */
    void refuseIfPresent() {
        Optional<AgcCore.Found> agc = AgcCore.find(aws);
        if (agc.isEmpty()) {
            return;
        }
        String region = aws.region();
        Contexts.Found contexts = new Contexts(aws, Duration.ZERO, Duration.ZERO).find();
        Optional<String> agcBucket = Regions.commonParameter(aws, "bucket");
        String defaultBucket = RegionSettings.defaultBucket(account, region);
        String bucketFlag = agcBucket.filter(b -> !b.equals(defaultBucket)).map(b -> " --bucket " + b).orElse("");
        throw new AccountException(ExitCode.INVALID_INPUT, "refused: AGC's own core is active in " + region + ": "
                + agc.get().describe() + (contexts.isEmpty() ? ", no contexts deployed" : ", contexts deployed: "
                + contexts.describe()) + "; agc-infra would build a second core beside it; to move this region to "
                + "agc-infra, run agc account deactivate" + (contexts.isEmpty() ? "" : " --force (it removes the contexts)")
                + " (AGC keeps its bucket" + agcBucket.map(b -> " " + b).orElse("") + " and your results in it), then "
                + "agc-infra account activate" + bucketFlag + "; see docs/agc-contexts.md");
    }
}
