package dev.agcinfra.app.account;

import dev.agcinfra.settings.RegionSettings;
import dev.agcinfra.settings.Settings;
import dev.agcinfra.audit.aws.AwsClientFactory;
import dev.agcinfra.audit.aws.AwsSettings;
import dev.agcinfra.audit.retained.RetainedAudit;
import dev.agcinfra.audit.retained.RetainedOptions;
import dev.agcinfra.audit.retained.RetainedReports;
import dev.agcinfra.audit.retained.RetainedResult;
import dev.agcinfra.audit.retained.UserResources;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit's {@code retained} report ({@code agc-audit retained}, the same code) for the region just deactivated:
 * what stays (buckets, state bucket, log groups, orphans), what it costs per month, and how to remove what agc-infra
 * owns. What the user brought (a bucket with {@code createBucket: false}, an own VPC) is marked as theirs.
 */
public final class AuditRetainedReporter implements RetainedReporter {

    private final Settings settings;
    private final Optional<String> profile;

    /** @param settings the settings as they were before deactivation (own VPC and buckets still named) */
    public AuditRetainedReporter(Settings settings, Optional<String> profile) {
        this.settings = settings;
        this.profile = profile;
    }

    @Override
    public void report(AccountAws aws, String account, String region, PrintWriter out) {
        Map<String, String> buckets = new HashMap<>();
        Map<String, String> vpcs = new HashMap<>();
        for (RegionSettings r : settings.regions()) {
            if (!r.createBucket()) {
                buckets.put(r.region(), r.bucket());
            }
            r.vpc().ifPresent(v -> vpcs.put(r.region(), v));
        }
        UserResources user = new UserResources(buckets, vpcs, settings.stateBucketPattern());
        AwsSettings awsSettings = AwsSettings.defaults().withProfile(profile.orElse(null))
                .withEndpoint(aws.environment().endpoint("S3").orElse(null));
        try (AwsClientFactory clients = new AwsClientFactory(awsSettings, Map.of())) {
            RetainedResult result = new RetainedAudit(clients, account, RetainedOptions.defaults().withUser(user))
                    .parallelism(1).scan(List.of(region));
            out.println("agc-infra: what deactivation kept in " + region + " (agc-audit retained):");
            RetainedReports.write(RetainedReports.table(out), result);
            out.flush();
        } catch (IOException | RuntimeException e) {
            out.println("agc-infra: warning: the retained report failed (" + e.getMessage() + "); run agc-audit "
                    + "retained --regions " + region + " for it");
        }
    }
}
