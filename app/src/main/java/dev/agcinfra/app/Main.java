package dev.agcinfra.app;

import dev.agcinfra.cli.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import dev.agcinfra.app.cli.AgcInfraCommand;
import dev.agcinfra.app.cli.CliEnvironment;
import dev.agcinfra.app.lookup.AwsEnvironment;
import dev.agcinfra.app.lookup.PrivateSubnetLookup;
import dev.agcinfra.settings.RegionValidation;
import dev.agcinfra.settings.Settings;
import dev.agcinfra.settings.SettingsLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
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
                OutputFolder.of(Path.of(""), System.getenv()));
    }

    /**
     * Synthesizes with everything injected (tests, embedding, {@code agc-infra synth}): the settings are read and
     * checked, then the stacks are written into a fresh folder that replaces {@code output} only when it is complete
     * ({@link OutputFolder}). Every problem is one line on {@code err}; nothing is written when there is one.
     *
     * @param output where to write: {@link OutputFolder#of} gives {@code CDKTF_OUTDIR}, else {@code cdktf.out}
     */
    public static int synth(PrintWriter out, PrintWriter err, SettingsLoader loader, AwsEnvironment aws,
            OutputFolder output) {
        Timings timings = Timings.fromEnvironment(err);
        // Starting jsii (a Node.js process) and loading the AWS provider's type system take most of a synth;
        // they overlap with reading and checking the settings, which needs no jsii.
        FutureTask<Void> cdktfStart = new FutureTask<>(AgcInfraApp::warmUp, null);
        Thread starter = new Thread(cdktfStart, "cdktf-start");
        starter.setDaemon(true);
        starter.start();
        try {
            Settings settings = loader.load(aws);
            PrivateSubnetLookup lookup = PrivateSubnetLookup.besideSettings(loader.settingsFile(), aws);
            timings.mark("settings");
            join(cdktfStart);
            AgcInfraApp app = output.replace(folder -> {
                App cdktf = AgcInfraApp.newApp(folder);
                timings.mark("jsii, cdktf and the aws provider loaded");
                AgcInfraApp built = new AgcInfraApp(settings, lookup::privateSubnets, cdktf);
                timings.mark("constructs (" + built.stacks().size() + " stacks)");
                built.synth(folder);
                timings.mark("synth written");
                return built;
            });
            output.warnings().forEach(w -> err.println("agc-infra: warning: " + w));
            String contexts = app.installation().isComplete() ? "ready" : "no-agc-installation";
            for (AgcInfraApp.StackSummary s : app.stacks()) {
                out.println(summaryLine(s, output.path()) + (s.stack().startsWith("agc-core-") ? " contexts=" + contexts : ""));
            }
            settings.regions().stream().map(r -> RegionValidation.whySkipped(r.region())).flatMap(Optional::stream)
                    .forEach(why -> err.println("agc-infra: note: " + why));
            AgcInfraApp.contextsCannotRun(app.installation()).ifPresent(w -> err.println("agc-infra: warning: " + w));
            timings.mark("summary");
            return ExitCode.OK;
        } catch (RuntimeException e) {
            return AgcInfraCommand.report(e, err);
        }
    }

    private static void join(FutureTask<Void> start) {
        try {
            start.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting CDKTF", e);
        } catch (ExecutionException e) {
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
            JsonNode resources = new ObjectMapper().readTree(stackJson.toFile()).path("resource");
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
