package dev.agcinfra.audit.accounts;

import dev.agcinfra.audit.batch.AuditAccount;
import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.batch.JobRunner;
import dev.agcinfra.audit.batch.Partition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a job reads, settled before it starts: the accounts asked for, the regions of each that can be read (its
 * partitions, account by account), and one error per account that cannot be read at all (its role refused, say).
 * Closing it ends the assumed roles' sessions.
 */
public final class AuditScope implements AutoCloseable {

    private final List<AuditAccount> accounts;
    private final List<Partition> partitions;
    private final List<AuditError> accountErrors;
    private final boolean byAccount;
    private final List<AutoCloseable> resources;

    /**
     * @param accounts      every account asked for, in report order, readable or not
     * @param partitions    the regions to read, account by account
     * @param accountErrors one per account none of whose regions can be read
     * @param byAccount     whether accounts were asked for ({@code --accounts}, {@code --org}): reports group by
     *                      account
     * @param resources     closed with this scope (assumed roles)
     */
    public AuditScope(List<AuditAccount> accounts, List<Partition> partitions, List<AuditError> accountErrors,
            boolean byAccount, List<? extends AutoCloseable> resources) {
        this.accounts = List.copyOf(accounts);
        this.partitions = List.copyOf(partitions);
        this.accountErrors = List.copyOf(accountErrors);
        this.byAccount = byAccount;
        this.resources = List.copyOf(resources);
    }

    /** The caller's account and these regions, read with the caller's credentials: the scope without accounts. */
    public static AuditScope caller(String account, List<String> regions) {
        AuditAccount caller = AuditAccount.caller(Objects.requireNonNull(account, "account must be non-null"));
        return new AuditScope(List.of(caller), JobRunner.partitions(caller, regions), List.of(), false, List.of());
    }

    /** Every account asked for, in report order, including those that could not be read. */
    public List<AuditAccount> accounts() {
        return accounts;
    }

    /** The account ids, in report order. */
    public List<String> accountIds() {
        return accounts.stream().map(AuditAccount::id).toList();
    }

    /** The regions to read, account by account. */
    public List<Partition> partitions() {
        return partitions;
    }

    /** The regions of every account, each once, in the order they first come. */
    public List<String> regions() {
        Set<String> regions = new LinkedHashSet<>();
        partitions.forEach(partition -> regions.add(partition.region()));
        return List.copyOf(regions);
    }

    /** The regions read in {@code account}, in order. */
    public List<String> regions(String account) {
        return partitions.stream().filter(p -> p.account().id().equals(account)).map(Partition::region).toList();
    }

    /** One error per account that could not be read at all. */
    public List<AuditError> accountErrors() {
        return accountErrors;
    }

    /** Whether the report is of accounts ({@code --accounts}, {@code --org}): tables group by account. */
    public boolean byAccount() {
        return byAccount;
    }

    /**
     * The account errors and a job's errors together, account by account in report order (an account's own error
     * first, then its regions' in the job's order).
     */
    public List<AuditError> errors(List<AuditError> jobErrors) {
        List<String> order = accountIds();
        List<AuditError> all = new ArrayList<>(accountErrors);
        all.addAll(jobErrors);
        all.sort(Comparator.comparingInt((AuditError error) -> order.indexOf(error.account()))
                .thenComparing(error -> !error.accountWide()));
        return all;
    }

    /** The account's label ({@code id (name)}), or the id when it is not one of the scope's. */
    public String label(String account) {
        return accounts.stream().filter(a -> a.id().equals(account)).findFirst().map(AuditAccount::label)
                .orElse(account);
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // a session that cannot be closed holds nothing the process needs
            }
        }
    }
}
