package dev.agcinfra.audit.cleanup;

import dev.agcinfra.aws.AwsCall;
import dev.agcinfra.aws.AwsErrors;
import dev.agcinfra.audit.aws.RegionClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DeleteVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.waiters.Ec2Waiter;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Runs a plan's actions in order and stops at the first failure. After a run of NAT gateway deletions it waits with
 * the SDK's waiter until they are deleted, and after a run of endpoint deletions it polls until they are gone, every
 * {@code interval} up to {@code timeout}, since what depends on them (their Elastic IPs, subnets, the VPC) cannot go
 * before.
 */
public final class CleanupRunner {

    /** How long to wait for NAT gateways and endpoints to be deleted. AWS takes about a minute for a NAT gateway. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    /** How often to ask. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    /** Objects per DeleteObjects call (the API's maximum). */
    static final int DELETE_BATCH = 1000;

    /** Waits; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RegionClients clients;
    private final Duration interval;
    private final Duration timeout;
    private final Sleeper sleeper;
    private Consumer<CleanupAction> listener = action -> { };

    public CleanupRunner(RegionClients clients) {
        this(clients, DEFAULT_INTERVAL, DEFAULT_TIMEOUT, duration -> Thread.sleep(duration.toMillis()));
    }

    /**
     * @param clients  the region's clients
     * @param interval how often to poll while waiting for deletions
     * @param timeout  how long to wait at most for one batch of deletions
     * @param sleeper  how to wait between polls
     */
    public CleanupRunner(RegionClients clients, Duration interval, Duration timeout, Sleeper sleeper) {
        this.clients = Objects.requireNonNull(clients, "clients must be non-null");
        this.interval = Objects.requireNonNull(interval, "interval must be non-null");
        this.timeout = Objects.requireNonNull(timeout, "timeout must be non-null");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper must be non-null");
    }

    /** Told of each action as it completes (to print progress). */
    public CleanupRunner onDeleted(Consumer<CleanupAction> newListener) {
        this.listener = Objects.requireNonNull(newListener, "listener must be non-null");
        return this;
    }

