package dev.agcinfra.modules.endpoints;

import dev.agcinfra.modules.naming.AddressedScope;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.vpc_endpoint.VpcEndpoint;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import dev.agcinfra.modules.network.INetwork;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.constructs.Construct;

/**
 * The VPC endpoints AGC's compute needs to reach AWS services without the NAT gateways: gateway endpoints for S3 and
 * DynamoDB on the private route tables, and interface endpoints in the private subnets behind one security group
 * that admits only HTTPS from the VPC's CIDR (and allows no egress: endpoints never initiate connections).
 *
 * <p>Construct ids are the service keys ({@code s3}, {@code ecr.api}, ...), so Terraform names are
 * {@code aws_vpc_endpoint.endpoints_ecr_api}. Unlike AGC, private DNS is on: without it the endpoints are unused
 * and traffic still flows through the NAT gateways.
 */
public final class VpcEndpoints extends Construct {

    /** Gateway endpoints created unless {@link VpcEndpointsProps#gatewayServices()} says otherwise. */
    public static final List<String> DEFAULT_GATEWAY_SERVICES = List.of("s3", "dynamodb");
    /** The interface endpoints AGC creates, unless {@link VpcEndpointsProps#interfaceServices()} says otherwise. */
    public static final List<String> DEFAULT_INTERFACE_SERVICES =
            List.of("logs", "ecr.dkr", "ecr.api", "ecs-agent", "ecs-telemetry", "ecs", "ec2");
    /** Needed when the client calling AGC's API runs in a subnet without internet access. */
    public static final String EXECUTE_API = "execute-api";

    private final INetwork network;
    private final AddressedScope here;
    private final String vpcId;
    private final String securityGroupId;
    private final String region;
    private final SecurityGroup securityGroup;
    private final Map<String, VpcEndpoint> endpoints = new LinkedHashMap<>();

    public VpcEndpoints(Construct scope, String id, VpcEndpointsProps props) {
        super(scope, id);
        this.here = AddressedScope.of(scope).child(this, id);
        this.network = props.network();
        this.region = props.region();
        if (network.privateSubnets().isEmpty()) {
            throw new IllegalArgumentException("VpcEndpoints needs private subnets; the network has none (public-subnets-only mode has no endpoints)");
        }
        this.vpcId = network.vpcId();
        this.securityGroup = here.add("SecurityGroup", (s, n) -> SecurityGroup.Builder.create(s, n)
                .namePrefix("agc-endpoints-")
                .description("AGC interface VPC endpoints: HTTPS from inside the VPC only")
                .vpcId(vpcId)
                .tags(Map.of("Name", here.path()))
                .build());
        this.securityGroupId = securityGroup.getId();
        here.add("HttpsFromVpc", (s, n) -> VpcSecurityGroupIngressRule.Builder.create(s, n)
                .securityGroupId(securityGroupId)
                .description("HTTPS from the VPC")
                .ipProtocol("tcp")
                .fromPort(443)
                .toPort(443)
                .cidrIpv4(network.vpcCidrBlock())
                .build());
        Objects.requireNonNullElse(props.gatewayServices(), DEFAULT_GATEWAY_SERVICES).forEach(this::addGatewayEndpoint);
        Objects.requireNonNullElse(props.interfaceServices(), DEFAULT_INTERFACE_SERVICES).forEach(this::addInterfaceEndpoint);
    }

    /** Adds a gateway endpoint for {@code service} on the network's private route tables. */
    public VpcEndpoint addGatewayEndpoint(String service) {
        return add(service, (s, n) -> VpcEndpoint.Builder.create(s, n)
                .vpcId(vpcId)
                .serviceName(serviceName(service))
                .vpcEndpointType("Gateway")
                .routeTableIds(network.privateRouteTableIds())
                .tags(Map.of("Name", here.path() + "/" + service))
                .build());
    }

    /** Adds an interface endpoint for {@code service} in every private subnet, with private DNS. */
    public VpcEndpoint addInterfaceEndpoint(String service) {
        return add(service, (s, n) -> VpcEndpoint.Builder.create(s, n)
                .vpcId(vpcId)
                .serviceName(serviceName(service))
                .vpcEndpointType("Interface")
                .subnetIds(network.privateSubnets())
                .securityGroupIds(List.of(securityGroupId))
                .privateDnsEnabled(true)
                .tags(Map.of("Name", here.path() + "/" + service))
                .build());
    }

    /** Endpoints by service key, in creation order. */
    public Map<String, VpcEndpoint> endpoints() {
        return Collections.unmodifiableMap(endpoints);
    }

    /** The endpoints' security group. */
    public SecurityGroup securityGroup() {
        return securityGroup;
    }

    private VpcEndpoint add(String service, AddressedScope.ElementFactory<VpcEndpoint> factory) {
        if (endpoints.containsKey(service)) {
            throw new IllegalArgumentException("VpcEndpoints: a '" + service + "' endpoint exists already");
        }
        VpcEndpoint endpoint = here.add(service, factory);
        endpoints.put(service, endpoint);
        return endpoint;
    }

    private String serviceName(String service) {
        return "com.amazonaws." + region + "." + service;
    }
}
