package dev.agcinfra.app;

import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.cli.ProblemLine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import dev.agcinfra.app.cli.AgcInfraCommand;
import dev.agcinfra.app.cli.CliEnvironment;
import dev.agcinfra.app.lookup.AwsEnvironment;
import dev.agcinfra.app.lookup.ContextCache;
import dev.agcinfra.app.lookup.PrivateSubnetLookup;
import dev.agcinfra.app.uptodate.SynthInputs;
import dev.agcinfra.app.uptodate.SynthStamp;
import dev.agcinfra.app.uptodate.UpToDateCheck;
import dev.agcinfra.modules.contract.AgcInstallation;
import dev.agcinfra.settings.RegionValidation;
import dev.agcinfra.settings.Settings;
import dev.agcinfra.settings.SettingsLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * {@code java -jar agc-infra.jar [synth]}: reads the settings ({@code agc.yaml}, or {@code AGC_CONFIG}), writes
 * {@code cdktf.out} exactly as {@code cdktf synth} would, and prints one summary line per stack.
 * Invalid settings are reported (every problem, one line each) before anything is written.
 *
 * <p>With other arguments, the commands of {@link AgcInfraCommand} ({@code agc-infra account activate|deactivate|status}).
 */
public final class Main {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int status = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * Runs the app in the process's working directory and environment; returns the exit status. No arguments is
     * {@code synth}, straight away (the path {@code cdktf.json} takes, without parsing a command line).
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        if (args.length > 0) {
            return AgcInfraCommand.run(out, err, CliEnvironment.system(), args);
        }
        return synth(out, err, new SettingsLoader(Path.of(""), System.getenv()), AwsEnvironment.fromSystem(),
                OutputFolder.of(Path.of(""), System.getenv()), UpToDateCheck.of(System.getenv(), false));
    }

    /**
     * Synthesizes with everything injected (tests, embedding): as {@link #synth(PrintWriter, PrintWriter,
     * SettingsLoader, AwsEnvironment, OutputFolder, UpToDateCheck)} with the up-to-date check off.
     */
    public static int synth(PrintWriter out, PrintWriter err, SettingsLoader loader, AwsEnvironment aws,
            OutputFolder output) {
        return synth(out, err, loader, aws, output, UpToDateCheck.off());
    }

    /**
     * Synthesizes with everything injected ({@code agc-infra synth}, tests): the settings are read and checked, then
     * the stacks are written into a fresh folder that replaces {@code output} only when it is complete
     * ({@link OutputFolder}). Every problem is one line on {@code err}; nothing is written when there is one.
     *
     * <p>With {@code check} on, a synth whose inputs ({@link SynthInputs}) and output are those its stamp
     * ({@link SynthStamp}) records does not start jsii: it prints the same summary and says the output is up to date.
     *
     * @param output where to write: {@link OutputFolder#of} gives {@code CDKTF_OUTDIR}, else {@code cdktf.out}
     */
    public static int synth(PrintWriter out, PrintWriter err, SettingsLoader loader, AwsEnvironment aws,
            OutputFolder output, UpToDateCheck check) {
        Timings timings = Timings.fromEnvironment(err);
        Path contextFile = ContextCache.besideSettings(loader.settingsFile()).file();
        // Starting jsii (a Node.js process) and loading the AWS provider's type system take most of a synth;
        // they overlap with digesting the inputs and reading and checking the settings, which need no jsii. With a
        // stamp made from the same inputs the output is likely up to date, which is known for sure once the settings
        // are resolved; only then is jsii started, if at all.
        FutureTask<Void> cdktfStart = new FutureTask<>(AgcInfraApp::warmUp, null);
        Thread starter = new Thread(cdktfStart, "cdktf-start");
        starter.setDaemon(true);
        Optional<SynthStamp> stamp = check.readsStamp() ? SynthStamp.read(output.path()) : Optional.empty();
        if (stamp.isEmpty()) {
            starter.start();
        }
        // The inputs are digested before they are read: a file that changes while the synth runs makes the digest
        // taken after it differ, and then nothing is stamped.
        String inputs = check.stamps() ? check.inputs(loader.settingsFile(), contextFile, output.path()) : null;
        boolean likelyUpToDate = stamp.isPresent() && check.maySkip() && stamp.get().madeFrom(inputs);
        if (stamp.isPresent() && !likelyUpToDate) {
            starter.start();
        }
        try {
            Settings settings = loader.load(aws);
            PrivateSubnetLookup lookup = PrivateSubnetLookup.besideSettings(loader.settingsFile(), aws);
            timings.mark("settings");
            if (likelyUpToDate) {
                output.check(); // what a synth would refuse, a skipped one refuses too
                AgcInstallation installation = AgcInstallation.read(settings.agcHome());
                if (stamp.get().upToDate(output.path(), inputs, SynthInputs.resolved(settings, installation))) {
                    List<AgcInfraApp.StackSummary> stacks = AgcInfraApp.plannedStacks(settings);
                    summarize(out, err, stacks, installation, output, settings);
                    err.println("agc-infra: " + ProblemLine.escape(OutputFolder.display(output.path()) + " is up to "
                            + "date: nothing it is synthesized from has changed since the last synth (settings, lookup "
                            + "cache, AGC installation, environment, account, agc-infra itself); synth --force (or "
                            + UpToDateCheck.FORCE_ENV + "=1) synthesizes anyway"));
                    timings.mark("up to date");
                    return ExitCode.OK;
                }
                starter.start();
            }
            join(cdktfStart);
            AgcInfraApp app = output.replace(folder -> {
                App cdktf = AgcInfraApp.newApp(folder);
                timings.mark("jsii, cdktf and the aws provider loaded");
                AgcInfraApp built = new AgcInfraApp(settings, lookup::privateSubnets, cdktf);
                timings.mark("constructs (" + built.stacks().size() + " stacks)");
                built.synth(folder);
                timings.mark("synth written");
                // Stamped only when the inputs are as they were before the settings were read: else they changed
                // while the synth ran (an edit, a checkout, or a lookup this synth cached), and the next synth runs.
                if (check.stamps() && inputs.equals(check.inputs(loader.settingsFile(), contextFile, output.path()))) {
                    SynthStamp.write(folder, inputs, SynthInputs.resolved(settings, built.installation()));
                    timings.mark("stamped");
                }
                return built;
            });
            output.warnings().forEach(w -> ProblemLine.println(err, "agc-infra: warning: " + w));
            summarize(out, err, app.stacks(), app.installation(), output, settings);
            timings.mark("summary");
            return ExitCode.OK;
        } catch (RuntimeException e) {
            return AgcInfraCommand.report(e, err);
        }
    }

    /** One line per stack on {@code out}; notes and the contexts warning on {@code err}. */
    private static void summarize(PrintWriter out, PrintWriter err, List<AgcInfraApp.StackSummary> stacks,
            AgcInstallation installation, OutputFolder output, Settings settings) {
        String contexts = installation.isComplete() ? "ready" : "no-agc-installation";
        for (AgcInfraApp.StackSummary s : stacks) {
            ProblemLine.println(out, summaryLine(s, output.path())
                    + (s.stack().startsWith("agc-core-") ? " contexts=" + contexts : ""));
        }
        settings.regions().stream().map(r -> RegionValidation.whySkipped(r.region())).flatMap(Optional::stream)
                .forEach(why -> ProblemLine.println(err, "agc-infra: note: " + why));
        AgcInfraApp.contextsCannotRun(installation).ifPresent(w -> ProblemLine.println(err, "agc-infra: warning: " + w));
    }

    private static void join(FutureTask<Void> start) {
        try {
            start.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting CDKTF", e);
        } catch (ExecutionException e) {
            NodeJsUnavailable.of(e.getCause(), System.getenv()).ifPresent(n -> {
                throw n;
            });
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * {@code agc-core-us-east-1  region=us-east-1  vpc=new-private  bucket=agc-...  resources=61}, with
     * {@code region-validation=skipped} in a region whose stacks skip the tools' region check ({@link RegionValidation});
     * the caller adds {@code contexts=ready} (or {@code no-agc-installation}) to core stacks.
     */
    static String summaryLine(AgcInfraApp.StackSummary s, Path outdir) {
        int resources = countResources(outdir.resolve("stacks").resolve(s.stack()).resolve("cdk.tf.json"));
        return String.format("%-28s region=%-15s vpc=%-12s bucket=%s%s resources=%d%s",
                s.stack(), s.region().region(), s.region().vpcMode().label(), s.region().bucket(),
                s.region().createBucket() ? "" : " (existing)", resources,
                RegionValidation.skipped(s.region().region()) ? " region-validation=skipped" : "");
    }

    static int countResources(Path stackJson) {
        try {
            JsonNode resources = JSON.readTree(stackJson.toFile()).path("resource");
            int count = 0;
            for (Iterator<JsonNode> types = resources.elements(); types.hasNext(); ) {
                count += types.next().size();
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stackJson, e);
        }
    }
}
