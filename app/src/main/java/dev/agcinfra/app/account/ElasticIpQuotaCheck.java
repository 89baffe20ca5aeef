package dev.agcinfra.app.account;

import dev.agcinfra.settings.AvailabilityZones;
import dev.agcinfra.settings.NatGateways;
import dev.agcinfra.app.stacks.RegionStack;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AccountAttribute;

/**
 * The Elastic IP quota for the NAT gateways of a new VPC with private subnets (one per AZ, or {@code natGateways}): the
 * addresses still free must cover the Elastic IPs the stack allocates for them ({@link NatGateways#elasticIps}: one per
 * zonal NAT gateway), less the addresses agc already holds (tagged {@code application-name=agc}: an active core's own).
 * A regional NAT gateway allocates none (AWS assigns its addresses), so nothing is asked of EC2 for it.
 */
final class ElasticIpQuotaCheck {

    private static final String VPC_MAX_ELASTIC_IPS = "vpc-max-elastic-ips";

    private final Ec2Client ec2;

    ElasticIpQuotaCheck(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    void check(String region, NatGateways natGateways, PreflightReport report) {
        if (natGateways.isRegional()) {
            report.note("Elastic IPs: none needed: the regional NAT gateway (natGateways: regional) gets its addresses "
                    + "from AWS, and agc-infra allocates none");
            return;
        }
        int nats = natGateways.elasticIps(AvailabilityZones.forRegion(region));
        Optional<Integer> max = Optional.empty();
        for (AccountAttribute a : ec2.describeAccountAttributes(r -> r.attributeNamesWithStrings(VPC_MAX_ELASTIC_IPS))
                .accountAttributes()) {
            if (VPC_MAX_ELASTIC_IPS.equals(a.attributeName()) && !a.attributeValues().isEmpty()) {
                max = Optional.of(Integer.parseInt(a.attributeValues().get(0).attributeValue()));
            }
        }
        if (max.isEmpty()) {
            report.warn("EC2 did not report the Elastic IP quota (vpc-max-elastic-ips); the " + natGatewaysText(nats)
                    + " need" + (nats == 1 ? "s " : " ") + nats + " free Elastic IP" + (nats == 1 ? "" : "s"));
            return;
        }
        var addresses = ec2.describeAddresses(r -> { }).addresses();
        long used = addresses.size();
        long ours = addresses.stream().filter(a -> a.tags().stream().anyMatch(
                t -> RegionStack.APPLICATION_TAG.equals(t.key()) && RegionStack.APPLICATION_NAME.equals(t.value()))).count();
        long needed = Math.max(0, nats - ours);
        long free = max.get() - used;
        if (free < needed) {
            report.refuse("Elastic IP quota: the " + natGatewaysText(nats) + " need" + (nats == 1 ? "s " : " ") + needed
                    + " new Elastic IP"
                    + (needed == 1 ? "" : "s") + " but only " + Math.max(0, free) + " of " + max.get() + " are free in "
                    + region + " (" + used + " allocated); release unused addresses, request a higher "
                    + "'EC2-VPC Elastic IPs' quota, " + (nats > 1 ? "set natGateways: 1 for " + region + " in the "
                    + "settings file (one NAT gateway), " : "") + "or activate with --usePublicSubnets (no NAT gateways)");
        } else {
            report.note("Elastic IPs: " + needed + " needed for NAT gateways, " + free + " of " + max.get() + " free");
        }
    }

    private static String natGatewaysText(int nats) {
        return nats == 1 ? "1 NAT gateway" : nats + " NAT gateways";
    }
}
