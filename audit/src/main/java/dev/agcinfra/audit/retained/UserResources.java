package dev.agcinfra.audit.retained;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agcinfra.audit.AuditException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What the user brought, per region, from agc-infra's settings file: a bucket named with {@code bucket} (and not
 * created by agc-infra, {@code createBucket} not {@code true}), or {@code agc-<account>-<region>} adopted with
 * {@code createBucket: false} alone, and a VPC named with {@code vpc}. Such resources are
 * {@code user}-owned whatever their tags, and never proposed for deletion. Also the state bucket name template
 * ({@code stateBucket}, default {@code agc-tfstate-{account}-{region}}).
 *
 * <p>The file is read as JSON, or as YAML when Jackson's YAML module is on the classpath (both jars have it).
 *
 * @param buckets             region to the bucket the user brought
 * @param vpcs                region to the VPC the user brought
 * @param stateBucketTemplate the state bucket name, with {@code {account}} and {@code {region}}
 */
public record UserResources(Map<String, String> buckets, Map<String, String> vpcs, String stateBucketTemplate) {

    /** agc-infra's default state bucket name template (docs/settings.md). */
    public static final String DEFAULT_STATE_BUCKET = "agc-tfstate-{account}-{region}";

    /** Nothing brought, the default state bucket. */
    public static final UserResources NONE = new UserResources(Map.of(), Map.of(), DEFAULT_STATE_BUCKET);

    public UserResources {
        buckets = Map.copyOf(buckets);
        vpcs = Map.copyOf(vpcs);
        Objects.requireNonNull(stateBucketTemplate, "stateBucketTemplate must be non-null");
    }

    /** Stands for the account in a bucket name when the settings file does not give it. */
    static final String ACCOUNT = "{account}";

    /** Whether {@code bucket} is the user's in {@code region}. */
    public boolean userBucket(String region, String bucket) {
        String named = buckets.get(region);
        if (named != null && named.contains(ACCOUNT)) {
            int at = named.indexOf(ACCOUNT);
            return bucket.matches(java.util.regex.Pattern.quote(named.substring(0, at)) + "\\d{12}"
                    + java.util.regex.Pattern.quote(named.substring(at + ACCOUNT.length())));
        }
        return bucket.equals(named);
    }

    /** Whether {@code vpcId} is the user's in {@code region}. */
    public boolean userVpc(String region, String vpcId) {
        return vpcId != null && vpcId.equals(vpcs.get(region));
    }

    /** The buckets the user brought, in any region. */
    public Set<String> allBuckets() {
        return Set.copyOf(buckets.values());
    }

    /** The state bucket's name in a region. */
    public String stateBucket(String account, String region) {
        return stateBucketTemplate.replace("{account}", account).replace("{region}", region);
    }

    /**
     * Reads the settings file ({@code --settings}, else {@code AGC_CONFIG}).
     *
     * @throws AuditException with exit code 2 when the file cannot be read or parsed
     */
    public static UserResources read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw AuditException.invalidInput("cannot read settings file " + file + ": " + e.getMessage());
        }
        if (text.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            // YAML is a superset of JSON, so one parser reads both. SnakeYAML, not Jackson's tree reader: only it
            // resolves aliases and merge keys (regions sharing an entry with *anchor or <<:), as agc-infra does.
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            root = new ObjectMapper().valueToTree(loaded);
        } catch (YAMLException | IllegalArgumentException e) {
            throw AuditException.invalidInput("cannot parse settings file " + file + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        return parse(root, file.toString());
    }

    /** Reads settings already parsed into a tree (JSON or YAML). */
    public static UserResources parse(JsonNode root, String what) {
        if (root == null || root.isNull() || root.isMissingNode()) {
            return NONE;
        }
        if (!root.isObject()) {
            throw AuditException.invalidInput("settings file " + what + " must hold a mapping");
        }
        String template = root.path("stateBucket").asText(DEFAULT_STATE_BUCKET);
        Map<String, String> buckets = new LinkedHashMap<>();
        Map<String, String> vpcs = new LinkedHashMap<>();
        JsonNode regions = root.path("regions");
        for (Iterator<Map.Entry<String, JsonNode>> it = regions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> region = it.next();
            JsonNode settings = region.getValue();
            String bucket = settings.path("bucket").asText(null);
            if (bucket == null && settings.path("createBucket").isBoolean()
                    && !settings.path("createBucket").asBoolean()) {
                // createBucket: false alone adopts agc-<account>-<region> (left by an earlier AGC activation)
                bucket = "agc-" + root.path("account").asText(ACCOUNT) + "-" + region.getKey();
            }
            if (bucket != null && !settings.path("createBucket").asBoolean(false)) {
                buckets.put(region.getKey(), bucket);
            }
            String vpc = settings.path("vpc").asText(null);
            if (vpc != null) {
                vpcs.put(region.getKey(), vpc);
            }
        }
        return new UserResources(buckets, vpcs, template);
    }
}
