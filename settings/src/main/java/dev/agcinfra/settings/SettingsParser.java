package dev.agcinfra.settings;

import dev.agcinfra.settings.YamlNode.Entry;
import dev.agcinfra.settings.YamlNode.Mapping;
import dev.agcinfra.settings.YamlNode.Scalar;
import dev.agcinfra.settings.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the YAML tree of agc.yaml against every rule that needs no AWS call, collecting all problems, and turns it
 * into {@link Parsed} values (still without the defaults that need the account or the default region).
 */
final class SettingsParser {

    static final List<String> TOP_KEYS = List.of("account", "stateBucket", "tags", "regions", "agcHome",
            RegionKey.NAT_GATEWAYS.key());
    static final List<String> REGION_KEYS = RegionKey.keys();

    /** Stands in for the account when checking the state bucket template before the account is known. */
    static final String PLACEHOLDER_ACCOUNT = "123456789012";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final List<String> PLACEHOLDERS = List.of("account", "region");

    /**
     * The file's settings, checked; empty optionals are keys the file leaves out.
     *
     * @param natGateways the top-level {@code natGateways}: the default of every region with NAT gateways
     */
    record Parsed(Optional<String> account, Optional<String> stateBucket, Map<String, String> tags,
                  Optional<List<ParsedRegion>> regions, Optional<String> agcHome, Optional<NatGateways> natGateways) {

        static Parsed empty() {
            return new Parsed(Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
    }

    /**
     * One region's entry, checked; the merged tags are global tags then the region's own; {@code natGateways} is the
     * region's own, else the top-level one in a region with NAT gateways, else one per AZ.
     */
    record ParsedRegion(String name, Optional<String> vpc, List<String> subnets, Optional<String> bucket,
                        Optional<Boolean> createBucket, Optional<String> ami, boolean usePublicSubnets,
                        boolean executeApiEndpoint, Map<String, String> tags, NatGateways natGateways,
                        boolean flowLogs, Optional<Integer> flowLogRetentionDays) {

        static ParsedRegion defaults(String name, Map<String, String> globalTags, Optional<NatGateways> natGateways) {
            return new ParsedRegion(name, Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                    Optional.empty(), false, false, globalTags, natGateways.orElse(NatGateways.ONE_PER_AZ), false,
                    Optional.empty());
        }
    }

    /** The top-level values a region entry falls back on. */
    private record RegionDefaults(Map<String, String> tags, Optional<NatGateways> natGateways, YamlNode natGatewaysNode) {
    }

    /**
     * Whose words the problems use for a region's keys: the settings file's ({@code regions.us-east-1.vpc},
     * {@code add vpc: vpc-...}), or, for values the user typed as {@code account activate}'s flags, the flags'
     * ({@code --vpc}, {@code add --vpc vpc-...}).
     */
    enum Terms {
        FILE, FLAGS;

        /** Where a region key's value is: {@code regions.<region>.vpc}, or {@code --vpc}. */
        String path(String regionPath, RegionKey key) {
            return this == FLAGS ? name(key) : regionPath + "." + key.key();
        }

        /** A key as the user writes it: {@code vpc}, or {@code --vpc}. */
        String name(RegionKey key) {
            return this == FLAGS ? key.activateFlag().orElse(key.key()) : key.key();
        }

        /** How the user sets a key: {@code vpc: vpc-...}, or {@code --vpc vpc-...}. */
        String setting(RegionKey key, String value) {
            return this == FLAGS ? name(key) + " " + value : key.key() + ": " + value;
        }

        /** Where one tag is: {@code regions.<region>.tags.team}, or {@code --tags}, which holds them all. */
        String tag(String tagsPath, String tagKey) {
            return this == FLAGS && tagsPath.startsWith("--") ? tagsPath : tagsPath + "." + tagKey;
        }

        /** How the user drops a key: remove it from the file, or leave out the flag. */
        String leaveOut(RegionKey key) {
            return this == FLAGS ? "leave out " + name(key) : "remove the key";
        }
    }

    private final Problems problems;
    private final Terms terms;

    private SettingsParser(Problems problems, Terms terms) {
        this.problems = problems;
        this.terms = terms;
    }

    /** Checks the document; problems go to {@code problems}, and the result is only meaningful when there are none. */
    static Parsed parse(Optional<YamlNode> root, Problems problems) {
        return parse(root, problems, Terms.FILE);
    }

    /** As {@link #parse(Optional, Problems)}, with the problems about region keys in {@code terms}. */
    static Parsed parse(Optional<YamlNode> root, Problems problems, Terms terms) {
        return root.map(r -> new SettingsParser(problems, terms).top(r)).orElseGet(Parsed::empty);
    }

    private Parsed top(YamlNode root) {
        if (!(root instanceof Mapping mapping)) {
            if (root instanceof Scalar s && s.isNull()) {
                return Parsed.empty();
            }
            problems.atPosition(root.line(), root.column(), "the file is " + root.kind()
                    + ", expected a mapping of settings; write keys such as account:, tags: and regions:");
            return Parsed.empty();
        }
        Optional<String> account = Optional.empty();
        Optional<String> stateBucket = Optional.empty();
        Entry stateBucketEntry = null;
        Map<String, String> tags = new LinkedHashMap<>();
        Entry regionsEntry = null;
        Optional<String> agcHome = Optional.empty();
        Optional<NatGateways> natGateways = Optional.empty();
        YamlNode natGatewaysNode = null;
        for (Entry e : mapping.entries().values()) {
            switch (e.key()) {
                case "account" -> account = account(e);
                case "stateBucket" -> {
                    stateBucket = text(e.value(), "stateBucket", "stateBucket: \"agc-tfstate-{account}-{region}\"");
                    stateBucketEntry = e;
                }
                case "tags" -> tags = tags(e.value(), "tags", "tags: { team: genomics }");
                case "regions" -> regionsEntry = e;
                case "agcHome" -> agcHome = agcHome(e.value());
                case "natGateways" -> {
                    natGateways = natGateways(e.value(), e.key());
                    natGatewaysNode = e.value();
                }
                default -> unknownTopKey(e);
            }
        }
        Optional<List<ParsedRegion>> regions = Optional.empty();
        if (regionsEntry != null) {
            regions = Optional.of(regions(regionsEntry.value(), new RegionDefaults(tags, natGateways, natGatewaysNode)));
        }
        if (tags.size() > AwsNames.MAX_CUSTOM_TAGS) {
            tooManyTags(mapping.entries().get("tags").value(), "tags", tags.size());
        } else if (regions.isPresent()) {
            checkTagCount(mapping, regions.get());
        }
        if (stateBucket.isPresent()) {
            List<String> names = regions.map(rs -> rs.stream().map(ParsedRegion::name).toList()).orElse(List.of());
            checkStateBucket(stateBucketEntry.value(), stateBucket.get(), account.orElse(PLACEHOLDER_ACCOUNT), names);
        }
        return new Parsed(account, stateBucket, tags, regions, agcHome, natGateways);
    }

    private Optional<String> agcHome(YamlNode v) {
        Optional<String> home = text(v, "agcHome", "agcHome: /opt/agc");
        if (home.isPresent() && home.get().isBlank()) {
            problems.at(v, "agcHome", "is empty; write the directory AGC is installed in, e.g. agcHome: /opt/agc, "
                    + "or remove the key for ~/.agc");
            return Optional.empty();
        }
        return home;
    }

    private Optional<String> account(Entry e) {
        YamlNode v = e.value();
        if (v instanceof Scalar s && (s.type() == Scalar.Type.STRING || s.type() == Scalar.Type.INTEGER)) {
            if (AwsNames.isAccount(s.text())) {
                return Optional.of(s.text());
            }
            problems.at(v, "account", s.shown() + " is not an AWS account id (12 digits); write it in quotes, "
                    + "e.g. account: \"123456789012\", or remove the key to use the account of your AWS credentials");
            return Optional.empty();
        }
        problems.at(v, "account", shown(v) + " is " + v.kind() + ", expected the 12-digit account id; write it in quotes, "
                + "e.g. account: \"123456789012\", or remove the key to use the account of your AWS credentials");
        return Optional.empty();
    }

    private void unknownTopKey(Entry e) {
        String key = e.key();
        String fix;
        if (REGION_KEYS.contains(key)) {
            fix = key + " is a per-region key; move it under regions.<region>, e.g. regions: { us-east-1: { "
                    + key + ": ... } }";
        } else if (AwsNames.isCommercialRegion(key)) {
            fix = "region names go under regions:; write regions: { " + key + ": ... }";
        } else {
            fix = AwsNames.closest(key, TOP_KEYS).map(k -> "did you mean " + k + "?")
                    .orElse("the top-level keys are " + String.join(", ", TOP_KEYS));
        }
        problems.atKey(e, key, "unknown key; " + fix);
    }

    private List<ParsedRegion> regions(YamlNode node, RegionDefaults defaults) {
        if (node instanceof Sequence seq) {
            List<String> names = seq.items().stream()
                    .map(i -> i instanceof Scalar s ? s.text() : "...").toList();
            problems.at(node, "regions", "is a list, expected a mapping of region names to their settings; write regions: { "
                    + String.join(", ", names.stream().map(n -> n + ": {}").toList()) + " }");
            return List.of();
        }
        if (node instanceof Mapping mapping && mapping.entries().isEmpty() && mapping.keysLeftOut()) {
            return List.of(); // its keys are reported already
        }
        if (!(node instanceof Mapping mapping) || mapping.entries().isEmpty()) {
            problems.at(node, "regions", shown(node) + " lists no region; add at least one, e.g. regions: { us-east-1: {} }, "
                    + "or remove the key to use the default region of your AWS configuration");
            return List.of();
        }
        List<ParsedRegion> regions = new ArrayList<>();
        for (Entry e : mapping.entries().values()) {
            String path = "regions." + e.key();
            Optional<String> problem = AwsNames.regionProblem(e.key());
            if (problem.isPresent()) {
                problems.atKey(e, path, problem.get());
            }
            ParsedRegion region = region(e.key(), path, e.value(), defaults);
            if (problem.isEmpty() && region != null) {
                regions.add(region);
            }
        }
        return regions;
    }

    private ParsedRegion region(String name, String path, YamlNode node, RegionDefaults defaults) {
        Map<String, String> globalTags = defaults.tags();
        if (node instanceof Scalar s && s.isNull()) {
            checkTopLevelNatGateways(defaults, name);
            return ParsedRegion.defaults(name, globalTags, defaults.natGateways());
        }
        if (!(node instanceof Mapping mapping)) {
            problems.at(node, path, shown(node) + " is " + node.kind()
                    + ", expected the region's settings as a mapping; write " + name + ": {} for all defaults");
            return null;
        }
        RegionValues values = new RegionValues();
        for (Entry e : mapping.entries().values()) {
            Optional<RegionKey> key = RegionKey.of(e.key());
            if (key.isPresent()) {
                values.put(key.get(), e.value(), value(key.get(), e.value(), terms.path(path, key.get())));
            } else {
                unknownRegionKey(e, path + "." + e.key());
            }
        }
        List<String> subnets = values.list(RegionKey.SUBNETS);
        boolean hasVpc = values.written(RegionKey.VPC);
        boolean usePublic = values.bool(RegionKey.USE_PUBLIC_SUBNETS).orElse(false);
        boolean executeApi = values.bool(RegionKey.EXECUTE_API_ENDPOINT).orElse(false);
        String vpc = terms.name(RegionKey.VPC);
        if (!subnets.isEmpty() && !hasVpc) {
            problems.at(values.node(RegionKey.SUBNETS), terms.path(path, RegionKey.SUBNETS), "given without " + vpc
                    + "; subnets must belong to your own VPC: add " + terms.setting(RegionKey.VPC, "vpc-...")
                    + (terms == Terms.FILE ? " to " + name : "") + " or remove " + terms.name(RegionKey.SUBNETS));
        }
        if (usePublic && hasVpc) {
            problems.at(values.node(RegionKey.USE_PUBLIC_SUBNETS), terms.path(path, RegionKey.USE_PUBLIC_SUBNETS),
                    "true conflicts with " + vpc + ": agc-infra never changes your VPC; remove "
                            + terms.name(RegionKey.USE_PUBLIC_SUBNETS) + ", or remove " + vpc + " to let agc-infra create "
                            + "a VPC with public subnets only");
        }
        String executeApiPath = terms.path(path, RegionKey.EXECUTE_API_ENDPOINT);
        if (executeApi && usePublic) {
            problems.at(values.node(RegionKey.EXECUTE_API_ENDPOINT), executeApiPath, "true conflicts with "
                    + terms.setting(RegionKey.USE_PUBLIC_SUBNETS, "true") + ", which creates no VPC endpoints; remove one "
                    + "of the two");
        } else if (executeApi && hasVpc) {
            problems.at(values.node(RegionKey.EXECUTE_API_ENDPOINT), executeApiPath, "true conflicts with " + vpc
                    + ": agc-infra creates nothing in your VPC; create the execute-api endpoint yourself and remove "
                    + terms.name(RegionKey.EXECUTE_API_ENDPOINT));
        }
        NatGateways natGateways = natGatewaysOf(name, path, values, hasVpc, usePublic, defaults);
        boolean flowLogs = values.bool(RegionKey.FLOW_LOGS).orElse(false);
        if (flowLogs && hasVpc) {
            problems.at(values.node(RegionKey.FLOW_LOGS), path + ".flowLogs", "true conflicts with vpc: agc-infra never "
                    + "changes your VPC; create its flow log yourself (aws ec2 create-flow-logs) and remove flowLogs");
        }
        boolean flowLogsUnreadable = values.written(RegionKey.FLOW_LOGS) && values.bool(RegionKey.FLOW_LOGS).isEmpty();
        if (values.integer(RegionKey.FLOW_LOG_RETENTION_DAYS).isPresent() && !flowLogs && !flowLogsUnreadable) {
            problems.at(values.node(RegionKey.FLOW_LOG_RETENTION_DAYS), path + ".flowLogRetentionDays", "given without "
                    + "flowLogs: true, so there is no flow log to keep; add flowLogs: true to " + name
                    + " or remove flowLogRetentionDays");
        }
        Map<String, String> tags = new LinkedHashMap<>(globalTags);
        tags.putAll(values.tags(RegionKey.TAGS));
        return new ParsedRegion(name, values.text(RegionKey.VPC), subnets, values.text(RegionKey.BUCKET),
                values.bool(RegionKey.CREATE_BUCKET), values.text(RegionKey.AMI), usePublic, executeApi, tags,
                natGateways, flowLogs, values.integer(RegionKey.FLOW_LOG_RETENTION_DAYS));
    }

    /**
     * The region's NAT gateways: its own {@code natGateways} (refused with {@code vpc} or {@code usePublicSubnets},
     * which have no NAT gateways, and above the region's AZ count), else the top-level one where the region has NAT
     * gateways, else one per AZ.
     */
    private NatGateways natGatewaysOf(String name, String path, RegionValues values, boolean hasVpc, boolean usePublic,
                                      RegionDefaults defaults) {
        if (!values.written(RegionKey.NAT_GATEWAYS)) {
            if (hasVpc || usePublic) {
                return NatGateways.ONE_PER_AZ;
            }
            checkTopLevelNatGateways(defaults, name);
            return defaults.natGateways().orElse(NatGateways.ONE_PER_AZ);
        }
        Optional<NatGateways> own = values.natGateways(RegionKey.NAT_GATEWAYS);
        if (own.isEmpty()) {
            return NatGateways.ONE_PER_AZ; // not a valid value: that problem is reported already
        }
        YamlNode node = values.node(RegionKey.NAT_GATEWAYS);
        String keyPath = path + "." + RegionKey.NAT_GATEWAYS.key();
        if (hasVpc) {
            problems.at(node, keyPath, own.get() + " conflicts with vpc: agc-infra creates no NAT gateways in your VPC; "
                    + "remove natGateways");
        } else if (usePublic) {
            problems.at(node, keyPath, own.get() + " conflicts with usePublicSubnets: true, which creates no NAT "
                    + "gateways; remove one of the two");
        } else {
            int azs = AvailabilityZones.forRegion(name);
            own.get().excess(name, azs).ifPresent(excess -> problems.at(node, keyPath, excess
                    + "; write a number from 1 to " + azs + ", or remove the key for one per AZ"));
            return own.get();
        }
        return NatGateways.ONE_PER_AZ;
    }

    /** The top-level {@code natGateways} as the default of a region with NAT gateways: no more than its AZs. */
    private void checkTopLevelNatGateways(RegionDefaults defaults, String region) {
        if (defaults.natGateways().isEmpty()) {
            return;
        }
        int azs = AvailabilityZones.forRegion(region);
        defaults.natGateways().get().excess(region, azs).ifPresent(excess -> problems.at(defaults.natGatewaysNode(),
                RegionKey.NAT_GATEWAYS.key(), excess + "; write a number from 1 to " + azs + ", or give " + region
                        + " its own: regions." + region + ".natGateways: " + azs));
    }

    /**
     * Checks a region key's value by the key's kind; empty when the value breaks a rule (the problem is added). A
     * new kind of value needs its check here.
     */
    private Optional<?> value(RegionKey key, YamlNode v, String path) {
        return switch (key.kind()) {
            case RESOURCE_ID -> resourceId(key, v, path);
            case RESOURCE_IDS -> Optional.of(resourceIds(key, v, path));
            case BUCKET_NAME -> bucket(key, v, path);
            case BOOLEAN -> bool(v, path, terms.setting(key, "%s"));
            case TAGS -> Optional.of(tags(v, path, terms.setting(key, "{ team: genomics }")));
            case NAT_GATEWAYS -> natGateways(v, path);
            case RETENTION_DAYS -> retentionDays(v, path);
        };
    }

    /** A region entry's values as checked, by key, typed by the key's kind; a key left out has none. */
    private static final class RegionValues {
        private final Map<RegionKey, Object> values = new EnumMap<>(RegionKey.class);
        private final Map<RegionKey, YamlNode> nodes = new EnumMap<>(RegionKey.class);

        void put(RegionKey key, YamlNode node, Optional<?> value) {
            nodes.put(key, node);
            value.ifPresent(v -> values.put(key, v));
        }

        /** Whether the entry writes the key, valid or not. */
        boolean written(RegionKey key) {
            return nodes.containsKey(key);
        }

        YamlNode node(RegionKey key) {
            return nodes.get(key);
        }

        Optional<String> text(RegionKey key) {
            return Optional.ofNullable((String) values.get(key));
        }

        Optional<Boolean> bool(RegionKey key) {
            return Optional.ofNullable((Boolean) values.get(key));
        }

        Optional<Integer> integer(RegionKey key) {
            return Optional.ofNullable((Integer) values.get(key));
        }

        Optional<NatGateways> natGateways(RegionKey key) {
            return Optional.ofNullable((NatGateways) values.get(key));
        }

        @SuppressWarnings("unchecked")
        List<String> list(RegionKey key) {
            return (List<String>) values.getOrDefault(key, List.of());
        }

        @SuppressWarnings("unchecked")
        Map<String, String> tags(RegionKey key) {
            return (Map<String, String>) values.getOrDefault(key, Map.of());
        }
    }

    private void unknownRegionKey(Entry e, String keyPath) {
        String key = e.key();
        String fix;
        if (TOP_KEYS.contains(key)) {
            fix = key + " is set once for all regions; move it to the top level of the file";
        } else {
            fix = AwsNames.closest(key, REGION_KEYS).map(k -> "did you mean " + k + "?")
                    .orElse("the region keys are " + String.join(", ", REGION_KEYS));
        }
        problems.atKey(e, keyPath, "unknown key; " + fix);
    }

    private Optional<String> resourceId(RegionKey key, YamlNode v, String path) {
        String prefix = key.idPrefix();
        String what = key.idName();
        String example = prefix + "-0123456789abcdef0";
        Optional<String> id = text(v, path, terms.setting(key, example));
        if (id.isPresent() && !AwsNames.isResourceId(prefix, id.get())) {
            problems.at(v, path, YamlNode.Quote.of(id.get()) + " is not " + article(what) + " " + what + " id; write "
                    + prefix + "- and 8 or 17 lowercase hex digits, e.g. " + example);
            return Optional.empty();
        }
        return id;
    }

    private List<String> resourceIds(RegionKey key, YamlNode v, String path) {
        String prefix = key.idPrefix();
        String what = key.idName();
        String example = terms.setting(key, "[" + prefix + "-0123456789abcdef0, " + prefix + "-0fedcba9876543210]");
        if (v instanceof Scalar s && s.isNull()) {
            return List.of();
        }
        if (!(v instanceof Sequence seq)) {
            String fix = v instanceof Scalar s && s.type() == Scalar.Type.STRING
                    ? terms.setting(key, "[" + s.text() + "]") : example;
            problems.at(v, path, shown(v) + " is " + v.kind() + ", expected a list of " + what + " ids; write " + fix);
            return List.of();
        }
        List<String> subnets = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < seq.items().size(); i++) {
            YamlNode item = seq.items().get(i);
            String itemPath = path + "[" + i + "]";
            Optional<String> id = resourceId(key, item, itemPath);
            if (id.isEmpty()) {
                continue;
            }
            Integer earlier = firstIndex.putIfAbsent(id.get(), i);
            if (earlier != null) {
                problems.at(item, itemPath, YamlNode.Quote.of(id.get()) + " is listed twice (also at " + path + "["
                        + earlier + "]); list each " + what + " once");
            } else {
                subnets.add(id.get());
            }
        }
        return subnets;
    }

    private Optional<String> bucket(RegionKey key, YamlNode v, String path) {
        Optional<String> bucket = text(v, path, terms.setting(key, "my-existing-bucket"));
        if (bucket.isPresent()) {
            List<String> broken = AwsNames.bucketNameProblems(bucket.get());
            if (!broken.isEmpty()) {
                problems.at(v, path, YamlNode.Quote.of(bucket.get()) + " is not a valid S3 bucket name: "
                        + String.join("; ", broken) + "; use the bucket's exact name, or " + terms.leaveOut(key)
                        + " for agc-<account>-<region>");
                return Optional.empty();
            }
        }
        return bucket;
    }

    /** @param setting how the key is set, with {@code %s} for the value, e.g. {@code usePublicSubnets: %s} */
    private Optional<Boolean> bool(YamlNode v, String path, String setting) {
        if (v instanceof Scalar s && (s.type() == Scalar.Type.TRUE || s.type() == Scalar.Type.FALSE)) {
            return Optional.of(s.type() == Scalar.Type.TRUE);
        }
        String suggestion = "true";
        if (v instanceof Scalar s) {
            String t = s.text().strip().toLowerCase(java.util.Locale.ROOT);
            if (List.of("false", "no", "off", "n", "0").contains(t)) {
                suggestion = "false";
            }
        }
        problems.at(v, path, shown(v) + " is " + v.kind() + ", expected true or false; write "
                + setting.formatted(suggestion) + " (no quotes)");
        return Optional.empty();
    }

    /**
     * A number of NAT gateways, at least 1 (the upper bound depends on the region), or the keyword
     * {@value NatGateways#REGIONAL_KEYWORD} for one regional NAT gateway.
     */
    private Optional<NatGateways> natGateways(YamlNode v, String path) {
        String fix = "write a number from 1 to the region's Availability Zones (3; 2 in us-west-1), e.g. "
                + RegionKey.NAT_GATEWAYS.key() + ": 1, or " + RegionKey.NAT_GATEWAYS.key() + ": "
                + NatGateways.REGIONAL_KEYWORD + " for one regional NAT gateway, or remove the key for one NAT gateway "
                + "per AZ";
        if (v instanceof Scalar s && s.type() == Scalar.Type.INTEGER) {
            Optional<Integer> n = smallInteger(s.text());
            if (n.isPresent() && n.get() >= 1) {
                return Optional.of(NatGateways.of(n.get()));
            }
            problems.at(v, path, s.shown() + " is not a number of NAT gateways; " + fix);
            return Optional.empty();
        }
        if (v instanceof Scalar s && s.type() == Scalar.Type.STRING && s.text().equals(NatGateways.REGIONAL_KEYWORD)) {
            return Optional.of(NatGateways.REGIONAL);
        }
        if (v instanceof Scalar s && s.type() == Scalar.Type.STRING && !s.text().strip().matches("[0-9]+")) {
            problems.at(v, path, s.shown() + " is neither a number of NAT gateways nor " + NatGateways.REGIONAL_KEYWORD
                    + "; " + fix);
            return Optional.empty();
        }
        problems.at(v, path, shown(v) + " is " + v.kind() + ", expected a number of NAT gateways; " + fix
                + " (no quotes)");
        return Optional.empty();
    }

    /** Days a CloudWatch Logs log group keeps its events: one of the periods CloudWatch accepts. */
    private Optional<Integer> retentionDays(YamlNode v, String path) {
        String fix = "write one of " + AwsNames.LOG_RETENTION_DAYS.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", ")) + " (CloudWatch Logs accepts only these), e.g. "
                + RegionKey.FLOW_LOG_RETENTION_DAYS.key() + ": " + RegionSettings.DEFAULT_FLOW_LOG_RETENTION_DAYS;
        if (v instanceof Scalar s && s.type() == Scalar.Type.INTEGER) {
            Optional<Integer> days = smallInteger(s.text());
            if (days.isPresent() && AwsNames.LOG_RETENTION_DAYS.contains(days.get())) {
                return days;
            }
            problems.at(v, path, s.shown() + " is not a retention period CloudWatch Logs accepts; " + fix);
            return Optional.empty();
        }
        problems.at(v, path, shown(v) + " is " + v.kind() + ", expected a number of days; " + fix);
        return Optional.empty();
    }

    /** A YAML integer as written in decimal (no sign, octal or hex), when it fits an {@code int}. */
    private static Optional<Integer> smallInteger(String text) {
        String digits = text.replace("_", "");
        if (!digits.matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(digits));
    }

    /** @param example how tags are written, e.g. {@code tags: { team: genomics }} */
    private Map<String, String> tags(YamlNode v, String path, String example) {
        if (v instanceof Scalar s && s.isNull()) {
            return Map.of();
        }
        if (!(v instanceof Mapping mapping)) {
            problems.at(v, path, shown(v) + " is " + v.kind() + ", expected a mapping of tag keys to values; write "
                    + example);
            return Map.of();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Entry e : mapping.entries().values()) {
            String tagPath = terms.tag(path, e.key());
            YamlNode value = e.value();
            if (!(value instanceof Scalar s) || s.isNull()) {
                problems.at(value, tagPath, shown(value) + " is " + value.kind() + ", expected the tag's value; write "
                        + e.key() + ": \"value\" (\"\" for an empty value)");
                continue;
            }
            List<String> broken = AwsNames.tagProblems(e.key(), s.text());
            if (!broken.isEmpty()) {
                problems.atKey(e, tagPath, "custom tag " + YamlNode.Quote.of(e.key()) + " = " + s.shown()
                        + " is not allowed: " + String.join("; ", broken) + "; rename or remove the tag");
                continue;
            }
            tags.put(e.key(), s.text());
        }
        return tags;
    }

    private void checkTagCount(Mapping root, List<ParsedRegion> regions) {
        for (ParsedRegion region : regions) {
            if (region.tags().size() > AwsNames.MAX_CUSTOM_TAGS) {
                YamlNode at = ((Mapping) root.entries().get("regions").value()).entries().get(region.name()).value();
                tooManyTags(at, terms.path("regions." + region.name(), RegionKey.TAGS), region.tags().size());
            }
        }
    }

    private void tooManyTags(YamlNode at, String path, int count) {
        problems.at(at, path, count + " custom tags (global and regional together) exceed the " + AwsNames.MAX_CUSTOM_TAGS
                + " that fit beside agc-infra's own 2 in AWS's limit of 50 per resource; remove some");
    }

    private void checkStateBucket(YamlNode at, String template, String account, List<String> regions) {
        Matcher m = PLACEHOLDER.matcher(template);
        boolean placeholdersOk = true;
        while (m.find()) {
            String name = m.group(1);
            if (!PLACEHOLDERS.contains(name)) {
                placeholdersOk = false;
                problems.at(at, "stateBucket", YamlNode.Quote.of(template) + " has the unknown placeholder {" + name + "}; "
                        + AwsNames.closest(name, PLACEHOLDERS).map(p -> "did you mean {" + p + "}?")
                                .orElse("use {account} and {region}"));
            }
        }
        if (!placeholdersOk) {
            return;
        }
        if (regions.size() > 1 && !template.contains("{region}")) {
            problems.at(at, "stateBucket", YamlNode.Quote.of(template) + " has no {region}, so " + regions.size()
                    + " regions would share one state bucket, but each region's state lives in a bucket in that region;"
                    + " add {region}, e.g. stateBucket: \"" + Settings.DEFAULT_STATE_BUCKET + "\"");
            return;
        }
        // Without regions: the loader checks the template once the default region is known.
        for (String region : regions) {
            Optional<String> problem = stateBucketProblem(template, account, region);
            if (problem.isPresent()) {
                problems.at(at, "stateBucket", problem.get());
                return;
            }
        }
    }

    /**
     * S3 bucket names are global: a results bucket can be the results bucket of one region only, whether agc-infra
     * creates it or it exists already (two data stacks would create the same bucket; two cores would share one). A
     * clash is one problem, at the bucket written in the file, naming both regions.
     *
     * @param root    the file's document, for the position of each region's {@code bucket}
     * @param regions the regions with their defaults applied ({@code agc-<account>-<region>} when not named)
     */
    static void checkBucketsUnique(Optional<YamlNode> root, List<RegionSettings> regions, String stateBucketTemplate,
            String account, Problems problems) {
        Map<String, String> stateBuckets = new HashMap<>();
        regions.forEach(r -> stateBuckets.putIfAbsent(AgcNames.stateBucket(stateBucketTemplate, account, r.region()),
                r.region()));
        Map<String, RegionSettings> first = new HashMap<>();
        for (RegionSettings region : regions) {
            String stateOf = stateBuckets.get(region.bucket());
            if (stateOf != null) {
                String path = "regions." + region.region() + ".bucket";
                String message = YamlNode.Quote.of(region.bucket()) + " is also the Terraform state bucket of " + stateOf
                        + " (stateBucket: " + stateBucketTemplate + "); results and Terraform state never share a "
                        + "bucket: name another bucket for " + region.region();
                Optional<YamlNode> node = bucketNode(root, region.region());
                if (node.isPresent()) {
                    problems.at(node.get(), path, message);
                } else {
                    problems.add(problems.file() + ": " + path + ": " + message);
                }
                continue;
            }
            RegionSettings earlier = first.putIfAbsent(region.bucket(), region);
            if (earlier == null) {
                continue;
            }
            Optional<YamlNode> here = bucketNode(root, region.region());
            RegionSettings at = here.isPresent() || bucketNode(root, earlier.region()).isEmpty() ? region : earlier;
            RegionSettings other = at == region ? earlier : region;
            String message = YamlNode.Quote.of(region.bucket()) + " is also the results bucket of " + other.region()
                    + describe(root, other) + "; S3 bucket names are global and each region needs a bucket of its own: "
                    + "name another bucket for " + at.region() + " or for " + other.region();
            String path = "regions." + at.region() + ".bucket";
            Optional<YamlNode> node = bucketNode(root, at.region());
            if (node.isPresent()) {
                problems.at(node.get(), path, message);
            } else {
                problems.add(problems.file() + ": " + path + ": " + message);
            }
        }
    }

    /** How the other region comes by its bucket: where the file names it, or that it is its default. */
    private static String describe(Optional<YamlNode> root, RegionSettings region) {
        String how = region.createBucket() ? "created by agc-infra" : "an existing bucket";
        return bucketNode(root, region.region()).map(n -> " (line " + n.line() + ", " + how + ")")
                .orElse(" (its default name, " + how + ")");
    }

    /** The value of {@code regions.<region>.bucket} in the file, when the file writes it. */
    private static Optional<YamlNode> bucketNode(Optional<YamlNode> root, String region) {
        YamlNode node = root.orElse(null);
        for (String key : List.of("regions", region, RegionKey.BUCKET.key())) {
            if (!(node instanceof Mapping mapping) || !mapping.entries().containsKey(key)) {
                return Optional.empty();
            }
            node = mapping.entries().get(key).value();
        }
        return Optional.ofNullable(node);
    }

    /** Why the state bucket template gives an invalid bucket name for one region, with the fix; empty when valid. */
    static Optional<String> stateBucketProblem(String template, String account, String region) {
        String name = template.replace("{account}", account).replace("{region}", region);
        List<String> broken = AwsNames.bucketNameProblems(name);
        if (broken.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(YamlNode.Quote.of(template) + " gives " + YamlNode.Quote.of(name) + " in " + region
                + ", not a valid S3 bucket name: " + String.join("; ", broken)
                + "; change the template (placeholders {account} and {region}) or remove it for the default "
                + Settings.DEFAULT_STATE_BUCKET);
    }

    private Optional<String> text(YamlNode v, String path, String example) {
        if (v instanceof Scalar s && (s.type() == Scalar.Type.STRING || s.type() == Scalar.Type.INTEGER)) {
            return Optional.of(s.text());
        }
        problems.at(v, path, shown(v) + " is " + v.kind() + ", expected a string; write " + example);
        return Optional.empty();
    }

    private static String shown(YamlNode v) {
        if (v instanceof Scalar s) {
            return s.shown();
        }
        return v instanceof Sequence ? "[...]" : "{...}";
    }

    private static String article(String word) {
        return "AEIOUaeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }
}
