package dev.agcinfra.audit.cleanup;

import dev.agcinfra.audit.AuditException;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.aws.AwsCall;
import dev.agcinfra.aws.AwsClientFactory;
import dev.agcinfra.aws.AwsErrors;
import dev.agcinfra.audit.aws.RegionClients;
import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.provenance.Owner;
import dev.agcinfra.audit.provenance.Ownership;
import dev.agcinfra.audit.provenance.StateHistoryReader;
import dev.agcinfra.audit.retained.Finding;
import dev.agcinfra.audit.retained.RegionStatus;
import dev.agcinfra.audit.retained.RetainedAudit;
import dev.agcinfra.audit.retained.RetainedJob;
import dev.agcinfra.audit.retained.RetainedOptions;
import dev.agcinfra.audit.retained.RetainedResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * {@code cleanup} as a library: plan the removal of what agc-infra provably created in one deactivated region, then
 * run it; or run a saved plan again, entry by entry re-checked.
 *
 * <pre>{@code
 * Cleanup cleanup = new Cleanup(clients, account, RetainedOptions.defaults().withProtection(protection));
 * CleanupPlan plan = cleanup.plan("eu-west-1", false, false, Set.of());   // refuses an active region (exit 2)
 * CleanupResult result = cleanup.execute(plan);                            // stops at the first failure
 * }</pre>
 */
public final class Cleanup {

    /** A saved plan re-checked against the account as it is now: what may still run, and what is skipped. */
    public record Recheck(CleanupPlan plan, List<CleanupResult.Skipped> skipped) {
    }

