package dev.agcinfra.audit.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A subnet of an AGC VPC.
 *
 * @param id                  the subnet id, or its Terraform address
 * @param vpcId               its VPC
 * @param cidr                its IPv4 CIDR ({@code null} when not literal in a stack)
 * @param type                public or private, from the {@code aws-cdk:subnet-type} tag agc-infra (like AWS CDK)
 *                            puts on it
 * @param mapPublicIpOnLaunch whether instances launched in it get a public IPv4 address
 * @param tags                its tags
 */
public record SubnetItem(String id, String vpcId, String cidr, Type type, boolean mapPublicIpOnLaunch,
        Map<String, String> tags) implements Checkable {

    /** The tag agc-infra and AWS CDK give a subnet's type: {@code Public}, {@code Private} or {@code Isolated}. */
    public static final String TYPE_TAG = "aws-cdk:subnet-type";

    /** What a subnet is for. */
    public enum Type {
        PUBLIC, PRIVATE, UNKNOWN;

        /** From the {@code aws-cdk:subnet-type} tag's value: {@code Public}; {@code Private} or {@code Isolated}. */
        public static Type fromTag(String value) {
            if (value == null) {
                return UNKNOWN;
            }
            return switch (value) {
                case "Public" -> PUBLIC;
                case "Private", "Isolated" -> PRIVATE;
                default -> UNKNOWN;
            };
        }
    }

    public SubnetItem {
        tags = Map.copyOf(tags);
    }

    @Override
    public String resourceType() {
        return "aws_subnet";
    }

    @Override
    public String label() {
        return (type == Type.PRIVATE ? "private subnet " : type == Type.PUBLIC ? "public subnet " : "subnet ") + id;
    }

    /** The CIDR, and whether public IPs are mapped unless the subnet is private (that is the rule's to check). */
    @Override
    public Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (cidr != null) {
            attributes.put("cidr_block", cidr);
        }
        if (type != Type.PRIVATE) {
            attributes.put("map_public_ip_on_launch", Boolean.toString(mapPublicIpOnLaunch));
        }
        return attributes;
    }
}
