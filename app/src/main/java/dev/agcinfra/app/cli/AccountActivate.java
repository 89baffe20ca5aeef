package dev.agcinfra.app.cli;

import dev.agcinfra.app.account.ActivateFlags;
import dev.agcinfra.app.account.Activation;
import dev.agcinfra.settings.RegionKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code agc-infra account activate}. */
@Command(name = "activate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Check, then deploy AGC's shared infrastructure in a region: agc-data-<region> (the results bucket, when "
                    + "agc-infra creates it) and agc-core-<region>.",
            "Before changing anything it checks that AGC's own core (stack Agc-Core) is not active in the region, your "
                    + "VPC and subnets (private subnets in 3 AZs, routes to the internet or AWS services, recommended "
                    + "endpoints), the AMI (this account's), the bucket (exists or will be created, and whose) and the "
                    + "Elastic IP quota for the NAT gateways, and refuses with the reason.",
            "Rules (AGC's): the VPC is remembered until deactivation; --subnets and --ami reset when omitted; "
                    + "switching public-subnet mode in an active region needs deactivation first; custom tags are kept.",
            "Then it updates the settings file (comments are not kept), creates the state bucket when missing, "
                    + "synthesizes, and runs terraform init and apply (plan with --plan-only)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "2:invalid input, terraform missing or older than 1.10, or a check refused (nothing was changed)",
            "3:an AWS call failed",
            "4:internal error (please report it)",
            "other:Terraform's own exit status when it failed"})
public final class AccountActivate implements Callable<Integer> {

    @ParentCommand
    AccountCommand account;

    @Spec
    CommandSpec spec;

    @Option(names = RegionKey.Flags.BUCKET, paramLabel = "NAME",
            description = "Use this bucket for results: created when it does not exist, used as it is when it exists and no "
                    + "agc-infra state records it. Default: agc-<account>-<region> (AGC's bucket, left by agc account "
                    + "deactivate, is used as it is).")
    String bucket;

    @Option(names = RegionKey.Flags.VPC, paramLabel = "VPC_ID",
            description = "Your own VPC; agc-infra never changes it. Remembered.")
    String vpc;

    @Option(names = RegionKey.Flags.SUBNETS, paramLabel = "SUBNET_ID", split = ",",
            description = "Subnets of --vpc to run in (repeatable, or comma-separated; only with --vpc). "
                    + "Default: every private subnet of the VPC.")
    List<String> subnets = new ArrayList<>();

    @Option(names = RegionKey.Flags.AMI, paramLabel = "AMI_ID",
            description = "A private AMI of this account for the compute. Default: the latest ECS-optimized Amazon Linux 2.")
    String ami;

    @Option(names = RegionKey.Flags.USE_PUBLIC_SUBNETS,
            description = "Public subnets only: no private subnets, NAT gateways or endpoints (cheaper, less isolated). "
                    + "Not with --vpc.")
    boolean usePublicSubnets;

    @Option(names = RegionKey.Flags.TAGS, paramLabel = "KEY=VALUE", split = ",",
            description = "Custom tags for every resource (repeatable, or comma-separated); kept across activations.")
    Map<String, String> tags = new LinkedHashMap<>();

    @Option(names = "--plan-only", description = "Run terraform plan instead of apply; the settings file is not changed.")
    boolean planOnly;

    @Option(names = {"-y", "--yes"}, description = "Apply without Terraform asking for approval (-auto-approve).")
    boolean yes;

    @Override
    public Integer call() {
        ActivateFlags flags = new ActivateFlags(AgcInfraCommand.opt(bucket), AgcInfraCommand.opt(vpc), subnets,
                AgcInfraCommand.opt(ami), usePublicSubnets, tags);
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        return new Activation(account.root.context(account.aws, out, err))
                .run(new Activation.Request(account.aws.region(), flags, planOnly, yes));
    }
}
