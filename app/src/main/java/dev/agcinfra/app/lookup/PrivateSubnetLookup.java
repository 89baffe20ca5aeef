package dev.agcinfra.app.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agcinfra.settings.AwsNames;
import dev.agcinfra.settings.RegionSettings;
import dev.agcinfra.settings.SettingsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Finds the private subnets of the user's own VPC at synth time, for a region with {@code vpc} and no
 * {@code subnets}, and caches the answer in {@link ContextCache} so that later synths make no AWS call at all.
 *
 * <p>A subnet is private when its route table (its explicit association, else the VPC's main route table) has no
 * default route {@code 0.0.0.0/0} to an internet gateway ({@code igw-...}). Subnets without internet egress
 * (isolated) count as private too. The private subnets must cover at least {@value #MIN_AZS} Availability Zones.
 *
 * <p>To refresh: delete the key {@link #cacheKey} (or the whole {@value ContextCache#FILE_NAME}) and synthesize again.
 */
public final class PrivateSubnetLookup {

    /** The fewest Availability Zones the private subnets of a user's VPC must cover (AGC's rule). */
    public static final int MIN_AZS = 3;

    /** One private subnet and its Availability Zone. */
    public record PrivateSubnet(String subnetId, String availabilityZone) {
    }

    private final ContextCache cache;
    private final AwsEnvironment aws;

    /** A lookup that caches in {@code cache} and asks AWS through {@code aws} on a cache miss. */
    public PrivateSubnetLookup(ContextCache cache, AwsEnvironment aws) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.aws = Objects.requireNonNull(aws, "aws");
    }

    /** A lookup whose cache is {@value ContextCache#FILE_NAME} beside the settings file (which need not exist). */
    public static PrivateSubnetLookup besideSettings(Path settingsFile, AwsEnvironment aws) {
        return new PrivateSubnetLookup(ContextCache.besideSettings(settingsFile), aws);
    }

    /** The cache key of one VPC's private subnets, in the style of AWS CDK's context keys. */
    public static String cacheKey(String account, String region, String vpc) {
        return "private-subnets:account=" + account + ":region=" + region + ":vpc=" + vpc;
    }

    /**
     * The subnet ids for {@code InfraSubnets} of a region in the user's VPC: its {@code subnets} when given, else every
     * private subnet of its {@code vpc}, sorted by Availability Zone then id; from the cache when it has the answer,
     * else from EC2 (then cached).
     *
     * @param region  a region with {@code vpc} set
     * @param account the settings' account; the credentials must belong to it
     * @throws SettingsException when the lookup fails or finds private subnets in fewer than {@value #MIN_AZS} AZs
     * @throws IllegalArgumentException when the region has no {@code vpc}
     */
    public List<String> privateSubnets(RegionSettings region, String account) {
        if (!region.subnets().isEmpty()) {
            return region.subnets();
        }
        return lookUp(region, account).stream().map(PrivateSubnet::subnetId).toList();
    }

    /**
     * Every private subnet of the region's {@code vpc}, with its AZ, sorted by AZ then id (cached like
     * {@link #privateSubnets}; ignores {@code subnets}).
     */
    public List<PrivateSubnet> lookUp(RegionSettings region, String account) {
        String vpc = region.vpc().orElseThrow(() -> new IllegalArgumentException(
                "region " + region.region() + " has no vpc: only the user's own VPC has subnets to look up"));
        String key = cacheKey(account, region.region(), vpc);
        Optional<JsonNode> cached = cache.get(key);
        if (cached.isPresent()) {
            List<PrivateSubnet> subnets = fromJson(region.region(), key, cached.get());
            requireAzs(region.region(), vpc, subnets, " (cached in " + cache.file().getFileName() + "; delete the key "
                    + key + " to look again)");
            return subnets;
        }
        List<PrivateSubnet> subnets = fromEc2(region.region(), vpc, account);
        requireAzs(region.region(), vpc, subnets, "");
        cache.put(key, toJson(subnets));
        return subnets;
    }

    private List<PrivateSubnet> fromEc2(String region, String vpc, String account) {
        String where = "regions." + region + ".vpc: ";
        String fix = "; configure AWS credentials for account " + account + ", or list the subnets to use with "
                + "subnets: [...] in agc.yaml";
        try (StsClient sts = aws.sts(region); Ec2Client ec2 = aws.ec2(region)) {
            String caller = sts.getCallerIdentity().account();
            if (!account.equals(caller)) {
                throw new SettingsException(where + "cannot look up the private subnets of " + vpc + ": the AWS "
                        + "credentials are for account " + caller + ", not " + account + "; use credentials for "
                        + account + ", or correct account: in agc.yaml");
            }
            try {
                ec2.describeVpcs(r -> r.vpcIds(vpc));
            } catch (Ec2Exception e) {
                if (e.awsErrorDetails() != null && "InvalidVpcID.NotFound".equals(e.awsErrorDetails().errorCode())) {
                    throw new SettingsException(where + vpc + " does not exist in account " + account + ", region "
                            + region + "; check the VPC id and the region");
                }
                throw e;
            }
            Filter inVpc = Filter.builder().name("vpc-id").values(vpc).build();
            List<Subnet> subnets = new ArrayList<>();
            ec2.describeSubnetsPaginator(r -> r.filters(inVpc)).subnets().forEach(subnets::add);
            List<RouteTable> tables = new ArrayList<>();
            ec2.describeRouteTablesPaginator(r -> r.filters(inVpc)).routeTables().forEach(tables::add);
            if (subnets.isEmpty()) {
                throw new SettingsException(where + vpc + " has no subnets; add private subnets in at least "
                        + MIN_AZS + " Availability Zones");
            }
            return privateOf(subnets, tables);
        } catch (SdkException e) {
            throw new SettingsException(where + "cannot look up the private subnets of " + vpc + " ("
                    + dev.agcinfra.aws.AwsErrors.brief(e) + ")" + fix);
        }
    }

    /** The subnets whose route table has no default route to an internet gateway, sorted by AZ then id. */
    static List<PrivateSubnet> privateOf(List<Subnet> subnets, List<RouteTable> tables) {
        Map<String, RouteTable> explicit = new HashMap<>();
        RouteTable main = null;
        for (RouteTable table : tables) {
            for (RouteTableAssociation association : table.associations()) {
                if (Boolean.TRUE.equals(association.main())) {
                    main = table;
                } else if (association.subnetId() != null) {
                    explicit.put(association.subnetId(), table);
                }
            }
        }
        List<PrivateSubnet> result = new ArrayList<>();
        for (Subnet subnet : subnets) {
            RouteTable table = explicit.getOrDefault(subnet.subnetId(), main);
            if (table == null || !routesToInternetGateway(table)) {
                result.add(new PrivateSubnet(subnet.subnetId(), subnet.availabilityZone()));
            }
        }
        result.sort(Comparator.comparing(PrivateSubnet::availabilityZone).thenComparing(PrivateSubnet::subnetId));
        return result;
    }

    private static boolean routesToInternetGateway(RouteTable table) {
        for (Route route : table.routes()) {
            if ("0.0.0.0/0".equals(route.destinationCidrBlock()) && route.gatewayId() != null
                    && route.gatewayId().startsWith("igw-")) {
                return true;
            }
        }
        return false;
    }

    private static void requireAzs(String region, String vpc, List<PrivateSubnet> subnets, String cacheNote) {
        Map<String, List<String>> byAz = subnets.stream().collect(Collectors.groupingBy(
                PrivateSubnet::availabilityZone, TreeMap::new,
                Collectors.mapping(PrivateSubnet::subnetId, Collectors.toList())));
        if (byAz.size() >= MIN_AZS) {
            return;
        }
        String found = byAz.isEmpty() ? "no private subnets (every subnet routes 0.0.0.0/0 to an internet gateway)"
                : "private subnets in only " + byAz.size() + " Availability Zone" + (byAz.size() == 1 ? "" : "s") + " ("
                        + byAz.entrySet().stream().map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                                .collect(Collectors.joining("; ")) + ")";
        throw new SettingsException("regions." + region + ".vpc: " + vpc + " has " + found + cacheNote
                + "; AGC needs private subnets in at least " + MIN_AZS + " AZs: add them to the VPC, or list the "
                + "subnets to use with subnets: [...] in agc.yaml");
    }

    private static JsonNode toJson(List<PrivateSubnet> subnets) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (PrivateSubnet s : subnets) {
            ObjectNode o = array.addObject();
            o.put("subnetId", s.subnetId());
            o.put("availabilityZone", s.availabilityZone());
        }
        return array;
    }

    /**
     * The cached answer, checked as strictly as the settings: every item a {@code subnetId} that is a subnet id and an
     * {@code availabilityZone} of the region, each subnet once. The file is committed and arrives through pull
     * requests, and what it holds becomes Terraform, so an entry that is not such an answer is not used: the problem
     * names the file, the key and the fix.
     */
    private List<PrivateSubnet> fromJson(String region, String key, JsonNode node) {
        String fix = "; delete the key " + key + " from " + cache.file() + " to look it up again";
        if (!node.isArray()) {
            throw new SettingsException(cache.file() + ": the entry " + key + " is not a list of "
                    + "{\"subnetId\", \"availabilityZone\"}" + fix);
        }
        List<PrivateSubnet> subnets = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            JsonNode id = item.get("subnetId");
            JsonNode az = item.get("availabilityZone");
            String where = cache.file() + ": the entry " + key + ", item " + i + ": ";
            if (id == null || !id.isTextual() || az == null || !az.isTextual()) {
                throw new SettingsException(where + "is not {\"subnetId\": \"subnet-...\", \"availabilityZone\": \""
                        + region + "a\"}" + fix);
            }
            if (!AwsNames.isResourceId("subnet", id.asText())) {
                throw new SettingsException(where + "subnetId " + quoted(id.asText()) + " is not a subnet id (subnet- and "
                        + "8 or 17 lowercase hex digits)" + fix);
            }
            if (!AwsNames.isAvailabilityZone(region, az.asText())) {
                throw new SettingsException(where + "availabilityZone " + quoted(az.asText()) + " is not an Availability "
                        + "Zone of " + region + " (such as " + region + "a)" + fix);
            }
            if (!seen.add(id.asText())) {
                throw new SettingsException(where + "subnetId " + id.asText() + " is listed twice" + fix);
            }
            subnets.add(new PrivateSubnet(id.asText(), az.asText()));
        }
        return subnets;
    }

    /** A value from the cache as JSON writes it (quotes and control characters escaped). */
    private static String quoted(String value) {
        return JsonNodeFactory.instance.textNode(value).toString();
    }
}
