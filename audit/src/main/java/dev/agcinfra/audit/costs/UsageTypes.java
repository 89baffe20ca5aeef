package dev.agcinfra.audit.costs;

import dev.agcinfra.audit.estimate.Category;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Cost Explorer usage types such as {@code USE1-VpcEndpoint-Hours}, {@code EU-NatGateway-Bytes} or
 * {@code NatGateway-Hours}: an optional billing region prefix, then what is billed.
 *
 * <p>us-east-1 often has no prefix, and eu-west-1's is {@code EU}, not {@code EUW1}, so the region comes from a
 * table of billing codes (shared/reference/aws-prices.md), and the category from the suffix.
 */
public final class UsageTypes {

    /** An optional region prefix: two to four capitals and an optional digit, then a dash. */
    public static final Pattern REGION_PREFIX = Pattern.compile("^([A-Z]{2,4}[0-9]?)-(.+)$");

    /** The region of usage types without a prefix. */
    public static final String NO_PREFIX_REGION = "us-east-1";

    /** Billing region codes, as collected in aws-prices.md. */
    public static final Map<String, String> BILLING_REGIONS = Map.ofEntries(
            Map.entry("USE1", "us-east-1"), Map.entry("USE2", "us-east-2"), Map.entry("USW1", "us-west-1"),
            Map.entry("USW2", "us-west-2"), Map.entry("CAN1", "ca-central-1"), Map.entry("EU", "eu-west-1"),
            Map.entry("EUC1", "eu-central-1"), Map.entry("EUW2", "eu-west-2"), Map.entry("EUW3", "eu-west-3"),
            Map.entry("EUN1", "eu-north-1"), Map.entry("APN1", "ap-northeast-1"), Map.entry("APN2", "ap-northeast-2"),
            Map.entry("APS1", "ap-southeast-1"), Map.entry("APS2", "ap-southeast-2"), Map.entry("APS3", "ap-south-1"),
            Map.entry("SAE1", "sa-east-1"), Map.entry("AFS1", "af-south-1"));

    /** The categories usage types are mapped to, in report order; anything else is {@code other}. */
    public static final List<Category> CATEGORIES = List.of(Category.NAT_GATEWAY_HOURS, Category.NAT_GATEWAY_DATA,
            Category.INTERFACE_ENDPOINT_HOURS, Category.INTERFACE_ENDPOINT_DATA, Category.PUBLIC_IPV4_HOURS);

    /** What each category's usage types end with, after the prefix. */
    private static final Map<String, Category> SUFFIXES = Map.of(
            "NatGateway-Hours", Category.NAT_GATEWAY_HOURS,
            "NatGateway-Bytes", Category.NAT_GATEWAY_DATA,
            "VpcEndpoint-Hours", Category.INTERFACE_ENDPOINT_HOURS,
            "VpcEndpoint-Bytes", Category.INTERFACE_ENDPOINT_DATA,
            "PublicIPv4:InUseAddress", Category.PUBLIC_IPV4_HOURS,
            "PublicIPv4:IdleAddress", Category.PUBLIC_IPV4_HOURS);

    private UsageTypes() {
    }

    /**
     * A usage type taken apart.
     *
     * @param usageType the whole text
     * @param prefix    the region prefix, or {@code null} when there is none
     * @param region    the region, or {@code null} when the prefix is not a known billing code
     * @param suffix    what is billed, e.g. {@code NatGateway-Hours}
     * @param category  the category it maps to, or {@code null} for anything else
     */
    public record UsageType(String usageType, String prefix, String region, String suffix, Category category) {

        public Optional<Category> categoryIfAny() {
            return Optional.ofNullable(category);
        }
    }

    /** Parses a usage type; never fails. */
    public static UsageType parse(String usageType) {
        Matcher m = REGION_PREFIX.matcher(usageType);
        if (m.matches()) {
            String prefix = m.group(1);
            String suffix = m.group(2);
            return new UsageType(usageType, prefix, BILLING_REGIONS.get(prefix), suffix, SUFFIXES.get(suffix));
        }
        return new UsageType(usageType, null, NO_PREFIX_REGION, usageType, SUFFIXES.get(usageType));
    }
}
