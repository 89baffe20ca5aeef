package dev.agcinfra.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code agc-infra account}: AGC's account commands and rules, driving Terraform. */
@Command(name = "account", mixinStandardHelpOptions = true,
        subcommands = {AccountActivate.class, AccountDeactivate.class, AccountStatus.class},
        description = {
            "Activate, deactivate and inspect AGC's shared infrastructure in a region, as Amazon Genomics CLI's "
                    + "'agc account' does, with Terraform.",
            "activate and deactivate update the region's entry in the settings file; the file is rewritten, so its "
                    + "comments are lost."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "2:invalid input, a check refused, or the output folder cannot be written (nothing was changed)",
            "3:an AWS call failed",
            "4:internal error (please report it)",
            "other:Terraform's own exit status when it failed"})
public final class AccountCommand {

    @ParentCommand
    AgcInfraCommand root;

    /** The options every account command takes, inherited by each. */
    @Mixin
    AwsOptions aws;
}
