package dev.agcinfra.app.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agcinfra.app.AgcInfraApp;
import dev.agcinfra.app.OutputFolder;
import dev.agcinfra.app.SubnetResolver;
import dev.agcinfra.app.lookup.PrivateSubnetLookup;
import dev.agcinfra.app.stacks.RegionStack;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.cli.ProblemLine;
import dev.agcinfra.modules.contract.AgcInstallation;
import dev.agcinfra.settings.RegionKey;
import dev.agcinfra.settings.RegionSettings;
import dev.agcinfra.settings.RegionValidation;
import dev.agcinfra.settings.Settings;
import dev.agcinfra.settings.SettingsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code agc-infra account activate}: checks, then changes. Nothing changes (settings file, state bucket, AWS) until
 * every check has passed: the terraform version, the flags, the settings file as it will be, and the AWS preflight.
 */
public final class Activation {

    /** The command's inputs. */
    public record Request(Optional<String> region, ActivateFlags flags, boolean planOnly, boolean yes) {
    }

    private final AccountContext ctx;

    public Activation(AccountContext ctx) {
        this.ctx = ctx;
    }

    /** Stands in for the region while checking flags whose rules are the same in every region. */
    private static final String FLAG_CHECK_REGION = "us-east-1";

    /** Runs the activation; returns the exit status ({@link ExitCode}, or terraform's own when it fails). */
    public int run(Request request) {
        var out = ctx.out();
        String tfVersion = ctx.terraform().requireVersion();

        // The flags first (AGC's order): their rules do not depend on which region they are for, so a bad flag is
        // reported even before the region is known.
        List<String> flagProblems = request.flags().problems(request.region().orElse(FLAG_CHECK_REGION));
        if (!flagProblems.isEmpty()) {
            throw new AccountException(ExitCode.INVALID_INPUT, flagProblems);
        }
        ctx.output().check(); // where the synth will write, before anything changes
        String region = Regions.region(ctx.aws(), request.region());
        String account = Regions.account(ctx.aws(), region);
        ProblemLine.println(out, "agc-infra: account " + account + ", region " + region + ", terraform " + tfVersion);

        SettingsFile file = new SettingsFile(ctx.settingsFile());
        Settings before = loadAsItIs(file, region, account);
        try (AccountAws aws = new AccountAws(ctx.aws(), region)) {
            Preflight preflight = new Preflight(aws, account);
            preflight.refuseBesideAgcCore();
            boolean active = Regions.isActive(aws);
            TerraformStates states = new TerraformStates(aws.s3(), region, before.stateBucket(region));
            ObjectNode document = file.read();

            Optional<RegionSettings> current = before.regions().stream().filter(r -> r.region().equals(region)).findFirst();
            ActivateFlags flags = request.flags();
            Optional<Boolean> createBucket = Optional.empty();
            if (flags.bucket().isPresent()) {
                String named = flags.bucket().get();
                createBucket = Optional.of(agcInfraCreates(preflight.bucket(named), states));
                current.filter(r -> r.createBucket() && !r.bucket().equals(named) && states.managesBucket(r.bucket()))
                        .ifPresent(r -> ProblemLine.println(out, "agc-infra: " + RegionStack.dataStackName(region) + " and its bucket "
                                + r.bucket() + " will no longer be deployed by activate, and are not destroyed either: "
                                + "the bucket and its state stay"));
            } else if (!SettingsUpdate.namesBucket(document, region)) {
                String defaultBucket = RegionSettings.defaultBucket(account, region);
                Preflight.BucketStatus status = preflight.bucket(defaultBucket);
                if (status.exists() && status.inThisAccount() && !states.managesBucket(defaultBucket)) {
                    // AGC's rule for a bucket that exists: use it as it is (AGC keeps it on deactivation).
                    flags = flags.withBucket(defaultBucket);
                    createBucket = Optional.of(false);
                    ProblemLine.println(out, "agc-infra: bucket " + defaultBucket + " already exists in account " + account
                            + " and no agc-infra state records it (AGC keeps its bucket when it deactivates): it is used "
                            + "as it is, as AGC does, and no agc-infra state will ever hold it; the settings file records "
                            + "it as bucket: " + defaultBucket + ", createBucket: false"
                            + (request.planOnly() ? " (not written with --plan-only)" : ""));
                }
            }
            SettingsUpdate.Result updated = SettingsUpdate.activate(document, region, flags, active, createBucket);
            updated.notes().forEach(n -> ProblemLine.println(out, "agc-infra: " + n));

            SettingsFile.Candidate candidate = checked(file, updated.document(), region, account, request.flags());
            try {
                return applyChecked(aws, preflight, states, file, candidate, region, active, request);
            } finally {
                candidate.discard(); // after commit() there is nothing left to discard
            }
        }
    }

    /**
     * Whether {@code agc-data} creates (or keeps managing) a bucket in this state: when it does not exist, or when an
     * agc-infra state manages it. A bucket of this account that no state records is used as it is; one of another
     * account is refused by the preflight.
     */
    private static boolean agcInfraCreates(Preflight.BucketStatus bucket, TerraformStates states) {
        if (!bucket.exists()) {
            return true;
        }
        return bucket.inThisAccount() && states.managesBucket(bucket.name());
    }

