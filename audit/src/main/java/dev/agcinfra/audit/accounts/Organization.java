package dev.agcinfra.audit.accounts;

import dev.agcinfra.audit.batch.JobRunner;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;

/**
 * The caller's organization, read with AWS Organizations (a global service, called in {@link #callRegion}): its
 * accounts, and its management account.
 */
public final class Organization {

    /** The service name in errors. */
    public static final String SERVICE = "organizations";

    /**
     * One account of the organization.
     *
     * @param id    12 digits
     * @param name  its name
     * @param state {@code ACTIVE}, {@code SUSPENDED}, {@code PENDING_CLOSURE}, ... ({@code State}, or the older
     *              {@code Status} where {@code State} is absent)
     */
    public record Member(String id, String name, String state) {

        /** Whether the account is active: only active accounts are read with {@code --org}. */
        public boolean active() {
            return "ACTIVE".equals(state);
        }
    }

    private final OrganizationsClient organizations;

    public Organization(OrganizationsClient organizations) {
        this.organizations = organizations;
    }

    /** Where Organizations answers for the partition of {@code firstRegion}. */
    public static String callRegion(String firstRegion) {
        return switch (JobRunner.awsPartition(firstRegion)) {
            case "aws-cn" -> "cn-northwest-1";
            case "aws-us-gov" -> "us-gov-west-1";
            default -> "us-east-1";
        };
    }

    /**
     * Every account of the organization, every page of ListAccounts (callable from the management account or a
     * delegated administrator), in the order the API gives them.
     */
    public List<Member> accounts() {
        return organizations.listAccountsPaginator(r -> { }).stream().flatMap(page -> page.accounts().stream())
                .map(Organization::member).toList();
    }

    /**
     * The organization's management account (DescribeOrganization, callable from any account of the organization),
     * or empty when the caller's account belongs to none.
     */
    public Optional<String> managementAccount() {
        try {
            return Optional.ofNullable(organizations.describeOrganization(r -> { }).organization().masterAccountId());
        } catch (AwsOrganizationsNotInUseException notInAnOrganization) {
            return Optional.empty();
        }
    }

    /**
     * The account as ListAccounts gives it: its {@code State} first, since the API reference of ListAccounts
     * announces that {@code Status} is retired in September 2026 in favour of {@code State}; {@code Status} where an
     * older endpoint gives no {@code State}.
     */
    static Member member(Account account) {
        String state = account.state() != null && account.state() != AccountState.UNKNOWN_TO_SDK_VERSION
                ? account.stateAsString()
                : account.status() != null && account.status() != AccountStatus.UNKNOWN_TO_SDK_VERSION
                        ? account.statusAsString() : account.stateAsString();
        return new Member(account.id(), account.name(), state);
    }
}
