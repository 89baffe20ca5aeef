package dev.agcinfra.app.uptodate;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

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

    private static final Supplier<Optional<String>> NONE = Optional::empty;
    private final Supplier<Optional<String>> code;
    private final Map<String, String> env;
    private final boolean force;

    private UpToDateCheck(Supplier<Optional<String>> code, Map<String, String> env, boolean force) {
        this.code = code;
        this.env = Map.copyOf(env);
        this.force = force;
    }

    /** Never skips, and writes no stamp. */
    public static UpToDateCheck off() {
        return new UpToDateCheck(NONE, Map.of(), false);
    }

    /**
     * The check of the running jar in {@code env}; {@code force} or {@value #FORCE_ENV}{@code =1} never skip. The jar
     * is identified when first asked (a few tens of milliseconds, while jsii starts).
     */
    public static UpToDateCheck of(Map<String, String> env, boolean force) {
        return new UpToDateCheck(memoized(() -> SynthInputs.codeOf(UpToDateCheck.class)), env, forced(env, force));
    }

    /** As {@link #of}, with {@code code} as the code's identity (for tests, which run from class folders). */
    public static UpToDateCheck withCode(String code, Map<String, String> env, boolean force) {
        Optional<String> given = Optional.of(Objects.requireNonNull(code, "code"));
        return new UpToDateCheck(() -> given, env, forced(env, force));
    }

    private static Supplier<Optional<String>> memoized(Supplier<Optional<String>> supplier) {
        return new Supplier<>() {
            private Optional<String> value;

            @Override
            public synchronized Optional<String> get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    private static boolean forced(Map<String, String> env, boolean force) {
        return force || "1".equals(env.get(FORCE_ENV));
    }

    /**
     * Whether the synth reads the stamp of the output: as {@link #maySkip}, without identifying the code yet (a synth
     * without a stamp to compare starts jsii first).
     */
    public boolean readsStamp() {
        return !force && code != NONE;
    }

    /** Whether the synth may skip its work when the output is up to date. */
    public boolean maySkip() {
        return !force && code.get().isPresent();
    }

    /** Whether the synth stamps what it writes. */
    public boolean stamps() {
        return code.get().isPresent();
    }

    /** {@link SynthInputs#beforeSettings} for this code and environment. */
    public String inputs(Path settingsFile, Path contextFile, Path outputFolder) {
        return SynthInputs.beforeSettings(code.get().orElseThrow(), settingsFile, contextFile, env, outputFolder);
    }
}
