package dev.agcinfra.audit.accounts;

import dev.agcinfra.audit.AuditException;
import dev.agcinfra.audit.aws.Preflight;
import dev.agcinfra.audit.batch.AuditAccount;
import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.batch.JobRunner;
import dev.agcinfra.audit.batch.Partition;
import dev.agcinfra.aws.AssumedRole;
import dev.agcinfra.aws.AwsClientFactory;
import dev.agcinfra.aws.AwsErrors;
import dev.agcinfra.cli.ExitCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * Settles which accounts a job reads, and which regions of each, before the job starts.
 *
 * <ol>
 *   <li>The accounts: those of {@code --accounts}, or, with {@code --org}, every account of the organization
 *       (Organizations ListAccounts, every page; the caller's own first, then by id), of which only the ACTIVE ones
 *       are read (each other one is a note naming its state). Not being allowed to list them ends the run.</li>
 *   <li>Each account, in parallel: the caller's own with the caller's credentials; any other through the role
 *       assumed in it (AssumeRole, once, refreshed by the SDK before it expires). A role that cannot be assumed
 *       (access denied, suspended or closed account) is one error naming the account, and none of its regions is
 *       read.</li>
 *   <li>Its regions: the ones asked for, or, with {@code --all-regions}, those enabled in that account (EC2
 *       DescribeRegions with its credentials): an opt-in region is read only where it is enabled.</li>
 * </ol>
 */
public final class AccountPlanner {

    private final AwsClientFactory factory;
    private final String caller;
    private final String homeRegion;
    private final int parallelism;

    /**
     * @param factory     the caller's client factory
     * @param caller      the caller's account (STS)
     * @param homeRegion  where global calls go and regions are listed (the default or first region)
     * @param parallelism accounts settled at the same time
     */
    public AccountPlanner(AwsClientFactory factory, String caller, String homeRegion, int parallelism) {
        this.factory = Objects.requireNonNull(factory, "factory must be non-null");
        this.caller = Objects.requireNonNull(caller, "caller must be non-null");
        this.homeRegion = Objects.requireNonNull(homeRegion, "homeRegion must be non-null");
        this.parallelism = parallelism;
    }

    /**
     * The scope of {@code selection}.
     *
     * @param regions the regions to read in every account, or {@code null} for each account's enabled regions
     * @param notes   told of what is left out on purpose (an organization's inactive accounts), one line each
     * @throws AuditException exit 3 when the organization's accounts cannot be listed
     */
    public AuditScope plan(AccountSelection selection, List<String> regions, Consumer<String> notes) {
        if (selection.mode() == AccountSelection.Mode.CALLER) {
            throw new IllegalArgumentException("the caller's account alone needs no plan: use AuditScope.caller");
        }
        List<AuditAccount> candidates = selection.mode() == AccountSelection.Mode.ORGANIZATION
                ? organizationAccounts(notes)
                : selection.accounts().stream().map(id -> new AuditAccount(id, null, null)).toList();
        List<AssumedRole> roles = new ArrayList<>();
        List<Settled> settled = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, candidates.size())),
                r -> {
                    Thread thread = new Thread(r, "agc-audit-accounts");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<Future<Settled>> futures = new ArrayList<>();
            for (AuditAccount candidate : candidates) {
                AssumedRole role = candidate.id().equals(caller) ? null : factory.assumeRole(
                        selection.role().arn(JobRunner.awsPartition(homeRegion), candidate.id()),
                        selection.role().externalId(), AccountSelection.Role.SESSION_NAME,
                        Preflight.stsRegion(List.of(homeRegion)));
                if (role != null) {
                    roles.add(role);
                }
                AuditAccount account = new AuditAccount(candidate.id(), candidate.name(), role);
                futures.add(pool.submit(() -> settle(account, role, regions)));
            }
            for (Future<Settled> future : futures) {
                settled.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            roles.forEach(AssumedRole::close);
            throw new IllegalStateException("interrupted while reaching the accounts", e);
        } catch (ExecutionException e) {
            roles.forEach(AssumedRole::close);
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<AuditAccount> accounts = settled.stream().map(Settled::account).toList();
        List<Partition> partitions = new ArrayList<>();
        List<AuditError> errors = new ArrayList<>();
        for (Settled account : settled) {
            if (account.error() != null) {
                errors.add(account.error());
            } else {
                partitions.addAll(JobRunner.partitions(account.account(), account.regions()));
            }
        }
        return new AuditScope(accounts, partitions, errors, true, roles);
    }

    /** An account with its regions, or the error that keeps it from being read. */
    private record Settled(AuditAccount account, List<String> regions, AuditError error) {
    }

    private Settled settle(AuditAccount account, AssumedRole role, List<String> regions) {
        if (role != null) {
            try {
                role.resolveCredentials();
            } catch (SdkException e) {
                return new Settled(account, List.of(), error(account, "sts", "AssumeRole", e));
            }
        }
        if (regions != null) {
            return new Settled(account, regions, null);
        }
        try (Ec2Client ec2 = role == null ? factory.build(Ec2Client.builder(), homeRegion)
                : factory.build(Ec2Client.builder(), homeRegion, role)) {
            return new Settled(account, Preflight.enabledRegions(ec2), null);
        } catch (SdkException e) {
            return new Settled(account, List.of(), error(account, "ec2", "DescribeRegions", e));
        }
    }

    private static AuditError error(AuditAccount account, String service, String operation, SdkException e) {
        return new AuditError(account.id(), null, service, operation, AwsErrors.code(e), AwsErrors.message(e));
    }

    /** The organization's accounts, the caller's first, then by id; inactive ones only as notes. */
    private List<AuditAccount> organizationAccounts(Consumer<String> notes) {
        String region = Organization.callRegion(homeRegion);
        List<Organization.Member> members;
        try (OrganizationsClient organizations = factory.build(OrganizationsClient.builder(), region)) {
            members = new Organization(organizations).accounts();
        } catch (SdkException e) {
            throw new AuditException(ExitCode.AWS_FAILURE, "cannot list the organization's accounts (" + region + " "
                    + Organization.SERVICE + " ListAccounts " + AwsErrors.code(e) + "): " + AwsErrors.message(e)
                    + "; --org needs the credentials of the organization's management account or of a delegated "
                    + "administrator (or list the accounts with --accounts)", e);
        }
        List<AuditAccount> accounts = new ArrayList<>();
        members.stream()
                .sorted(Comparator.comparing((Organization.Member m) -> !m.id().equals(caller))
                        .thenComparing(Organization.Member::id))
                .forEach(member -> {
                    AuditAccount account = new AuditAccount(member.id(), member.name(), null);
                    if (member.active()) {
                        accounts.add(account);
                    } else {
                        notes.accept("account " + account.label() + " is " + member.state()
                                + " in the organization: not read (--org reads ACTIVE accounts)");
                    }
                });
        return accounts;
    }
}
