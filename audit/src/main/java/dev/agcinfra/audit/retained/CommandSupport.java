package dev.agcinfra.audit.retained;

import dev.agcinfra.audit.AuditException;
import dev.agcinfra.audit.Regions;
import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.report.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    /** agc-infra's settings file when neither {@code --settings} nor {@code AGC_CONFIG} names one. */
    public static final String DEFAULT_SETTINGS = "agc.yaml";

    /**
     * {@code --settings FILE}, else {@code AGC_CONFIG}, else {@code agc.yaml} in the working directory when it exists
     * (where agc-infra reads it), else nothing brought.
     */
    public static UserResources user(Path settings, Map<String, String> environment) {
        return user(settings, environment, Path.of(""));
    }

    static UserResources user(Path settings, Map<String, String> environment, Path workingDirectory) {
        Path file = settings;
        if (file == null && environment.get("AGC_CONFIG") != null && !environment.get("AGC_CONFIG").isBlank()) {
            file = Path.of(environment.get("AGC_CONFIG"));
        }
        if (file == null) {
            Path fallback = workingDirectory.resolve(DEFAULT_SETTINGS);
            if (!Files.isRegularFile(fallback)) {
                return UserResources.NONE;
            }
            file = fallback;
        }
        if (!Files.isRegularFile(file)) {
            throw AuditException.invalidInput("settings file " + file + " does not exist"
                    + (settings == null ? " (from AGC_CONFIG)" : ""));
        }
        return UserResources.read(file);
    }
}
