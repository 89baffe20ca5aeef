package dev.agcinfra.app.uptodate;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a synth may skip its work when its output is up to date ({@link SynthStamp}), and what it compares.
 *
 * <p>{@code --force} or {@value #FORCE_ENV}{@code =1} (the way through {@code cdktf synth}, which passes no arguments)
 * synthesize whatever the stamp says, and stamp what they write. When the code cannot be identified
 * ({@link SynthInputs#codeOf}: not run from a jar) the check is off: the synth neither reads nor writes a stamp.
 */
public final class UpToDateCheck {

    /** {@code AGC_INFRA_FORCE=1} synthesizes even when the output is up to date. */
    public static final String FORCE_ENV = "AGC_INFRA_FORCE";

    private final Optional<String> code;
    private final Map<String, String> env;
    private final boolean force;

    private UpToDateCheck(Optional<String> code, Map<String, String> env, boolean force) {
        this.code = code;
        this.env = Map.copyOf(env);
        this.force = force;
    }

    /** Never skips, and writes no stamp. */
    public static UpToDateCheck off() {
        return new UpToDateCheck(Optional.empty(), Map.of(), false);
    }

    /** The check of the running jar in {@code env}; {@code force} or {@value #FORCE_ENV}{@code =1} never skip. */
    public static UpToDateCheck of(Map<String, String> env, boolean force) {
        return new UpToDateCheck(SynthInputs.codeOf(UpToDateCheck.class), env, forced(env, force));
    }

    /** As {@link #of}, with {@code code} as the code's identity (for tests, which run from class folders). */
    public static UpToDateCheck withCode(String code, Map<String, String> env, boolean force) {
        return new UpToDateCheck(Optional.of(Objects.requireNonNull(code, "code")), env, forced(env, force));
    }

    private static boolean forced(Map<String, String> env, boolean force) {
        return force || "1".equals(env.get(FORCE_ENV));
    }

    /** Whether the synth may skip its work when the output is up to date. */
    public boolean maySkip() {
        return code.isPresent() && !force;
    }

    /** Whether the synth stamps what it writes. */
    public boolean stamps() {
        return code.isPresent();
    }

    /** {@link SynthInputs#beforeSettings} for this code and environment. */
    public String inputs(Path settingsFile, Path contextFile, Path outputFolder) {
        return SynthInputs.beforeSettings(code.orElseThrow(), settingsFile, contextFile, env, outputFolder);
    }
}
