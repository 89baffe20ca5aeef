package dev.agcinfra.app.account;

import dev.agcinfra.cli.ProblemLine;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agcinfra.app.OutputFolder;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.app.lookup.PrivateSubnetLookup;
import dev.agcinfra.settings.Settings;
import dev.agcinfra.settings.SettingsException;
import dev.agcinfra.app.stacks.RegionStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code agc-infra account deactivate}: refuses while contexts exist (unless {@code --force}, which deletes AGC's
 * context stacks first), then destroys {@code agc-core-<region>} only, forgets the remembered VPC, and reports what
 * was kept. Never touches {@code agc-data-<region>}, the state bucket, logs, or what the user brought.
 */
public final class Deactivation {

    /** The command's inputs. */
    public record Request(Optional<String> region, boolean force, boolean yes) {
    }

    private final AccountContext ctx;
    private final java.util.function.Function<Settings, RetainedReporter> retained;

    /** Ends with the audit's retained report ({@link AuditRetainedReporter}). */
    public Deactivation(AccountContext ctx) {
        this(ctx, AuditRetainedReporter::new);
    }

    /** @param retained the report printed at the end, given the settings as they were before */
    public Deactivation(AccountContext ctx, java.util.function.Function<Settings, RetainedReporter> retained) {
        this.ctx = ctx;
        this.retained = retained;
    }

    public int run(Request request) {
        var out = ctx.out();
        ctx.terraform().requireVersion();
        String region = Regions.region(ctx.aws(), request.region());
        String account = Regions.account(ctx.aws(), region);
        SettingsFile file = new SettingsFile(ctx.settingsFile());
        Settings settings;
        try {
            settings = file.load(Regions.resolved(region, account));
        } catch (SettingsException e) {
            throw new AccountException(ExitCode.INVALID_INPUT, e.problems());
        }

        try (AccountAws aws = new AccountAws(ctx.aws(), region)) {
            // Refusals first: --force must not delete context stacks of a region there is no agc-core to destroy in.
            // Terraform runs only in a stack these settings produce and the manifest just written lists.
            String core = RegionStack.coreStackName(region);
            if (settings.regions().stream().noneMatch(r -> r.region().equals(region))) {
                throw new AccountException(ExitCode.INVALID_INPUT, region + " is not in the settings file, so there is "
                        + "no " + core + " to destroy; add it under regions: as it was activated, or give --region");
            }
            OutputFolder output = ctx.output();
            ctx.synthesizer().replace(output, settings,
                    PrivateSubnetLookup.besideSettings(file.path(), ctx.aws())::privateSubnets);
            output.warnings().forEach(w -> ProblemLine.println(ctx.err(), "agc-infra: warning: " + w));
            if (!output.stacks().contains(core)) {
                throw new AccountException(ExitCode.INTERNAL_ERROR, "the synthesis did not list " + core + " in "
                        + output.path().resolve(OutputFolder.MANIFEST) + " (please report it)");
            }
            Path dir = output.stackDir(core);

            Contexts contexts = new Contexts(aws, ctx.pollInterval(), Duration.ofMinutes(60));
            Contexts.Found found = contexts.find();
            if (!found.isEmpty() && !request.force()) {
                throw new AccountException(ExitCode.INVALID_INPUT, region + " has contexts deployed (" + found.describe()
                        + "); destroy them first (agc context destroy), or deactivate with --force to delete the "
                        + "context stacks (interrupting running workflows)");
            }
            if (!found.stacks().isEmpty()) {
                contexts.deleteStacks(out);
                found = contexts.find();
            }
            if (!found.isEmpty()) {
                throw new AccountException(ExitCode.INVALID_INPUT, region + " still has " + found.describe()
                        + ", outside AGC's context stacks; delete them yourself, then deactivate again");
            }

            Terraform.Options options = ctx.terraformOptions(region, request.yes());
            int status = ctx.terraform().init(dir, options);
            if (status == 0) {
                status = ctx.terraform().destroy(dir, options);
            }
            if (status != 0) {
                ProblemLine.println(ctx.err(), "agc-infra: terraform failed in " + core + " with status " + status);
                return status;
            }

            ObjectNode document = file.read();
            Optional<String> forgotten = SettingsUpdate.deactivate(document, region);
            if (forgotten.isPresent()) {
                SettingsFile.Candidate candidate = file.check(document, Regions.resolved(region, account));
                candidate.commit();
                ProblemLine.println(out, "agc-infra: forgot the VPC " + forgotten.get() + " in " + file.path().getFileName()
                        + " (comments are not kept)");
            }
            ProblemLine.println(out, "agc-infra: deactivated " + region);
            boolean dataStack = settings.regions().stream().anyMatch(r -> r.region().equals(region) && r.createBucket());
            ProblemLine.println(out, "agc-infra: kept in " + region + ": " + (dataStack ? RegionStack.dataStackName(region)
                    + " (the results bucket and its objects), " : "") + "the Terraform state bucket, CloudWatch logs, "
                    + "and any VPC or bucket you brought; removed with " + core + ": the copies of AGC's artifacts and "
                    + "WES adapter it uploaded under artifacts/, and the export WesAdapterZipBucket");
            retained.apply(settings).report(aws, account, region, out);
            return ExitCode.OK;
        }
    }
}
