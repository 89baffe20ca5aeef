package dev.agcinfra.audit.provenance;

import dev.agcinfra.audit.AuditException;
import dev.agcinfra.settings.AgcNames;
import dev.agcinfra.settings.AwsDefaults;
import dev.agcinfra.settings.SettingsException;
import dev.agcinfra.settings.SettingsLoader;
import dev.agcinfra.settings.RegionSettings;
import dev.agcinfra.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What agc-infra's settings file says is the user's, and where it keeps its state. The settings only ever add
 * protection: a VPC, subnet or existing bucket named here is never deleted, whatever the state says; nothing named
 * here becomes deletable because of it.
 *
 * @param protectedIds        region to (resource id or bucket name) to the setting that names it, e.g.
 *                            {@code regions.eu-west-1.vpc}
 * @param stateBucketTemplate the state bucket template ({@code stateBucket}), {@code {account}} and {@code {region}}
 *                            placeholders kept
 */
public record Protection(Map<String, Map<String, String>> protectedIds, String stateBucketTemplate) {

    /** No settings file: nothing named, the default state bucket. */
    public static final Protection NONE = new Protection(Map.of(), AgcNames.DEFAULT_STATE_BUCKET);

    public Protection {
        Map<String, Map<String, String>> copy = new HashMap<>();
        protectedIds.forEach((region, ids) -> copy.put(region, Map.copyOf(ids)));
        protectedIds = Map.copyOf(copy);
        Objects.requireNonNull(stateBucketTemplate, "stateBucketTemplate must be non-null");
    }

    /**
     * From validated settings: each region's {@code vpc}, {@code subnets} and, unless agc-infra creates it
     * ({@code createBucket: true}, or the default bucket), its {@code bucket}.
     */
    public static Protection from(Settings settings) {
        Map<String, Map<String, String>> ids = new HashMap<>();
        for (RegionSettings region : settings.regions()) {
            Map<String, String> named = new HashMap<>();
            String path = "regions." + region.region() + ".";
            region.vpc().ifPresent(vpc -> named.put(vpc, path + "vpc"));
            for (int i = 0; i < region.subnets().size(); i++) {
                named.put(region.subnets().get(i), path + "subnets[" + i + "]");
            }
            if (!region.createBucket()) {
                named.put(region.bucket(), path + "bucket");
            }
            ids.put(region.region(), named);
        }
        return new Protection(ids, settings.stateBucketPattern());
    }

    /**
     * {@link #load} as a command runs it: this process's environment and working directory, and, when the command
     * was given no region, us-east-1 for a settings file without {@code regions:} (AGC's own default).
     */
    public static Protection forCommand(Path settings, String region, Supplier<String> account) {
        return load(settings, System.getenv(), Path.of(""), region == null ? "us-east-1" : region, account);
    }

    /**
     * What agc-infra's settings file protects, read with agc-infra's own loader and validator: {@code settings} (an
     * option such as {@code --settings}), else {@code AGC_CONFIG}, else {@code agc.yaml} in {@code workingDirectory}
     * when it exists (where agc-infra reads it); {@link #NONE} when there is no file. A file with problems stops the
     * command with agc-infra's problem lines (exit 2) before any AWS call: only a file without {@code account:} asks
     * {@code account} for it.
     *
     * @param region  stands in for the default region a file without {@code regions:} would use
     * @param account the caller's account, asked only when the file does not say
     * @throws AuditException exit 2 when the file is missing (when named) or has problems
     */
    public static Protection load(Path settings, Map<String, String> environment, Path workingDirectory,
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
            return NONE;
        }
        try {
            return from(loader.load(new AwsDefaults() {
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

    /** The setting that names {@code id} in {@code region} as the user's, if any. */
    public Optional<String> setting(String region, String id) {
        return Optional.ofNullable(protectedIds.getOrDefault(region, Map.of()).get(id));
    }

    /** The buckets the settings name as the user's in {@code region}. */
    public List<String> buckets(String region) {
        return protectedIds.getOrDefault(region, Map.of()).entrySet().stream()
                .filter(e -> e.getValue().endsWith(".bucket")).map(Map.Entry::getKey).sorted().toList();
    }

    /** The state bucket of {@code region} for {@code account}. */
    public String stateBucket(String account, String region) {
        return AgcNames.stateBucket(stateBucketTemplate, account, region);
    }
}
