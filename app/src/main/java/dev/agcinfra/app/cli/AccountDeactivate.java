package dev.agcinfra.app.cli;

import dev.agcinfra.app.account.Deactivation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code agc-infra account deactivate}. */
@Command(name = "deactivate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Destroy agc-core-<region> (network, endpoints, table, SSM parameters) with terraform destroy.",
            "Refuses while AGC contexts are deployed (resources tagged agc-context, or CloudFormation stacks "
                    + "Agc-Context-* tagged application-name=agc), naming them; --force deletes those stacks first.",
            "Keeps agc-data-<region> (the results bucket and its objects), the state bucket, CloudWatch logs, and any "
                    + "VPC or bucket you brought; forgets the remembered VPC in the settings file (comments are not kept)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "2:invalid input, terraform missing or older than 1.10, or contexts are deployed (nothing was changed)",
            "3:an AWS call failed",
            "4:internal error (please report it)",
            "other:Terraform's own exit status when it failed"})
public final class AccountDeactivate implements Callable<Integer> {

    @ParentCommand
    AccountCommand account;

    @Spec
    CommandSpec spec;

    @Option(names = "--force", description = "Delete AGC's context stacks first (interrupts running workflows), and wait.")
    boolean force;

    @Option(names = {"-y", "--yes"}, description = "Destroy without Terraform asking for approval (-auto-approve).")
    boolean yes;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        return new Deactivation(account.root.context(account.aws, out, err))
                .run(new Deactivation.Request(account.aws.region(), force, yes));
    }
}
