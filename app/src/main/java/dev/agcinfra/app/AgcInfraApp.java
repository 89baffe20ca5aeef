package dev.agcinfra.app;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.ISynthesisSession;
import com.hashicorp.cdktf.Manifest;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import dev.agcinfra.settings.RegionSettings;
import dev.agcinfra.settings.Settings;
import dev.agcinfra.settings.VpcMode;
import dev.agcinfra.settings.AvailabilityZones;
import dev.agcinfra.app.stacks.CoreStack;
import dev.agcinfra.app.stacks.DataStack;
import dev.agcinfra.app.stacks.RegionStack;
import dev.agcinfra.modules.contract.AgcInstallation;
import dev.agcinfra.modules.naming.TerraformLiteral;
import dev.agcinfra.settings.SettingsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Wires validated settings into stacks: per region, {@code agc-data-<region>} when agc-infra creates the bucket, and
 * {@code agc-core-<region>}, which depends on it.
 */
public final class AgcInfraApp {

    /** One synthesized stack, for the summary. */
    public record StackSummary(String stack, RegionSettings region) {
    }

    private final App app;
    private final AgcInstallation installation;
    private final List<StackSummary> stacks = new ArrayList<>();
    private final List<TerraformStack> stackConstructs = new ArrayList<>();

    /**
     * A CDKTF app as agc-infra configures it: no construct stack traces in the output (they are slow to record and
     * noise in the JSON). {@link #synth(Path)} writes it.
     *
     * @param folder the folder {@link #synth(Path)} will write (CDKTF creates it, and its {@code stacks}, at once
     *               unless {@code CDKTF_OUTDIR} names another)
     */
    public static App newApp(Path folder) {
        return new App(AppConfig.builder().stackTraces(false).outdir(folder.toString()).build());
    }

    /**
     * Starts jsii (a Node.js process) and loads the jsii modules of cdktf and the AWS provider, whose type system is
     * large (about 2 s), without creating an app or writing anything, so a caller can do it in the background.
     */
    public static void warmUp() {
        if (AwsProvider.TF_RESOURCE_TYPE.isEmpty()) {
            throw new IllegalStateException("the AWS provider's jsii module did not load");
        }
    }

    /** Adds every region's stacks to {@code app}; the AGC installation is read from {@code settings.agcHome()}. */
    public AgcInfraApp(Settings settings, SubnetResolver subnets, App app) {
        this.app = app;
        this.installation = writable(AgcInstallation.read(settings.agcHome()));
        for (RegionSettings region : settings.regions()) {
            DataStack data = null;
            if (DataStack.isNeeded(region)) {
                data = new DataStack(app, settings, region);
                stacks.add(new StackSummary(data.getNode().getId(), region));
                stackConstructs.add(data);
            }
            List<String> infraSubnets = region.vpcMode() != VpcMode.EXISTING ? List.of()
                    : region.subnets().isEmpty() ? subnets.privateSubnets(region, settings.account())
                    : region.subnets();
            CoreStack core = new CoreStack(app, settings, region, AvailabilityZones.forRegion(region.region()), infraSubnets,
                    installation);
            if (data != null) {
                core.addDependency(data);
            }
            stacks.add(new StackSummary(core.getNode().getId(), region));
            stackConstructs.add(core);
        }
    }

    /**
     * The installation, when its paths can be written into Terraform as they are ({@link TerraformLiteral}: every
     * other character can); an installation that is not complete is not uploaded, so not checked.
     *
     * @throws SettingsException naming the path that cannot, and the fix
     */
    private static AgcInstallation writable(AgcInstallation installation) {
        if (!installation.isComplete()) {
            return installation;
        }
        Optional<String> home = TerraformLiteral.problem(installation.home().toString());
        if (home.isPresent()) {
            throw new SettingsException("agcHome: " + installation.home() + " cannot be written into Terraform as it is: "
                    + home.get() + "; move AGC's installation to a path without it, and set agcHome: to that path");
        }
        List<String> problems = new ArrayList<>();
        for (AgcInstallation.InstalledFile file : installation.artifacts()) {
            TerraformLiteral.problem(file.relativePath()).ifPresent(why -> problems.add("agcHome: the file "
                    + file.path() + " of the AGC installation cannot be written into Terraform as it is: " + why
                    + "; rename it"));
        }
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
        return installation;
    }

    /**
     * The stacks agc-infra synthesizes for a region, in order: {@code agc-data-<region>} when it creates the bucket,
     * then {@code agc-core-<region>}.
     */
    public static List<String> stackNames(RegionSettings region) {
        List<String> names = new ArrayList<>();
        if (DataStack.isNeeded(region)) {
            names.add(RegionStack.dataStackName(region.region()));
        }
        names.add(RegionStack.coreStackName(region.region()));
        return names;
    }

    /** The stacks a synth of {@code settings} writes, in synthesis order, without building them (no jsii). */
    public static List<StackSummary> plannedStacks(Settings settings) {
        List<StackSummary> planned = new ArrayList<>();
        for (RegionSettings region : settings.regions()) {
            stackNames(region).forEach(name -> planned.add(new StackSummary(name, region)));
        }
        return planned;
    }

    /**
     * Writes {@code <folder>/stacks/<stack>/cdk.tf.json} and {@code <folder>/manifest.json}, as CDKTF's
     * {@code App.synth()} does (the same steps: prepare every stack, synthesize each, validate the app, write the
     * manifest), into {@code folder} whatever the environment says. ({@code App.synth()} writes where
     * {@code CDKTF_OUTDIR} points when it is set, as it is when the CDKTF CLI runs the app, and so could not write a
     * fresh folder for {@link OutputFolder} to swap in.)
     */
    public void synth(Path folder) {
        Manifest manifest = new Manifest(String.valueOf(app.getNode().tryGetContext("cdktfVersion")), folder.toString());
        ISynthesisSession session = new ISynthesisSession() {
            @Override
            public Manifest getManifest() {
                return manifest;
            }

            @Override
            public String getOutdir() {
                return folder.toString();
            }

            @Override
            public Boolean getSkipValidation() {
                return false;
            }
        };
        stackConstructs.forEach(TerraformStack::prepareStack);
        stackConstructs.forEach(stack -> stack.getSynthesizer().synthesize(session));
        List<String> invalid = app.getNode().validate();
        if (!invalid.isEmpty()) {
            throw new IllegalStateException("the CDKTF app is not valid: " + String.join("; ", invalid));
        }
        manifest.writeToFile();
    }

    /** The CDKTF app. */
    public App app() {
        return app;
    }

    /** The AGC installation the cores upload from; when it is not complete, AGC's contexts cannot run. */
    public AgcInstallation installation() {
        return installation;
    }

    /**
     * Why AGC's contexts cannot run on cores synthesized with {@code installation}, and the fix; empty when they can.
     */
    public static Optional<String> contextsCannotRun(AgcInstallation installation) {
        if (installation.isComplete()) {
            return Optional.empty();
        }
        return Optional.of("no complete AGC installation in " + installation.home() + " (missing "
                + String.join(", ", installation.missing()) + "): the cores hold no AGC batch artifacts, WES adapter or "
                + "/agc/_common/WesAdapterZipKeyParameter, so AGC contexts cannot run on them until it is there; install "
                + "AGC (its install.sh puts it in ~/.agc) or set agcHome: in the settings file to where it is, then "
                + "synthesize and deploy again");
    }

    /** The stacks, in synthesis order. */
    public List<StackSummary> stacks() {
        return List.copyOf(stacks);
    }
}
