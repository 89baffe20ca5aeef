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

    /**
     * The tag AWS CDK puts on every subnet it creates, whose value is {@link #cdkLabel()}: {@code Vpc.fromLookup} in
     * AGC's context app tells public subnets from private ones by it (part of the contract,
     * {@code dev.agcinfra.modules.contract.AgcContract}).
     */
    public static final String TAG = "aws-cdk:subnet-type";

    private final String cdkLabel;

    SubnetType(String cdkLabel) {
        this.cdkLabel = cdkLabel;
    }

    /** The value of the {@link #TAG} tag that AGC's context stacks look subnets up by. */
    public String cdkLabel() {
        return cdkLabel;
    }
}
