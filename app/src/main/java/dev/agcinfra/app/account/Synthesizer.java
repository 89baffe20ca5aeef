package dev.agcinfra.app.account;

import dev.agcinfra.app.AgcInfraApp;
import dev.agcinfra.app.OutputFolder;
import dev.agcinfra.app.SubnetResolver;
import dev.agcinfra.settings.Settings;
import java.nio.file.Path;

/**
 * Writes the stacks of {@code settings} into a fresh folder ({@code <folder>/manifest.json} and
 * {@code <folder>/stacks/<stack>/cdk.tf.json}), which {@link OutputFolder#replace} then swaps in.
 */
@FunctionalInterface
public interface Synthesizer {

    void synth(Settings settings, SubnetResolver subnets, Path folder);

    /** The app's own synthesis ({@link AgcInfraApp}), as {@code java -jar agc-infra.jar} does it. */
    static Synthesizer cdktf() {
        return (settings, subnets, folder) -> new AgcInfraApp(settings, subnets, AgcInfraApp.newApp(folder)).synth(folder);
    }

    /** Replaces {@code output} with the stacks of {@code settings}. */
    default void replace(OutputFolder output, Settings settings, SubnetResolver subnets) {
        output.replace(folder -> {
            synth(settings, subnets, folder);
            return null;
        });
    }
}