    private final AwsClientFactory clients;
    private final String account;
    private final RetainedOptions options;
    private Duration waitInterval = CleanupRunner.DEFAULT_INTERVAL;
    private Duration waitTimeout = CleanupRunner.DEFAULT_TIMEOUT;
    private CleanupRunner.Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());

    public Cleanup(AwsClientFactory clients, String account, RetainedOptions options) {
        this.clients = Objects.requireNonNull(clients, "clients must be non-null");
        this.account = Objects.requireNonNull(account, "account must be non-null");
        this.options = Objects.requireNonNull(options, "options must be non-null");
    }

    /** How often and how long to wait for NAT gateways and endpoints to be deleted (tests shorten both). */
    public Cleanup waiting(Duration interval, Duration timeout, CleanupRunner.Sleeper newSleeper) {
        this.waitInterval = Objects.requireNonNull(interval, "interval must be non-null");
        this.waitTimeout = Objects.requireNonNull(timeout, "timeout must be non-null");
        this.sleeper = Objects.requireNonNull(newSleeper, "sleeper must be non-null");
        return this;
    }

    /**
     * What a cleanup of {@code region} would delete, reading the region now.
     *
     * @param includeData  also log groups and buckets (with every object and version)
     * @param includeState also the region's state bucket, when it holds nothing but agc-infra's empty state
     * @param ids          only these findings; empty for all
     * @throws AuditException exit 2 for an active region or a refused id, exit 3 when the region cannot be read
     */
    public CleanupPlan plan(String region, boolean includeData, boolean includeState, Set<String> ids) {
        RetainedResult retained = new RetainedAudit(clients, account, options).parallelism(1)
                .scan(List.of(region));
        RegionStatus status = retained.regions().get(0);
        // An unreadable state is no reason to stop: what it leaves unproven is owned by "unknown" and kept.
        List<AuditError> errors = retained.errors().stream()
                .filter(error -> !RetainedJob.READ_STATE.equals(error.operation())).toList();
        if (!errors.isEmpty()) {
            throw new AuditException(ExitCode.AWS_FAILURE, "cannot read " + region + ", so nothing is deleted: "
                    + errors.stream().map(AuditError::toLine).collect(Collectors.joining("; ")));
        }
        if (Boolean.TRUE.equals(status.active())) {
            throw activeRegion(region);
        }
        Map<String, VpcContents> vpcs = new LinkedHashMap<>();
        try (RegionClients regionClients = new RegionClients(clients, region)) {
            List<String> vpcIds = new ArrayList<>();
            for (Finding finding : retained.findings()) {
                if (finding.owner() != Owner.AGC) {
                    continue;
                }
                String vpc = finding.type().equals(Finding.VPC) ? finding.id() : finding.vpcId();
                if (vpc != null && !vpcIds.contains(vpc)) {
                    vpcIds.add(vpc);
                }
            }
            if (!vpcIds.isEmpty()) {
                Ownership ownership = new Ownership(StateHistoryReader.read(regionClients.s3(), region,
                        options.protection().stateBucket(account, region)), options.protection());
                for (String vpc : vpcIds) {
                    vpcs.put(vpc, VpcReader.read(regionClients.ec2(), vpc, ownership));
                }
            }
        } catch (AwsCall.AwsCallException e) {
            throw new AuditException(ExitCode.AWS_FAILURE, "cannot read " + region + "'s VPC, so nothing is deleted: "
                    + region + " " + e.service() + " " + e.operation() + " " + AwsErrors.code(e.getCause()) + ": "
                    + AwsErrors.message(e.getCause()), e);
        }
        return CleanupPlanner.plan(account, region, retained.findings(), vpcs, includeData, includeState, ids);
    }

    /**
     * A saved plan, re-checked entry by entry against the region as it is now: an entry runs only when a fresh plan
     * (same region and options) still deletes it, so what is gone, is no longer agc-infra's, or now has something
     * depending on it is skipped, with the reason. Nothing new is added.
     *
     * @throws AuditException exit 2 when the plan was made in another account
     */
    public Recheck recheck(CleanupPlan saved) {
        if (!saved.account().equals(account)) {
            throw AuditException.invalidInput("the plan was made in account " + saved.account() + ", not in "
                    + account + "; use that account's credentials, or make a new plan");
        }
        CleanupPlan fresh = plan(saved.region(), saved.includeData(), saved.includeState(), Set.of());
        List<CleanupAction> run = new ArrayList<>();
        List<CleanupResult.Skipped> skipped = new ArrayList<>();
        for (CleanupAction planned : saved.actions()) {
            Optional<CleanupAction> now = fresh.actions().stream().filter(planned::sameDeletion).findFirst();
            if (now.isPresent()) {
                run.add(now.get());
                continue;
            }
            String reason = fresh.kept().stream().filter(k -> k.id().equals(planned.id())).findFirst()
                    .map(k -> "now kept: " + k.reason())
                    .orElse(fresh.actions().stream().anyMatch(a -> a.id().equals(planned.id()))
                            ? "now planned differently: make a new plan"
                            : "no longer found: already deleted, or no longer a leftover of " + saved.region());
            skipped.add(new CleanupResult.Skipped(planned, reason));
        }
        return new Recheck(fresh.withActions(run), skipped);
    }

    /** Runs the plan; checks first that the region is still deactivated. */
    public CleanupResult execute(CleanupPlan plan) {
        return execute(plan, action -> { });
    }

    /** Runs the plan, telling {@code onDeleted} of each deletion as it completes. */
    public CleanupResult execute(CleanupPlan plan, Consumer<CleanupAction> onDeleted) {
        try (RegionClients regionClients = new RegionClients(clients, plan.region())) {
            try {
                regionClients.ssm().getParameter(r -> r.name(RegionStatus.ACTIVE_PARAMETER));
                throw activeRegion(plan.region());
            } catch (ParameterNotFoundException deactivated) {
                // still deactivated: go on
            } catch (SdkException e) {
                throw new AuditException(ExitCode.AWS_FAILURE, "cannot check that " + plan.region()
                        + " is still deactivated (ssm GetParameter " + AwsErrors.code(e) + "): " + AwsErrors.message(e), e);
            }
            return new CleanupRunner(regionClients, waitInterval, waitTimeout, sleeper).onDeleted(onDeleted).run(plan);
        }
    }

    private static AuditException activeRegion(String region) {
        return AuditException.invalidInput("refusing to clean up " + region + ": agc-infra is active there ("
                + RegionStatus.ACTIVE_PARAMETER + " exists); deactivate it first");
    }
}
