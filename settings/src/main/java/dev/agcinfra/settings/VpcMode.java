package dev.agcinfra.settings;

/** The three ways a region gets its network. */
public enum VpcMode {
    /** A new VPC with public and private subnets, a NAT gateway per AZ and VPC endpoints (the default). */
    PRIVATE_SUBNETS("new-private"),
    /** A new VPC with public subnets only: no NAT gateways, no endpoints. Cheaper, less isolated. */
    PUBLIC_SUBNETS("new-public"),
    /** The user's own VPC, read and never changed. */
    EXISTING("existing");

    private final String label;

    VpcMode(String label) {
        this.label = label;
    }

    /** The short name used in summaries and outputs. */
    public String label() {
        return label;
    }
}
