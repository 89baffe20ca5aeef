package dev.agcinfra.settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/** The naming rules of AWS that agc.yaml values must follow: regions, resource ids, bucket names, tags. */
public final class AwsNames {

    /** The partition agc-infra supports: the commercial regions. */
    public static final String COMMERCIAL_PARTITION = "aws";

    /** Tag keys agc-infra sets itself on every resource; custom tags may not set them. */
    public static final Set<String> RESERVED_TAG_KEYS = Set.of(AgcNames.APPLICATION_TAG, AgcNames.VERSION_TAG);

    /** AWS allows 50 tags per resource; agc-infra's own two count. */
    public static final int MAX_CUSTOM_TAGS = 50 - RESERVED_TAG_KEYS.size();

    /**
     * The retention periods CloudWatch Logs accepts, in days (PutRetentionPolicy's {@code retentionInDays}); a log
     * group without one keeps its events forever.
     */
    public static final List<Integer> LOG_RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern HEX_ID = Pattern.compile("([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern AZ_SUFFIX = Pattern.compile("[a-z]|(-[a-z0-9]+)+");
    private static final Pattern TAG_CHARS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    /**
     * The commercial regions (partition {@code aws}), as the AWS SDK's region metadata lists them. Kept here rather
     * than read from the SDK at run time because loading the SDK's metadata costs most of a second at startup;
     * {@code AwsNamesTest} fails when the SDK (after an upgrade) knows a region this list lacks.
     */
    private static final SortedSet<String> COMMERCIAL_REGIONS = Collections.unmodifiableSortedSet(new TreeSet<>(List.of(
            "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
            "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1",
            "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
            "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2",
            "us-west-1", "us-west-2")));

    private AwsNames() {
    }

    /** Every commercial region, sorted. */
    public static SortedSet<String> commercialRegions() {
        return COMMERCIAL_REGIONS;
    }

    /** Whether {@code name} is a commercial AWS region, e.g. {@code us-east-1} (not {@code us-east1}). */
    public static boolean isCommercialRegion(String name) {
        return COMMERCIAL_REGIONS.contains(name);
    }

    /** Why {@code name} is not a usable region, with the fix; empty when it is one. */
    public static Optional<String> regionProblem(String name) {
        if (isCommercialRegion(name)) {
            return Optional.empty();
        }
        Optional<Region> known = sdkRegion(name);
        if (known.isPresent()) {
            RegionMetadata metadata = known.get().metadata();
            String partition = metadata == null ? "another partition" : "partition " + metadata.partition().id();
            return Optional.of(YamlNode.Quote.of(name) + " is in " + partition
                    + ", which agc-infra does not support; use a commercial region such as us-east-1");
        }
        return Optional.of(notARegion(name));
    }

    /**
     * Why {@code name} is not a region of any partition the AWS SDK knows (GovCloud and China included, which
     * agc-audit reads), with the same fix as {@link #regionProblem}; empty when it is one.
     */
    public static Optional<String> regionProblemInAnyPartition(String name) {
        return isCommercialRegion(name) || sdkRegion(name).isPresent() ? Optional.empty()
                : Optional.of(notARegion(name));
    }

    /**
     * The SDK's region of that name, in any partition, not a global pseudo-region ({@code aws-global}); the SDK's
     * metadata is loaded only for a non-commercial name.
     */
    private static Optional<Region> sdkRegion(String name) {
        return Region.regions().stream().filter(r -> !r.isGlobalRegion() && r.id().equals(name)).findFirst();
    }

    private static String notARegion(String name) {
        return YamlNode.Quote.of(name) + " is not an AWS region; "
                + closest(name.toLowerCase(Locale.ROOT), COMMERCIAL_REGIONS)
                        .map(r -> "did you mean " + r + "?")
                        .orElse("use a region name such as us-east-1 or eu-west-1");
    }

    /** Whether {@code account} is an AWS account id: exactly 12 digits. */
    public static boolean isAccount(String account) {
        return ACCOUNT.matcher(account).matches();
    }

    /**
     * Whether {@code id} is a resource id with the given prefix ({@code vpc}, {@code subnet}, {@code ami}):
     * the prefix, a hyphen, then 8 or 17 lowercase hex digits.
     */
    public static boolean isResourceId(String prefix, String id) {
        return id.startsWith(prefix + "-") && HEX_ID.matcher(id.substring(prefix.length() + 1)).matches();
    }

    /**
     * Whether {@code zone} is the name of an Availability Zone of {@code region}: the region's name and a letter
     * ({@code eu-west-1a}), or, for a Local Zone or a Wavelength Zone, the region's name and a hyphenated suffix of
     * lowercase letters and digits ({@code us-east-1-bos-1a}, {@code us-east-1-wl1-bos-wlz-1}).
     */
    public static boolean isAvailabilityZone(String region, String zone) {
        return zone.startsWith(region) && AZ_SUFFIX.matcher(zone.substring(region.length())).matches();
    }

    /**
     * Every S3 general-purpose bucket naming rule {@code name} breaks, in words; empty when it is valid.
     *
     * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html">Bucket naming rules</a>
     */
    public static List<String> bucketNameProblems(String name) {
        List<String> broken = new ArrayList<>();
        if (name.length() < 3 || name.length() > 63) {
            broken.add("it has " + name.length() + " characters, not 3 to 63");
        }
        Set<String> bad = new TreeSet<>();
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            boolean ok = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '.' || cp == '-';
            if (!ok) {
                bad.add(Character.isUpperCase(cp) ? "uppercase letters" : "'" + new String(Character.toChars(cp)) + "'");
            }
            i += Character.charCount(cp);
        }
        if (!bad.isEmpty()) {
            broken.add("it contains " + String.join(", ", bad) + " (only lowercase letters, digits, dots and hyphens)");
        }
        if (!name.isEmpty()) {
            if (!isLowerAlnum(name.charAt(0))) {
                broken.add("it must start with a lowercase letter or digit");
            }
            if (!isLowerAlnum(name.charAt(name.length() - 1))) {
                broken.add("it must end with a lowercase letter or digit");
            }
        }
        if (name.contains("..")) {
            broken.add("it has two adjacent dots");
        }
        if (IPV4.matcher(name).matches()) {
            broken.add("it looks like an IP address");
        }
        for (String prefix : List.of("xn--", "sthree-", "amzn-s3-demo-")) {
            if (name.startsWith(prefix)) {
                broken.add("the prefix '" + prefix + "' is reserved");
            }
        }
        for (String suffix : List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3")) {
            if (name.endsWith(suffix)) {
                broken.add("the suffix '" + suffix + "' is reserved");
            }
        }
        return broken;
    }

