package dev.agcinfra.modules.network;

import java.util.Objects;

/**
 * A group of subnets, one per availability zone, e.g. {@code Public} or {@code Private}.
 *
 * @param name the group name: the prefix of its construct ids ({@code PublicSubnet1}) and the {@code aws-cdk:subnet-name} tag
 * @param type how its subnets route
 */
public record SubnetGroup(String name, SubnetType type) {

    public SubnetGroup {
        Objects.requireNonNull(name, "name must be non-null");
        Objects.requireNonNull(type, "type must be non-null");
    }

    /** The construct id of this group's subnet in the i-th AZ (counting from 1): {@code PublicSubnet1}. */
    public String subnetId(int azNumber) {
        return name + "Subnet" + azNumber;
    }
}
