package dev.agcinfra.audit.retained;

import dev.agcinfra.audit.AuditException;
import dev.agcinfra.audit.Regions;
import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.provenance.Protection;
import dev.agcinfra.audit.report.Format;
import dev.agcinfra.settings.AwsDefaults;
import dev.agcinfra.settings.SettingsException;
import dev.agcinfra.settings.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Reads the shared mixins' options ({@code cli.RegionOptions}, {@code cli.OutputOptions}, {@code cli.AwsOptions})
 * of a command outside the {@code cli} package through picocli's model, so that {@code retained} and {@code cleanup}
 * take exactly the options every job takes, with the same checks.
 */
public final class CommandSupport {

    private final CommandSpec spec;

    public CommandSupport(CommandSpec spec) {
        this.spec = spec;
    }

    @SuppressWarnings("unchecked")
    <T> T value(String option) {
        OptionSpec spec1 = spec.findOption(option);
        return spec1 == null ? null : (T) spec1.getValue();
    }

    /** {@code --tag}, checked. */
    public TagFilter tag() {
        try {
            return TagFilter.parse(value("--tag"));
        } catch (AuditException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** {@code --regions}, checked, or {@code null} when not given. */
    List<String> regions() {
        String regions = value("--regions");
        if (regions == null) {
            return null;
        }
        return region(List.of(regions));
    }

    public List<String> region(List<String> values) {
        try {
            return Regions.parse(values);
        } catch (AuditException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    boolean allRegions() {
        Boolean all = value("--all-regions");
        return Boolean.TRUE.equals(all);
    }

    int parallelism() {
        Integer parallelism = value("--parallelism");
        if (parallelism == null) {
            return RetainedAudit.DEFAULT_PARALLELISM;
        }
        if (parallelism < 1) {
            throw new ParameterException(spec.commandLine(), "--parallelism must be at least 1, was " + parallelism);
        }
        return parallelism;
    }

    Format format() {
        Format format = value("--format");
        return format == null ? Format.TABLE : format;
    }

    Path output() {
        return value("--output");
    }

    /**
     * What agc-infra's settings file protects, read with agc-infra's own loader and validator: {@code --settings FILE},
     * else {@code AGC_CONFIG}, else {@code agc.yaml} in the working directory when it exists (where agc-infra reads
     * it); {@link Protection#NONE} when there is no file. A file with problems stops the command with agc-infra's
     * problem lines (exit 2) before any AWS call: only a file without {@code account:} asks {@code account} for it.
     *
     * @param region  stands in for the default region a file without {@code regions:} would use
     * @param account the caller's account, asked only when the file does not say
     */
    public static Protection protection(Path settings, Map<String, String> environment, String region,
            Supplier<String> account) {
        return protection(settings, environment, Path.of(""), region, account);
    }

    static Protection protection(Path settings, Map<String, String> environment, Path workingDirectory,
            String region, Supplier<String> account) {
        Map<String, String> env = new HashMap<>(environment);
        if (settings != null) {
            if (!Files.exists(settings)) {
                throw AuditException.invalidInput("--settings " + settings + ": no such file; fix the path, or leave "
                        + "--settings out to read AGC_CONFIG or ./" + SettingsLoader.FILE_NAME);
            }
            env.put(SettingsLoader.CONFIG_ENV, settings.toAbsolutePath().toString());
        }
        SettingsLoader loader = new SettingsLoader(workingDirectory, env);
        boolean named = env.get(SettingsLoader.CONFIG_ENV) != null && !env.get(SettingsLoader.CONFIG_ENV).isBlank();
        if (!named && !Files.exists(loader.settingsFile())) {
            return Protection.NONE;
        }
        try {
            return Protection.from(loader.load(new AwsDefaults() {
                @Override
                public String defaultRegion() {
                    return region;
                }

                @Override
                public String account(String ignored) {
                    return account.get();
                }
            }));
        } catch (SettingsException e) {
            throw AuditException.invalidInput(e.problems());
        }
    }

    /** {@code supplier}'s value, asked for once, on first use (the account: one STS call, only when needed). */
    public static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
