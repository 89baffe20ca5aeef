package dev.agcinfra.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.app.lookup.AwsEnvironment;
import dev.agcinfra.settings.SettingsLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

/** Test fixture: the app run as a user runs it, offline, on a settings file, writing {@code cdktf.out}. */
final class OfflineSynth {

    private OfflineSynth() {
    }

    /**
     * Writes {@code settings} as {@code dir/agc.yaml}, synthesizes it into {@code dir/cdktf.out} with no AWS at hand
     * (no credentials, no region), checks that the synth succeeded, and returns the {@code cdktf.out} directory.
     */
    static Path cdktfOut(Path dir, String settings) throws IOException {
        Files.writeString(dir.resolve("agc.yaml"), settings);
        Path outdir = dir.resolve("cdktf.out");
        AwsEnvironment offline = new AwsEnvironment(Map.of(), Optional.empty(), AnonymousCredentialsProvider.create(), () -> {
            throw new IllegalStateException("no region");
        });
        StringWriter err = new StringWriter();
        int status = Main.synth(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                new SettingsLoader(dir, Map.of()), offline, OutputFolder.at(outdir));
        assertThat(status).as(err.toString()).isZero();
        return outdir;
    }
}
