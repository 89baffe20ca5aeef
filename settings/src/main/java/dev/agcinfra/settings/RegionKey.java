package dev.agcinfra.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The keys of a region's entry in {@code agc.yaml}, each with the kind of value it takes and the flag of
 * {@code agc-infra account activate} that sets it, where there is one. This is the one list of region keys: the
 * parser reads and checks them by it ({@link SettingsParser}), {@code account activate} names its flags by it and
 * writes the settings file with it.
 *
 * <p>A new region key is a constant here (in the order the reference lists it: "the region keys are ..." follows
 * this order), the parser's reading of it into {@link RegionSettings}, and, when its value needs a rule its kind does
 * not already check, that rule in {@link SettingsParser}.
 */
public enum RegionKey {

    /** The user's own VPC. */
    VPC("vpc", Kind.RESOURCE_ID, Flags.VPC, "vpc", "VPC"),
    /** The user's subnets in that VPC. */
    SUBNETS("subnets", Kind.RESOURCE_IDS, Flags.SUBNETS, "subnet", "subnet"),
    /** The results bucket. */
    BUCKET("bucket", Kind.BUCKET_NAME, Flags.BUCKET),
    /** Whether agc-infra creates the bucket; AGC has no flag for it. */
    CREATE_BUCKET("createBucket", Kind.BOOLEAN, null),
    /** The compute AMI. */
    AMI("ami", Kind.RESOURCE_ID, Flags.AMI, "ami", "AMI"),
    /** Public subnets only. */
    USE_PUBLIC_SUBNETS("usePublicSubnets", Kind.BOOLEAN, Flags.USE_PUBLIC_SUBNETS),
    /** The execute-api interface endpoint; AGC has no flag for it. */
    EXECUTE_API_ENDPOINT("executeApiEndpoint", Kind.BOOLEAN, null),
    /**
     * How many NAT gateways a new VPC with private subnets gets, or {@code regional} (also a top-level default). AGC
     * has no flag for it, and {@code account activate} gets none: AGC's update rules would have to say whether an
     * omitted flag keeps or resets it, and either answer surprises someone (a reset adds NAT gateways back on the next
     * activate); the settings file keeps it, as it keeps every key no flag sets.
     */
    NAT_GATEWAYS("natGateways", Kind.NAT_GATEWAYS, null),
    /** A VPC flow log of all traffic to CloudWatch Logs; AGC has no flag for it. */
    FLOW_LOGS("flowLogs", Kind.BOOLEAN, null),
    /** How long the flow log's log group keeps its events; AGC has no flag for it. */
    FLOW_LOG_RETENTION_DAYS("flowLogRetentionDays", Kind.RETENTION_DAYS, null),
    /** The region's custom tags. */
    TAGS("tags", Kind.TAGS, Flags.TAGS);

    /** The flags of {@code account activate} (AGC's names), as constants that annotations can name. */
    public static final class Flags {
        public static final String VPC = "--vpc";
        public static final String SUBNETS = "--subnets";
        public static final String BUCKET = "--bucket";
        public static final String AMI = "--ami";
        public static final String USE_PUBLIC_SUBNETS = "--usePublicSubnets";
        public static final String TAGS = "--tags";

        private Flags() {
        }
    }

    /** What a key's value is, and so which of the parser's checks it gets. */
    public enum Kind {
        /** An AWS resource id: its prefix, a hyphen, and 8 or 17 lowercase hex digits. */
        RESOURCE_ID,
        /** A list of distinct AWS resource ids of one type. */
        RESOURCE_IDS,
        /** An S3 bucket name. */
        BUCKET_NAME,
        /** {@code true} or {@code false}, unquoted. */
        BOOLEAN,
        /** Custom tags: a mapping of tag keys to values. */
        TAGS,
        /**
         * A number of NAT gateways ({@link NatGateways}), at least 1 (the region's AZ count, the upper bound, is checked
         * with the region), or {@value NatGateways#REGIONAL_KEYWORD} for one regional NAT gateway.
         */
        NAT_GATEWAYS,
        /** Days a CloudWatch Logs log group keeps its events: one of {@link AwsNames#LOG_RETENTION_DAYS}. */
        RETENTION_DAYS
    }

    private final String key;
    private final Kind kind;
    private final String activateFlag;
    private final String idPrefix;
    private final String idName;

    RegionKey(String key, Kind kind, String activateFlag) {
        this(key, kind, activateFlag, null, null);
    }

    RegionKey(String key, Kind kind, String activateFlag, String idPrefix, String idName) {
        this.key = key;
        this.kind = kind;
        this.activateFlag = activateFlag;
        this.idPrefix = idPrefix;
        this.idName = idName;
    }

    /** The key as written in {@code agc.yaml}, e.g. {@code usePublicSubnets}. */
    public String key() {
        return key;
    }

    /** The kind of value the key takes. */
    public Kind kind() {
        return kind;
    }

    /** The flag of {@code account activate} that sets this key (AGC's flag of the same name), if there is one. */
    public Optional<String> activateFlag() {
        return Optional.ofNullable(activateFlag);
    }

    /** For resource ids: the id's prefix, e.g. {@code vpc} for {@code vpc-0123456789abcdef0}. */
    String idPrefix() {
        return idPrefix;
    }

    /** For resource ids: what a user calls the resource, e.g. {@code VPC}. */
    String idName() {
        return idName;
    }

    /** The region key written as {@code key} in the file (case-sensitive). */
    public static Optional<RegionKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    /** Every region key as written in the file, in reference order. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(RegionKey::key).toList();
    }
}
