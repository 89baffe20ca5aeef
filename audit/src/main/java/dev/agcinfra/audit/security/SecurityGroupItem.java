package dev.agcinfra.audit.security;

import java.util.List;
import java.util.Map;

/**
 * A security group of an AGC VPC with its rules.
 *
 * @param id          the group id, or its Terraform address
 * @param name        its name ({@code default} for the default group; {@code null} when not known)
 * @param vpcId       its VPC
 * @param vpcCidrs    the VPC's IPv4 CIDRs (in a stack, also the expression naming the VPC's CIDR), for the endpoint
 *                    group's rule
 * @param role        what agc-infra uses it for
 * @param permissions its rules, one source each
 * @param tags        its tags
 * @param note        how findings name it beyond the id, or {@code null}
 */
public record SecurityGroupItem(String id, String name, String vpcId, List<String> vpcCidrs, Role role,
        List<Permission> permissions, Map<String, String> tags, String note) implements Checkable {

    /** What a security group is to agc-infra. */
    public enum Role {
        /** The VPC's default group: agc-infra adopts it with no rules. */
        DEFAULT,
        /** The group of AGC's interface endpoints: TCP 443 from the VPC only. */
        ENDPOINTS,
        /** Any other group in an AGC VPC. */
        OTHER
    }

    public SecurityGroupItem {
        vpcCidrs = List.copyOf(vpcCidrs);
        permissions = List.copyOf(permissions);
        tags = Map.copyOf(tags);
    }

    @Override
    public String resourceType() {
        return role == Role.DEFAULT ? "aws_default_security_group" : "aws_security_group";
    }

    @Override
    public String label() {
        String what = role == Role.DEFAULT ? "default security group " : role == Role.ENDPOINTS
                ? "endpoint security group " : "security group ";
        String named = name != null && !name.equals("default") && !id.contains(name) ? " (" + name + ")" : "";
        return what + id + named + (note == null ? "" : " " + note);
    }

    @Override
    public Map<String, String> attributes() {
        return Map.of();
    }
}
