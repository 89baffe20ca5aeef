package dev.agcinfra.app.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * How AGC's compute in the user's subnets reaches AWS: through a default route ({@code 0.0.0.0/0} to a gateway, NAT
 * gateway, instance, interface, peering or transit gateway) in the subnet's route table (its own, else the VPC's main
 * one), or through the VPC endpoints agc-infra creates in a new VPC. Subnets with neither are refused; missing endpoints
 * alone are a warning (traffic goes through the NAT gateways instead, which costs more).
 */
final class EgressCheck {

    private static final String MAIN = "<main>";

    private final Ec2Client ec2;

    EgressCheck(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    void check(String vpc, String region, List<Subnet> infra, PreflightReport report) {
        List<String> missingEndpoints = missingEndpoints(vpc, region);
        Map<String, RouteTable> tableOf = routeTables(vpc);
        List<String> isolated = new ArrayList<>();
        for (Subnet s : infra) {
            RouteTable table = tableOf.getOrDefault(s.subnetId(), tableOf.get(MAIN));
            if (table == null || !hasDefaultRoute(table)) {
                isolated.add(s.subnetId());
            }
        }
        if (!isolated.isEmpty() && !missingEndpoints.isEmpty()) {
            report.refuse("subnet" + (isolated.size() == 1 ? " " : "s ") + String.join(", ", isolated) + " of " + vpc
                    + " have no route to the internet (no 0.0.0.0/0 route) and the VPC lacks endpoints for "
                    + String.join(", ", missingEndpoints) + "; AGC's compute needs the internet (a NAT gateway) or "
                    + "those VPC endpoints");
        } else if (!missingEndpoints.isEmpty()) {
            report.warn("vpc " + vpc + " has no VPC endpoint for " + String.join(", ", missingEndpoints)
                    + " (recommended: traffic to those services otherwise goes through the NAT gateways, which costs more)");
        }
    }

    /** The recommended endpoints (short names such as {@code ecr.api}) the VPC lacks, gateway endpoints first. */
    private List<String> missingEndpoints(String vpc, String region) {
        Set<String> present = new HashSet<>();
        String prefix = "com.amazonaws." + region + ".";
        for (VpcEndpoint e : ec2.describeVpcEndpointsPaginator(r -> r.filters(inVpc(vpc))).vpcEndpoints()) {
            if (e.serviceName() != null && e.serviceName().startsWith(prefix)) {
                present.add(e.serviceName().substring(prefix.length()));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : Preflight.GATEWAY_ENDPOINTS) {
            if (!present.contains(name)) {
                missing.add(name);
            }
        }
        for (String name : Preflight.INTERFACE_ENDPOINTS) {
            if (!present.contains(name)) {
                missing.add(name);
            }
        }
        return missing;
    }

    /** The VPC's route tables by the subnet they are associated with; the main table under {@value #MAIN}. */
    private Map<String, RouteTable> routeTables(String vpc) {
        Map<String, RouteTable> byKey = new HashMap<>();
        for (RouteTable t : ec2.describeRouteTablesPaginator(r -> r.filters(inVpc(vpc))).routeTables()) {
            for (RouteTableAssociation a : t.associations()) {
                if (Boolean.TRUE.equals(a.main())) {
                    byKey.put(MAIN, t);
                } else if (a.subnetId() != null) {
                    byKey.put(a.subnetId(), t);
                }
            }
        }
        return byKey;
    }

    private static boolean hasDefaultRoute(RouteTable table) {
        for (Route r : table.routes()) {
            if ("0.0.0.0/0".equals(r.destinationCidrBlock()) && (r.natGatewayId() != null
                    || (r.gatewayId() != null && !"local".equals(r.gatewayId())) || r.transitGatewayId() != null
                    || r.instanceId() != null || r.networkInterfaceId() != null || r.vpcPeeringConnectionId() != null)) {
                return true;
            }
        }
        return false;
    }

    private static Filter inVpc(String vpc) {
        return Filter.builder().name("vpc-id").values(vpc).build();
    }
}
