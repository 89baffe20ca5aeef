package dev.agcinfra.settings;

import dev.agcinfra.settings.SettingsParser.Parsed;
import dev.agcinfra.settings.SettingsParser.ParsedRegion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads {@code agc.yaml}, checks all of it, and applies every default.
 *
 * <p>The file is {@code agc.yaml} in the working directory, or the path in the environment variable
 * {@value #CONFIG_ENV} (relative paths resolve against the working directory). A missing {@code agc.yaml} means all
 * defaults; a missing {@value #CONFIG_ENV} file is an error. Every problem is collected before anything is returned,
 * and all of them are thrown together as one {@link SettingsException}.
 *
 * <p>Usage: {@code Settings s = SettingsLoader.fromEnvironment().load(AwsEnvironment.fromSystem());}
 */
public final class SettingsLoader {

    /** The settings file's name in the working directory. */
    public static final String FILE_NAME = "agc.yaml";

    /** The environment variable that names another settings file. */
    public static final String CONFIG_ENV = "AGC_CONFIG";

    private final Path workingDir;
    private final Map<String, String> env;

    /**
     * A loader for the given working directory and environment variables (injectable for tests).
     *
     * @param workingDir where {@code agc.yaml} is looked for, and what a relative {@value #CONFIG_ENV} resolves against
     * @param env        the environment variables; only {@value #CONFIG_ENV} is read here
     */
    public SettingsLoader(Path workingDir, Map<String, String> env) {
        this.workingDir = Objects.requireNonNull(workingDir, "workingDir").toAbsolutePath().normalize();
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    }

    /** Every top-level key of the settings file, in reference order (per-region keys: {@link RegionKey#keys()}). */
    public static List<String> topLevelKeys() {
        return SettingsParser.TOP_KEYS;
    }

    /** A loader for the process's working directory and environment. */
    public static SettingsLoader fromEnvironment() {
        return new SettingsLoader(Path.of(""), System.getenv());
    }

    /** The settings file this loader reads (it may not exist); the context cache goes beside it. */
    public Path settingsFile() {
        String configured = env.get(CONFIG_ENV);
        if (configured != null && !configured.isBlank()) {
            return workingDir.resolve(configured).normalize();
        }
        return workingDir.resolve(FILE_NAME);
    }

    /**
     * Reads and checks the file, asks {@code aws} only for what the file leaves out (the account when there is no
     * {@code account}, the default region when there is no {@code regions}), and applies every default.
     *
     * @throws SettingsException with every problem found, one line each
     */
    public Settings load(AwsDefaults aws) {
        Path file = settingsFile();
        Problems problems = new Problems(displayName(file));
        Optional<YamlNode> root = readFile(file, problems);
        Parsed parsed = SettingsParser.parse(root, problems);
        problems.throwIfAny();

        List<ParsedRegion> regions = new ArrayList<>();
        if (parsed.regions().isPresent()) {
            regions.addAll(parsed.regions().get());
        } else {
            defaultRegion(aws, problems)
                    .ifPresent(r -> regions.add(ParsedRegion.defaults(r, parsed.tags(), parsed.natGateways())));
        }
        Optional<String> account = parsed.account();
        if (account.isEmpty()) {
            account = account(aws, regions.isEmpty() ? "us-east-1" : regions.get(0).name(), problems);
        }
        if (parsed.regions().isEmpty() && !regions.isEmpty()) {
            String template = parsed.stateBucket().orElse(Settings.DEFAULT_STATE_BUCKET);
            SettingsParser.stateBucketProblem(template, account.orElse(SettingsParser.PLACEHOLDER_ACCOUNT),
                    regions.get(0).name()).ifPresent(p -> problems.add(problems.file() + ": stateBucket: " + p));
            String region = regions.get(0).name();
            parsed.natGateways().flatMap(n -> n.excess(region, AvailabilityZones.forRegion(region)))
                    .ifPresent(p -> problems.add(problems.file() + ": natGateways: " + p + " (the default region); write "
                            + "a number from 1 to " + AvailabilityZones.forRegion(region) + ", or list the regions under "
                            + "regions: with their own natGateways"));
        }
        problems.throwIfAny();

        String accountId = account.orElseThrow();
        List<RegionSettings> regionSettings = regions.stream().map(r -> regionSettings(r, accountId)).toList();
        SettingsParser.checkBucketsUnique(root, regionSettings,
                parsed.stateBucket().orElse(Settings.DEFAULT_STATE_BUCKET), accountId, problems);
        problems.throwIfAny();
        return new Settings(accountId, parsed.stateBucket().orElse(Settings.DEFAULT_STATE_BUCKET), parsed.tags(),
                regionSettings, agcHome(parsed.agcHome(), file));
    }

    /**
     * {@code agcHome} as an absolute path: {@code ~} or {@code ~/...} is the user's home directory, a relative path is
     * relative to the settings file's directory; without the key, {@value Settings#DEFAULT_AGC_HOME}.
     */
    static Path agcHome(Optional<String> configured, Path settingsFile) {
        Path home = Path.of(System.getProperty("user.home"));
        String value = configured.orElse(Settings.DEFAULT_AGC_HOME).strip();
        Path path;
        if (value.equals("~")) {
            path = home;
        } else if (value.startsWith("~/")) {
            path = home.resolve(value.substring(2));
        } else {
            path = settingsFile.toAbsolutePath().getParent().resolve(value);
        }
        return path.toAbsolutePath().normalize();
    }

    private Optional<YamlNode> readFile(Path file, Problems problems) {
        boolean configured = env.get(CONFIG_ENV) != null && !env.get(CONFIG_ENV).isBlank();
        if (!Files.exists(file)) {
            if (configured) {
                problems.add(CONFIG_ENV + "=" + env.get(CONFIG_ENV) + ": no such file (" + file + "); fix the path, "
                        + "or unset " + CONFIG_ENV + " to read ./" + FILE_NAME);
            }
            return Optional.empty();
        }
        if (Files.isDirectory(file)) {
            problems.add(problems.file() + ": is a directory, not a settings file; "
                    + (configured ? "point " + CONFIG_ENV + " at a YAML file" : "remove or rename it"));
            return Optional.empty();
        }
        return YamlReader.readFile(file, problems);
    }

    private static Optional<String> defaultRegion(AwsDefaults aws, Problems problems) {
        try {
            String region = aws.defaultRegion();
            Optional<String> problem = AwsNames.regionProblem(region);
            if (problem.isPresent()) {
                problems.add("default region: " + problem.get() + " (it comes from AWS_REGION, AWS_DEFAULT_REGION "
                        + "or the AWS profile); fix it there, or set regions: in " + FILE_NAME);
                return Optional.empty();
            }
            return Optional.of(region);
        } catch (SettingsException e) {
            e.problems().forEach(problems::add);
            return Optional.empty();
        }
    }

    private static Optional<String> account(AwsDefaults aws, String region, Problems problems) {
        try {
            String account = aws.account(region);
            if (!AwsNames.isAccount(account)) {
                problems.add("account: AWS answered " + YamlNode.Quote.of(account) + ", not a 12-digit account id; "
                        + "set account: in " + FILE_NAME);
                return Optional.empty();
            }
            return Optional.of(account);
        } catch (SettingsException e) {
            e.problems().forEach(problems::add);
            return Optional.empty();
        }
    }

    private static RegionSettings regionSettings(ParsedRegion r, String account) {
        String bucket = r.bucket().orElseGet(() -> RegionSettings.defaultBucket(account, r.name()));
        boolean createBucket = r.createBucket().orElse(r.bucket().isEmpty());
        return new RegionSettings(r.name(), r.vpc(), r.subnets(), bucket, createBucket, r.ami(),
                r.usePublicSubnets(), r.executeApiEndpoint(), r.tags(), r.natGateways(), r.flowLogs(),
                r.flowLogRetentionDays().orElse(RegionSettings.DEFAULT_FLOW_LOG_RETENTION_DAYS));
    }

    private String displayName(Path file) {
        return file.startsWith(workingDir) ? workingDir.relativize(file).toString() : file.toString();
    }
}
