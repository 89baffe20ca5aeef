package dev.agcinfra.audit.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A VPC AGC runs in.
 *
 * @param id               the VPC id, or its Terraform address
 * @param cidr             its primary IPv4 CIDR ({@code null} when not literal in a stack)
 * @param flowLogs         whether any flow log records its traffic
 * @param publicSubnetMode whether its subnets are all public and map public IPv4 addresses (usePublicSubnets)
 * @param tags             its tags
 */
public record VpcItem(String id, String cidr, boolean flowLogs, boolean publicSubnetMode, Map<String, String> tags)
        implements Checkable {

    public VpcItem {
        tags = Map.copyOf(tags);
    }

    @Override
    public String resourceType() {
        return "aws_vpc";
    }

    @Override
    public String label() {
        return "VPC " + id;
    }

    @Override
    public Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (cidr != null) {
            attributes.put("cidr_block", cidr);
        }
        return attributes;
    }
}
