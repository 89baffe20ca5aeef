package dev.agcinfra.audit.cleanup;

import java.util.List;

/**
 * What a VPC holds that must go before it: everything but what AWS created with it (main route table, default
 * security group, default network ACL), which goes with the VPC.
 *
 * @param vpcId the VPC
 * @param parts its parts, each with whether it carries the tag
 */
public record VpcContents(String vpcId, List<Part> parts) {

    public VpcContents {
        parts = List.copyOf(parts);
    }

    /**
     * One part of a VPC.
     *
     * @param operation how it is deleted
     * @param type      {@code vpc-endpoint}, {@code security-group}, {@code route-table}, {@code subnet},
     *                  {@code internet-gateway}
     * @param id        its id
     * @param tagged    whether it carries the tag (an untagged part keeps the VPC)
     */
    public record Part(Operation operation, String type, String id, boolean tagged) {
    }
}
