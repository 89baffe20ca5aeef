package dev.agcinfra.audit.accounts;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which accounts a job reads, as the options say (checked before any AWS call): the caller's own (neither option),
 * the accounts listed ({@code --accounts}), or every active account of the caller's organization ({@code --org});
 * with the role assumed in each account other than the caller's.
 *
 * @param mode     which of the three
 * @param accounts the accounts of {@code --accounts}, in order, each once; empty otherwise
 * @param role     the role assumed in every account other than the caller's
 */
public record AccountSelection(Mode mode, List<String> accounts, Role role) {

    /** What the options asked for. */
    public enum Mode {
        /** Neither option: the caller's account, with its own credentials, as before accounts were an option. */
        CALLER,
        /** {@code --accounts}: these accounts. */
        LIST,
        /** {@code --org}: every ACTIVE account of the organization (Organizations ListAccounts). */
        ORGANIZATION
    }

    /** An account id: 12 digits. */
    public static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    /** The caller's account only. */
    public static final AccountSelection CALLER = new AccountSelection(Mode.CALLER, List.of(), Role.DEFAULT);

    public AccountSelection {
        Objects.requireNonNull(mode, "mode must be non-null");
        accounts = List.copyOf(accounts.stream().distinct().toList());
        Objects.requireNonNull(role, "role must be non-null");
    }

    /** Whether the report is of accounts ({@code --accounts} or {@code --org}): tables group by account. */
    public boolean byAccount() {
        return mode != Mode.CALLER;
    }

    /**
     * The role assumed in an account other than the caller's.
     *
     * @param name       the role's name, with its path if it has one ({@code audit/AgcAudit}); default
     *                   {@value #DEFAULT_NAME}, the role Organizations creates in the accounts it creates
     * @param externalId what the role's trust policy requires as {@code sts:ExternalId}, or {@code null}
     */
    public record Role(String name, String externalId) {

        /** The role AWS Organizations creates in every account it creates, trusting the management account. */
        public static final String DEFAULT_NAME = "OrganizationAccountAccessRole";
        /** The session name, which the account's CloudTrail shows for every call agc-audit makes there. */
        public static final String SESSION_NAME = "agc-audit";
        /** The default role without an external id. */
        public static final Role DEFAULT = new Role(DEFAULT_NAME, null);

        /** IAM's rule for role names (1 to 64 of {@code A-Za-z0-9+=,.@_-}), with an optional path before the name. */
        public static final Pattern NAME = Pattern.compile("([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}");
        /** IAM's rule for external ids: 2 to 1,224 of {@code A-Za-z0-9+=,.@:/_-}, no white space. */
        public static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

        public Role {
            Objects.requireNonNull(name, "name must be non-null");
        }

        /** The role's ARN in {@code account}: {@code arn:aws:iam::111111111111:role/OrganizationAccountAccessRole}. */
        public String arn(String awsPartition, String account) {
            return "arn:" + awsPartition + ":iam::" + account + ":role/" + name;
        }
    }
}