    private int applyChecked(AccountAws aws, Preflight preflight, TerraformStates states, SettingsFile file,
                             SettingsFile.Candidate candidate, String region, boolean active, Request request) {
        var out = ctx.out();
        Settings settings = candidate.settings();
        RegionSettings target = settings.regions().stream().filter(r -> r.region().equals(region)).findFirst()
                .orElseThrow();
        String stateBucket = settings.stateBucket(region);

        PreflightReport report = preflight.check(target, active, states);
        report.notes().forEach(n -> ProblemLine.println(out, "agc-infra: " + n));
        RegionValidation.whySkipped(region).ifPresent(n -> ProblemLine.println(out, "agc-infra: note: " + n));
        report.warnings().forEach(w -> ProblemLine.println(ctx.err(), "agc-infra: warning: " + w));
        AgcInfraApp.contextsCannotRun(AgcInstallation.read(settings.agcHome()))
                .ifPresent(w -> ProblemLine.println(ctx.err(), "agc-infra: warning: " + w));
        if (!AgcCore.hasCdkBootstrap(aws)) {
            ProblemLine.println(ctx.err(), "agc-infra: warning: " + AgcCore.noCdkBootstrap());
        }
        if (report.refused()) {
            throw new AccountException(ExitCode.INVALID_INPUT,
                    report.refusals().stream().map(r -> "refused: " + r).toList());
        }

        Path settingsForSynth = candidate.path();
        if (!request.planOnly()) {
            candidate.commit();
            settingsForSynth = file.path();
            ProblemLine.println(out, "agc-infra: updated " + file.path().getFileName() + " (comments are not kept)");
        }
        boolean tls = ctx.aws().endpoint("S3").map(u -> "https".equals(u.getScheme())).orElse(true);
        if (!tls) {
            ProblemLine.println(ctx.err(), "agc-infra: warning: the S3 endpoint " + ctx.aws().endpoint("S3").get() + " has no TLS, so "
                    + "the state bucket gets no TLS-only policy (it would deny every request through this endpoint)");
        }
        for (String change : new StateBucket(aws.s3(), region, tls).ensure(stateBucket)) {
            ProblemLine.println(out, "agc-infra: state bucket " + stateBucket + ": " + change);
        }
        OutputFolder output = ctx.output();
        PrivateSubnetLookup lookup = PrivateSubnetLookup.besideSettings(settingsForSynth, ctx.aws());
        SubnetResolver subnets = lookup::privateSubnets;
        ctx.synthesizer().replace(output, settings, subnets);
        output.warnings().forEach(w -> ProblemLine.println(ctx.err(), "agc-infra: warning: " + w));
        ProblemLine.println(out, "agc-infra: synthesized " + output.path());
        return deploy(output, target, request);
    }

    /**
     * Runs terraform in the region's stacks, data first: only in those that these settings produce
     * ({@link AgcInfraApp#stackNames}) and that the manifest just written lists.
     */
    private int deploy(OutputFolder output, RegionSettings region, Request request) {
        Terraform tf = ctx.terraform();
        Terraform.Options options = ctx.terraformOptions(region.region(), request.yes());
        List<String> produced = AgcInfraApp.stackNames(region);
        if (!produced.contains(RegionStack.dataStackName(region.region()))) {
            ProblemLine.println(ctx.out(), "agc-infra: no " + RegionStack.dataStackName(region.region()) + " (the bucket is yours): skipped");
        }
        Set<String> listed = output.stacks();
        for (String stack : produced) {
            if (!listed.contains(stack)) {
                throw new AccountException(ExitCode.INTERNAL_ERROR, "the synthesis did not list " + stack + " in "
                        + output.path().resolve(OutputFolder.MANIFEST) + " (please report it)");
            }
            Path dir = output.stackDir(stack);
            int status = tf.init(dir, options);
            if (status == 0) {
                status = request.planOnly() ? tf.plan(dir, options) : tf.apply(dir, options);
            }
            if (status != 0) {
                ProblemLine.println(ctx.err(), "agc-infra: terraform failed in " + stack + " with status " + status);
                return status;
            }
        }
        ProblemLine.println(ctx.out(), "agc-infra: " + (request.planOnly() ? "planned" : "activated") + " " + region.region());
        return ExitCode.OK;
    }

    /** The settings file as it is now, checked (its own problems are reported with their real positions). */
    private static Settings loadAsItIs(SettingsFile file, String region, String account) {
        try {
            return file.load(Regions.resolved(region, account));
        } catch (SettingsException e) {
            throw new AccountException(ExitCode.INVALID_INPUT, e.problems());
        }
    }

    /**
     * The settings file as activate would write it, checked. A problem is in the file's words (the rule is the file's);
     * where it quotes a key of this region that a flag the user typed set, it names the flag too.
     */
    private static SettingsFile.Candidate checked(SettingsFile file, ObjectNode document, String region, String account,
            ActivateFlags flags) {
        SettingsFile.Candidate candidate;
        try {
            candidate = file.check(document, Regions.resolved(region, account));
        } catch (SettingsException e) {
            List<RegionKey> given = new ArrayList<>();
            flags.asRegionEntry().fieldNames().forEachRemaining(k -> RegionKey.of(k).ifPresent(given::add));
            throw new AccountException(ExitCode.INVALID_INPUT, e.problems().stream().map(p -> {
                boolean ofThisRegion = p.contains("regions." + region + ".");
                String fromFlags = given.stream().filter(k -> ofThisRegion && p.contains(k.key() + ":"))
                        .map(k -> k.key() + " comes from " + k.activateFlag().orElseThrow())
                        .collect(Collectors.joining(", "));
                return p + " (in the settings file as activate would write it" + (fromFlags.isEmpty() ? "" : "; "
                        + fromFlags) + ")";
            }).toList());
        }
        if (!candidate.settings().account().equals(account)) {
            candidate.discard();
            throw new AccountException(ExitCode.INVALID_INPUT, "account: the settings file says "
                    + candidate.settings().account() + " but the AWS credentials are for " + account
                    + "; use credentials for that account (--profile), or correct account: in the settings file");
        }
        return candidate;
    }
}
