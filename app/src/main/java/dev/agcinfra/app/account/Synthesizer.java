package dev.agcinfra.app.account;

import dev.agcinfra.app.AgcInfraApp;
import dev.agcinfra.app.SubnetResolver;
import dev.agcinfra.settings.Settings;
import java.nio.file.Path;

/** Writes the stacks of {@code settings} to {@code outdir} ({@code <outdir>/stacks/<stack>/cdk.tf.json}). */
@FunctionalInterface
public interface Synthesizer {

    void synth(Settings settings, SubnetResolver subnets, Path outdir);

    /** The app's own synthesis ({@link AgcInfraApp}), as {@code java -jar agc-infra.jar} does it. */
    static Synthesizer cdktf() {
        return (settings, subnets, outdir) -> new AgcInfraApp(settings, subnets,
                AgcInfraApp.newApp(outdir.toString())).synth();
    }
}
