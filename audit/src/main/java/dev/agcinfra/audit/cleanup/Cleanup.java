package dev.agcinfra.audit.cleanup;

import dev.agcinfra.audit.AuditException;
import dev.agcinfra.audit.ExitCode;
import dev.agcinfra.audit.aws.AwsClientFactory;
import dev.agcinfra.audit.aws.AwsErrors;
import dev.agcinfra.audit.aws.RegionClients;
import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.retained.Finding;
import dev.agcinfra.audit.retained.Owner;
import dev.agcinfra.audit.retained.RegionStatus;
import dev.agcinfra.audit.retained.RetainedAudit;
import dev.agcinfra.audit.retained.RetainedOptions;
import dev.agcinfra.audit.retained.RetainedResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * {@code cleanup} as a library: plan the removal of one deactivated region's agc-owned findings, then run it.
 *
 * <pre>{@code
 * Cleanup cleanup = new Cleanup(clients, account, RetainedOptions.defaults());
 * CleanupPlan plan = cleanup.plan("eu-west-1", false, Set.of());   // refuses an active region (exit 2)
 * CleanupResult result = cleanup.execute(plan);                     // stops at the first failure
 * }</pre>
 */
public final class Cleanup {

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
     * @param includeData also log groups and buckets (with every object and version)
     * @param ids         only these findings; empty for all
     * @throws AuditException exit 2 for an active region or a refused id, exit 3 when the region cannot be read
     */
    public CleanupPlan plan(String region, boolean includeData, Set<String> ids) {
        RetainedResult retained = new RetainedAudit(clients, account, options).parallelism(1)
                .scan(List.of(region));
        RegionStatus status = retained.regions().get(0);
        if (!retained.errors().isEmpty()) {
            throw new AuditException(ExitCode.AWS_FAILURE, "cannot read " + region + ", so nothing is deleted: "
                    + retained.errors().stream().map(AuditError::toLine).collect(Collectors.joining("; ")));
        }
        if (Boolean.TRUE.equals(status.active())) {
            throw activeRegion(region);
        }
        Map<String, VpcContents> vpcs = new LinkedHashMap<>();
        try (RegionClients regionClients = new RegionClients(clients, region)) {
            for (Finding finding : retained.findings()) {
                if (finding.type().equals(Finding.VPC) && finding.owner() == Owner.AGC) {
                    vpcs.put(finding.id(), VpcReader.read(regionClients.ec2(), finding.id(), options.tag()));
                }
            }
        } catch (dev.agcinfra.audit.aws.AwsCall.AwsCallException e) {
            throw new AuditException(ExitCode.AWS_FAILURE, "cannot read " + region + "'s VPC, so nothing is deleted: "
                    + region + " " + e.service() + " " + e.operation() + " " + AwsErrors.code(e.getCause()) + ": "
                    + AwsErrors.message(e.getCause()), e);
        }
        return CleanupPlanner.plan(region, retained.findings(), vpcs, includeData, ids);
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
