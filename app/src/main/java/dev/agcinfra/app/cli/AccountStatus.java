package dev.agcinfra.app.cli;

import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.app.account.AccountAws;
import dev.agcinfra.settings.AwsNames;
import dev.agcinfra.settings.SettingsException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code agc-infra account status}. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Whether the region is active, whose core it is (AGC's own stack Agc-Core, or agc-infra's), its VPC "
                + "mode, VPC, bucket, AMI and subnets, read from the SSM parameters under /agc/_common/ (what AGC's "
                + "contexts use), and whether AGC's contexts can run on it (the WES adapter, its export, the batch "
                + "artifacts, AGC's CDK bootstrap).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (active or not)", "2:invalid input", "3:an AWS call failed", "4:internal error"})
public final class AccountStatus implements Callable<Integer> {

    @ParentCommand
    AccountCommand account;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var env = account.aws.aws(account.root.cli);
        String region;
        try {
            region = account.aws.region().orElseGet(env::defaultRegion);
        } catch (SettingsException e) {
            throw new dev.agcinfra.app.account.AccountException(ExitCode.INVALID_INPUT,
                    "no region: give --region, or set AWS_REGION (or a region in your AWS profile)");
        }
        AwsNames.regionProblem(region).ifPresent(p -> {
            throw new dev.agcinfra.app.account.AccountException(ExitCode.INVALID_INPUT, "--region: " + p);
        });
        try (AccountAws clients = new AccountAws(env, region)) {
            dev.agcinfra.app.account.CoreStatus.read(clients).lines().forEach(spec.commandLine().getOut()::println);
        }
        return ExitCode.OK;
    }
}
