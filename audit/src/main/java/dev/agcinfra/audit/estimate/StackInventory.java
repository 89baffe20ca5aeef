package dev.agcinfra.audit.estimate;

import java.util.List;
import java.util.Objects;

/**
 * What one synthesized stack creates that bills by the hour, read from its Terraform JSON. Pure data: no prices.
 *
 * @param stack the stack name ({@code agc-core-us-east-1})
 * @param region the AWS region of the stack's provider, or {@code null} when it is not a literal
 * @param regionProblem why the region is unknown, else {@code null}
 * @param createsVpc whether the stack creates its own VPC ({@code aws_vpc}); only such stacks are compared
 * @param natGateways the {@code aws_nat_gateway} resources
 * @param elasticIps the {@code aws_eip} resources
 * @param interfaceEndpoints the {@code aws_vpc_endpoint} resources of type {@code Interface}
 * @param gatewayEndpoints the {@code aws_vpc_endpoint} resources of type {@code Gateway} (free)
 * @param unsupported resources that bill but that this tool cannot price (reported as unknown)
 * @param flowLogs the {@code aws_flow_log} resources that deliver to CloudWatch Logs (billed by what they ingest)
 */
public record StackInventory(
        String stack,
        String region,
        String regionProblem,
        boolean createsVpc,
        List<NatGateway> natGateways,
        List<ElasticIp> elasticIps,
        List<InterfaceEndpoint> interfaceEndpoints,
        List<GatewayEndpoint> gatewayEndpoints,
        List<Unsupported> unsupported,
        List<FlowLog> flowLogs) {

    public StackInventory {
        Objects.requireNonNull(stack, "stack must be non-null");
        if ((region == null) == (regionProblem == null)) {
            throw new IllegalArgumentException("a stack has either a region or a region problem: " + stack);
        }
        natGateways = List.copyOf(natGateways);
        elasticIps = List.copyOf(elasticIps);
        interfaceEndpoints = List.copyOf(interfaceEndpoints);
        gatewayEndpoints = List.copyOf(gatewayEndpoints);
        unsupported = List.copyOf(unsupported);
        flowLogs = List.copyOf(flowLogs);
    }

    /** A stack without flow logs. */
    public StackInventory(String stack, String region, String regionProblem, boolean createsVpc,
                          List<NatGateway> natGateways, List<ElasticIp> elasticIps,
                          List<InterfaceEndpoint> interfaceEndpoints, List<GatewayEndpoint> gatewayEndpoints,
                          List<Unsupported> unsupported) {
        this(stack, region, regionProblem, createsVpc, natGateways, elasticIps, interfaceEndpoints, gatewayEndpoints,
                unsupported, List.of());
    }

    /** Whether anything in the stack bills by the hour or is worth listing. */
    public boolean isEmpty() {
        return natGateways.isEmpty() && elasticIps.isEmpty() && interfaceEndpoints.isEmpty()
                && gatewayEndpoints.isEmpty() && unsupported.isEmpty() && flowLogs.isEmpty();
    }

    /**
     * An {@code aws_nat_gateway}.
     *
     * @param address the Terraform address, {@code aws_nat_gateway.<name>}
     * @param count how many ({@code count} meta-argument)
     * @param publicConnectivity whether it has public IPs ({@code connectivity_type} absent or {@code public})
     * @param elasticIpAddresses the {@code aws_eip.<name>} addresses of this stack that it uses (primary and
     *     secondary allocations, or a regional one's {@code availability_zone_address} allocations); those are priced
     *     with the EIP, never twice
     * @param otherPublicIps per gateway, public IPs not from an EIP of this stack (an allocation id given as a
     *     literal, or, for a zonal gateway, none given)
     * @param regional whether it is a regional NAT gateway ({@code availability_mode = "regional"}), which bills
     *     otherwise than a zonal one
     */
    public record NatGateway(String address, Count count, boolean publicConnectivity, List<String> elasticIpAddresses,
                             int otherPublicIps, boolean regional) {
        public NatGateway {
            elasticIpAddresses = List.copyOf(elasticIpAddresses);
        }

        /** A zonal NAT gateway (the default {@code availability_mode}). */
        public NatGateway(String address, Count count, boolean publicConnectivity, List<String> elasticIpAddresses,
                          int otherPublicIps) {
            this(address, count, publicConnectivity, elasticIpAddresses, otherPublicIps, false);
        }

        /**
         * Whether AWS assigns its public addresses: a regional NAT gateway in automatic mode (no
         * {@code availability_zone_address} allocations), whose number of addresses is known only after apply.
         */
        public boolean awsAssignsAddresses() {
            return regional && elasticIpAddresses.isEmpty() && otherPublicIps == 0;
        }
    }

    /** An {@code aws_eip}: a public IPv4 address billed whether in use or idle. */
    public record ElasticIp(String address, Count count) {
    }

    /**
     * An interface VPC endpoint, billed per AZ.
     *
     * @param service the {@code service_name}, e.g. {@code com.amazonaws.us-east-1.logs}
     * @param azs the number of subnets ({@code subnet_ids} entries plus subnet associations), i.e. AZs
     */
    public record InterfaceEndpoint(String address, String service, Count count, Count azs) {
    }

    /** A gateway VPC endpoint (S3, DynamoDB): free. */
    public record GatewayEndpoint(String address, String service, Count count) {
    }

    /** An {@code aws_flow_log} delivering to CloudWatch Logs: billed per GB ingested. */
    public record FlowLog(String address, Count count) {
    }

    /** A resource that bills but is not priced here, e.g. a Gateway Load Balancer endpoint. */
    public record Unsupported(String address, Category category, String reason) {
    }
}
