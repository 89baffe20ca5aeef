package dev.agcinfra.modules.network;

/** How a subnet group reaches the internet. */
public enum SubnetType {
    /**
     * Routes 0.0.0.0/0 to the internet gateway and gives instances public IPs on launch.
     *
     * <p>Every public IPv4 address bills by the hour ($0.005 in every region since 2024-02-01).
     */
    PUBLIC("Public"),
    /**
     * Routes 0.0.0.0/0 to the NAT gateway in the subnet's own AZ.
     *
     * <p>Be aware that you will be charged for NAT gateways: by the hour, per GB processed, and for their public IPv4 address.
     */
    PRIVATE_WITH_EGRESS("Private");

    private final String cdkLabel;

    SubnetType(String cdkLabel) {
        this.cdkLabel = cdkLabel;
    }

    /** The value of the {@code aws-cdk:subnet-type} tag that AGC's context stacks look subnets up by. */
    public String cdkLabel() {
        return cdkLabel;
    }
}