    /**
     * Runs every action of {@code plan}, in order, until one fails. A state bucket that holds more than agc-infra's
     * empty state when its turn comes (another project wrote to it since the plan was made) is not deleted: it is
     * skipped, with the keys that keep it.
     */
    public CleanupResult run(CleanupPlan plan) {
        List<CleanupAction> actions = plan.actions();
        List<CleanupAction> done = new ArrayList<>();
        List<CleanupAction> waiting = new ArrayList<>();
        List<CleanupResult.Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            CleanupAction action = actions.get(i);
            try {
                if (action.operation() == Operation.DELETE_STATE_BUCKET) {
                    String problem = stateBucketProblem(action);
                    if (problem != null) {
                        skipped.add(new CleanupResult.Skipped(action, "now kept: " + problem));
                        continue;
                    }
                }
                execute(plan, action);
                boolean waits = action.operation() == Operation.DELETE_NAT_GATEWAY
                        || action.operation() == Operation.DELETE_VPC_ENDPOINT;
                if (waits) {
                    waiting.add(action);
                } else {
                    done.add(action);
                    listener.accept(action);
                }
                boolean batchEnds = i + 1 == actions.size() || actions.get(i + 1).operation() != action.operation();
                if (waits && batchEnds) {
                    awaitDeleted(plan.region(), waiting);
                    for (CleanupAction gone : waiting) {
                        done.add(gone);
                        listener.accept(gone);
                    }
                    waiting.clear();
                }
            } catch (Failure e) {
                List<CleanupAction> notDone = new ArrayList<>(actions.subList(i + 1, actions.size()));
                CleanupAction failed = e.action == null ? action : e.action;
                if (failed != action && !waiting.contains(action) && !done.contains(action)) {
                    notDone.add(0, action);
                }
                List<CleanupAction> requested = waiting.stream().filter(w -> w != failed).toList();
                return new CleanupResult(plan.region(), done, requested, failed, e.getMessage(), notDone, skipped);
            }
        }
        return new CleanupResult(plan.region(), done, List.of(), null, null, List.of(), skipped);
    }

    /** {@link StateBucketCheck#problem} of the bucket as it is now; an AWS error reading it fails the action. */
    private String stateBucketProblem(CleanupAction action) {
        try {
            return StateBucketCheck.problem(clients.s3(), clients.region(), action.id());
        } catch (AwsCall.AwsCallException e) {
            throw new Failure(action, clients.region() + " " + e.service() + " " + e.operation() + " "
                    + AwsErrors.code(e.getCause()) + ": " + AwsErrors.message(e.getCause()), AwsErrors.code(e.getCause()));
        }
    }

    /** A failed action: the message is "region service operation code: message". */
    static final class Failure extends RuntimeException {
        final CleanupAction action;
        final String code;

        Failure(CleanupAction action, String message) {
            this(action, message, null);
        }

        Failure(CleanupAction action, String message, String code) {
            super(message);
            this.action = action;
            this.code = code;
        }
    }

    /** Operations that may meet {@code DependencyViolation} while AWS still removes what was deleted just before. */
    static final java.util.Set<Operation> RETRIED_ON_DEPENDENCY = java.util.EnumSet.of(Operation.DELETE_SECURITY_GROUP,
            Operation.DELETE_ROUTE_TABLE, Operation.DELETE_SUBNET, Operation.DELETE_INTERNET_GATEWAY,
            Operation.DELETE_VPC);

    /** The error code of a deletion refused because something else appeared in the VPC since the plan was made. */
    static final String FOREIGN_INTERFACE = "ForeignNetworkInterface";

    /**
     * Runs an action; a VPC part that fails with {@code DependencyViolation} (network interfaces of a just-deleted
     * endpoint or NAT gateway take a while to go) is tried again every {@code interval} until {@code timeout}.
     * Before a subnet, security group or VPC is deleted, the VPC's network interfaces are listed again: one that
     * belongs to nothing this plan deletes (another service's) stops the run, and nothing of that VPC is deleted.
     */
    private void execute(CleanupPlan plan, CleanupAction action) {
        if (action.operation().needsNoForeignInterfaces() && action.vpcId() != null) {
            List<String> foreign;
            try {
                foreign = VpcReader.newInterfaces(ec2(), action.vpcId(),
                        plan.interfaces().getOrDefault(action.vpcId(), List.of()));
            } catch (AwsCall.AwsCallException e) {
                throw new Failure(action, clients.region() + " " + e.service() + " " + e.operation() + " "
                        + AwsErrors.code(e.getCause()) + ": " + AwsErrors.message(e.getCause()));
            }
            if (!foreign.isEmpty()) {
                throw new Failure(action, clients.region() + " ec2 DescribeNetworkInterfaces " + FOREIGN_INTERFACE
                        + ": " + action.vpcId() + " holds " + String.join(", ", foreign) + ", which belongs to no "
                        + "agc-infra resource being deleted: not deleting " + action.id() + " or anything after it",
                        FOREIGN_INTERFACE);
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                executeOnce(action);
                return;
            } catch (Failure e) {
                if (!"DependencyViolation".equals(e.code) || !RETRIED_ON_DEPENDENCY.contains(action.operation())
                        || System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                try {
                    sleeper.sleep(interval);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void executeOnce(CleanupAction action) {
        try {
            switch (action.operation()) {
                case DELETE_VPC_ENDPOINT -> {
                    DeleteVpcEndpointsResponse response = AwsCall.call("ec2", "DeleteVpcEndpoints",
                            () -> ec2().deleteVpcEndpoints(r -> r.vpcEndpointIds(action.id())));
                    if (!response.unsuccessful().isEmpty()) {
                        var error = response.unsuccessful().get(0).error();
                        throw new Failure(action, clients.region() + " ec2 DeleteVpcEndpoints " + error.code() + ": "
                                + error.message());
                    }
                }
                case DELETE_NAT_GATEWAY -> AwsCall.call("ec2", "DeleteNatGateway",
                        () -> ec2().deleteNatGateway(r -> r.natGatewayId(action.id())));
                case RELEASE_ADDRESS -> AwsCall.call("ec2", "ReleaseAddress",
                        () -> ec2().releaseAddress(r -> r.allocationId(action.id())));
                case DELETE_SECURITY_GROUP -> AwsCall.call("ec2", "DeleteSecurityGroup",
                        () -> ec2().deleteSecurityGroup(r -> r.groupId(action.id())));
                case DELETE_ROUTE_TABLE -> {
                    List<RouteTableAssociation> associations = AwsCall.call("ec2", "DescribeRouteTables",
                            () -> ec2().describeRouteTables(r -> r.routeTableIds(action.id())).routeTables())
                            .stream().flatMap(t -> t.associations().stream()).toList();
                    for (RouteTableAssociation association : associations) {
                        if (!Boolean.TRUE.equals(association.main())) {
                            AwsCall.call("ec2", "DisassociateRouteTable", () -> ec2().disassociateRouteTable(
                                    r -> r.associationId(association.routeTableAssociationId())));
                        }
                    }
                    AwsCall.call("ec2", "DeleteRouteTable", () -> ec2().deleteRouteTable(r -> r.routeTableId(action.id())));
                }
                case DELETE_SUBNET -> AwsCall.call("ec2", "DeleteSubnet",
                        () -> ec2().deleteSubnet(r -> r.subnetId(action.id())));
                case DELETE_INTERNET_GATEWAY -> {
                    if (action.vpcId() != null) {
                        try {
                            AwsCall.call("ec2", "DetachInternetGateway", () -> ec2().detachInternetGateway(
                                    r -> r.internetGatewayId(action.id()).vpcId(action.vpcId())));
                        } catch (AwsCall.AwsCallException e) {
                            if (!"Gateway.NotAttached".equals(AwsErrors.code(e.getCause()))) {
                                throw e;
                            }
                        }
                    }
                    AwsCall.call("ec2", "DeleteInternetGateway",
                            () -> ec2().deleteInternetGateway(r -> r.internetGatewayId(action.id())));
                }
                case DELETE_VPC -> AwsCall.call("ec2", "DeleteVpc", () -> ec2().deleteVpc(r -> r.vpcId(action.id())));
                case DELETE_LOG_GROUP -> AwsCall.call("logs", "DeleteLogGroup",
                        () -> clients.logs().deleteLogGroup(r -> r.logGroupName(action.id())));
                case DELETE_BUCKET, DELETE_STATE_BUCKET -> deleteBucket(action);
                default -> throw new IllegalStateException("unknown operation " + action.operation());
            }
        } catch (AwsCall.AwsCallException e) {
            throw new Failure(action, clients.region() + " " + e.service() + " " + e.operation() + " "
                    + AwsErrors.code(e.getCause()) + ": " + AwsErrors.message(e.getCause()), AwsErrors.code(e.getCause()));
        }
    }

    /** Every version and delete marker (or every object), 1,000 at a time, then the bucket. */
    private void deleteBucket(CleanupAction action) {
        S3Client s3 = clients.s3();
        String bucket = action.id();
        List<ObjectIdentifier> batch = new ArrayList<>(DELETE_BATCH);
        AwsCall.call("s3", "ListObjectVersions", () -> {
            for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(r -> r.bucket(bucket))) {
                page.versions().forEach(v -> batch.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
                page.deleteMarkers().forEach(m -> batch.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
                while (batch.size() >= DELETE_BATCH) {
                    deleteObjects(action, s3, new ArrayList<>(batch.subList(0, DELETE_BATCH)));
                    batch.subList(0, DELETE_BATCH).clear();
                }
            }
            return null;
        });
        if (!batch.isEmpty()) {
            deleteObjects(action, s3, batch);
        }
        AwsCall.call("s3", "DeleteBucket", () -> s3.deleteBucket(r -> r.bucket(bucket)));
    }

    private void deleteObjects(CleanupAction action, S3Client s3, List<ObjectIdentifier> objects) {
        DeleteObjectsResponse response = AwsCall.call("s3", "DeleteObjects", () -> s3.deleteObjects(
                r -> r.bucket(action.id()).delete(d -> d.objects(objects).quiet(true))));
        if (!response.errors().isEmpty()) {
            var error = response.errors().get(0);
            throw new Failure(action, clients.region() + " s3 DeleteObjects " + error.code() + ": " + error.message()
                    + " (" + error.key() + "; " + response.errors().size() + " objects not deleted)");
        }
    }

    /**
     * Waits until every action of the batch is done: NAT gateways with the SDK's {@code NatGatewayDeleted} waiter,
     * endpoints by polling (the SDK has no waiter for them), every {@code interval} up to {@code timeout}.
     */
    private void awaitDeleted(String region, List<CleanupAction> actions) {
        if (actions.get(0).operation() == Operation.DELETE_NAT_GATEWAY) {
            awaitNatGateways(region, actions);
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CleanupAction> pending = new ArrayList<>(actions);
        while (true) {
            pending.removeIf(this::endpointGone);
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new Failure(pending.get(0), region + " ec2 DescribeVpcEndpoints Timeout: " + pending.get(0).id()
                        + " still not deleted after " + timeout.toSeconds() + "s");
            }
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure(pending.get(0), region + " interrupted while waiting for " + pending.get(0).id());
            }
        }
    }

    private void awaitNatGateways(String region, List<CleanupAction> actions) {
        List<String> ids = actions.stream().map(CleanupAction::id).toList();
        int attempts = (int) Math.max(1, Math.min(Integer.MAX_VALUE - 1,
                timeout.toMillis() / Math.max(1, interval.toMillis()))) + 1;
        try (Ec2Waiter waiter = Ec2Waiter.builder().client(ec2()).overrideConfiguration(o -> o
                .waitTimeout(timeout)
                .maxAttempts(attempts)
                .backoffStrategyV2(software.amazon.awssdk.retries.api.BackoffStrategy.fixedDelayWithoutJitter(interval)))
                .build()) {
            waiter.waitUntilNatGatewayDeleted(r -> r.natGatewayIds(ids)).matched().exception().ifPresent(e -> {
                throw e instanceof SdkException sdk ? sdk : new IllegalStateException(e);
            });
        } catch (SdkException e) {
            // Timed out, or AWS refused: say which NAT gateway is not deleted, and in what state.
            CleanupAction first = actions.get(0);
            try {
                for (NatGateway nat : ec2().describeNatGateways(r -> r.natGatewayIds(ids)).natGateways()) {
                    if (nat.state() != NatGatewayState.DELETED) {
                        CleanupAction action = actions.stream().filter(a -> a.id().equals(nat.natGatewayId()))
                                .findFirst().orElse(first);
                        throw new Failure(action, region + " ec2 DescribeNatGateways " + (nat.state()
                                == NatGatewayState.FAILED ? "Failed: " + nat.natGatewayId() + " is in state failed"
                                : "Timeout: " + nat.natGatewayId() + " still " + nat.stateAsString() + " after "
                                        + timeout.toSeconds() + "s"));
                    }
                }
            } catch (SdkException describe) {
                if (!notFound(describe)) {
                    throw new Failure(first, region + " ec2 DescribeNatGateways " + AwsErrors.code(describe) + ": "
                            + AwsErrors.message(describe));
                }
            }
            if (!notFound(e)) {
                throw new Failure(first, region + " ec2 DescribeNatGateways " + AwsErrors.code(e) + ": "
                        + AwsErrors.message(e));
            }
        }
    }

    private boolean endpointGone(CleanupAction action) {
        try {
            return AwsCall.call("ec2", "DescribeVpcEndpoints",
                    () -> ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(action.id())).vpcEndpoints()).stream()
                    .allMatch(e -> "deleted".equalsIgnoreCase(e.stateAsString()));
        } catch (AwsCall.AwsCallException e) {
            if (notFound(e.getCause())) {
                return true;
            }
            throw new Failure(action, clients.region() + " " + e.service() + " " + e.operation() + " "
                    + AwsErrors.code(e.getCause()) + ": " + AwsErrors.message(e.getCause()));
        }
    }

    private static boolean notFound(SdkException e) {
        return e instanceof AwsServiceException service && AwsErrors.code(service).contains("NotFound");
    }

    private Ec2Client ec2() {
        return clients.ec2();
    }
}
