package dev.agcinfra.app;

import dev.agcinfra.app.uptodate.UpToDateCheck;
import dev.agcinfra.app.lookup.AwsEnvironment;
import dev.agcinfra.settings.SettingsLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

/**
 * Test fixture: a synth of {@code dir/agc.yaml} into {@code dir/cdktf.out} with the up-to-date check on, offline (no
 * credentials, no region), as a test identifies the code ({@code code}) and environment ({@code env}). Also a main
 * class, to run the same synth in a JVM of its own: {@code SynthRun DIR CODE [--force]}.
 */
public record SynthRun(int status, String out, String err) {

    public static SynthRun in(Path dir, String code, Map<String, String> env, boolean force) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AwsEnvironment offline = new AwsEnvironment(env, Optional.empty(), AnonymousCredentialsProvider.create(), () -> {
            throw new IllegalStateException("no region");
        });
        int status = Main.synth(new PrintWriter(out, true), new PrintWriter(err, true), new SettingsLoader(dir, env),
                offline, OutputFolder.at(dir.resolve("cdktf.out")), UpToDateCheck.withCode(code, env, force));
        return new SynthRun(status, out.toString(), err.toString());
    }

    public boolean skipped() {
        return err.contains("is up to date");
    }

    public static void main(String[] args) {
        SynthRun run = in(Path.of(args[0]), args[1], Map.of(), args.length > 2 && args[2].equals("--force"));
        System.out.print(run.out());
        System.err.print(run.err());
        System.exit(run.status());
    }
}