    /** Every AWS tag rule a custom tag breaks, in words (reserved AGC keys included); empty when it is valid. */
    public static List<String> tagProblems(String key, String value) {
        List<String> broken = new ArrayList<>();
        if (RESERVED_TAG_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
            broken.add("agc-infra sets " + key.toLowerCase(Locale.ROOT) + " itself on every resource");
        }
        if (key.isEmpty()) {
            broken.add("the key is empty");
        }
        if (key.codePointCount(0, key.length()) > 128) {
            broken.add("the key has " + key.codePointCount(0, key.length()) + " characters, more than 128");
        }
        if (value.codePointCount(0, value.length()) > 256) {
            broken.add("the value has " + value.codePointCount(0, value.length()) + " characters, more than 256");
        }
        if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            broken.add("keys starting with 'aws:' are reserved for AWS");
        }
        if (!TAG_CHARS.matcher(key).matches()) {
            broken.add("the key may hold only letters, digits, spaces and _ . : / = + - @");
        }
        if (!TAG_CHARS.matcher(value).matches()) {
            broken.add("the value may hold only letters, digits, spaces and _ . : / = + - @");
        }
        return broken;
    }

    /** The candidate closest to {@code word} by edit distance, when it is close enough to be a likely typo. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = word.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, word.length() / 3);
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    private static boolean isLowerAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
