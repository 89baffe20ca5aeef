package dev.agcinfra.audit.cli;

import dev.agcinfra.audit.accounts.AccountSelection;
import dev.agcinfra.audit.accounts.AccountSelection.Mode;
import dev.agcinfra.audit.accounts.AccountSelection.Role;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Which accounts to read: {@code --accounts} or {@code --org} (not both), and the role assumed in each; neither
 * reads the caller's account alone, with its own credentials.
 */
public final class AccountOptions {

    /** {@code --accounts} or {@code --org}, not both. */
    static final class Choice {
        @Option(names = "--accounts", paramLabel = "ID[,ID...]", split = ",", required = true,
                description = "Read these accounts (12-digit ids, comma-separated or repeated), each through the role "
                        + "--role-name assumed in it; the caller's own account with its own credentials.")
        List<String> accounts = new ArrayList<>();

        @Option(names = "--org", required = true,
                description = "Read every ACTIVE account of the caller's organization (Organizations ListAccounts: "
                        + "the credentials of the management account or a delegated administrator), each other "
                        + "than the caller's through the role --role-name.")
        boolean org;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    @Option(names = "--role-name", paramLabel = "NAME", defaultValue = Role.DEFAULT_NAME,
            description = "The role assumed in each account other than the caller's, with --accounts or --org "
                    + "(default: ${DEFAULT-VALUE}, the role Organizations creates in the accounts it creates).")
    String roleName = Role.DEFAULT_NAME;

    @Option(names = "--external-id", paramLabel = "ID",
            description = "The external id the role's trust policy requires (sts:ExternalId), with --accounts or --org.")
    String externalId;

    /** The selection these options describe, after checking them (exit 2 with one line naming the option). */
    AccountSelection selection(CommandLine commandLine) {
        boolean role = commandLine.getParseResult().hasMatchedOption("--role-name");
        boolean external = commandLine.getParseResult().hasMatchedOption("--external-id");
        if (choice == null) {
            if (role || external) {
                throw new ParameterException(commandLine, (role ? "--role-name" : "--external-id") + " is for "
                        + "reading other accounts: add --accounts ID[,ID...] or --org (without them the caller's own "
                        + "account is read with its own credentials)");
            }
            return AccountSelection.CALLER;
        }
        if (!Role.NAME.matcher(roleName).matches()) {
            throw new ParameterException(commandLine, "--role-name '" + roleName + "' is not an IAM role name "
                    + "(1 to 64 of A-Z a-z 0-9 + = , . @ _ -, after an optional path such as audit/): give the role's "
                    + "name, e.g. --role-name " + Role.DEFAULT_NAME);
        }
        if (externalId != null && !Role.EXTERNAL_ID.matcher(externalId).matches()) {
            throw new ParameterException(commandLine, "--external-id must be 2 to 1,224 of A-Z a-z 0-9 + = , . @ : "
                    + "/ _ - without spaces, as IAM requires; give the value the role's trust policy names");
        }
        Role assumed = new Role(roleName, externalId);
        if (choice.org) {
            return new AccountSelection(Mode.ORGANIZATION, List.of(), assumed);
        }
        List<String> ids = new ArrayList<>();
        for (String value : choice.accounts) {
            String id = value.strip();
            if (!AccountSelection.ACCOUNT_ID.matcher(id).matches()) {
                throw new ParameterException(commandLine, "--accounts: '" + value + "' is not an account id (12 "
                        + "digits); write e.g. --accounts 111111111111,222222222222");
            }
            ids.add(id);
        }
        return new AccountSelection(Mode.LIST, ids, assumed);
    }
}
