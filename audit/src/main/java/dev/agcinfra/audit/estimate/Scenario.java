package dev.agcinfra.audit.estimate;

import dev.agcinfra.audit.estimate.StackInventory.ElasticIp;
import dev.agcinfra.audit.estimate.StackInventory.NatGateway;
import dev.agcinfra.settings.NatGateways;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The network layouts {@code --compare} prices side by side, each derived from the synthesized stack.
 *
 * <p>The ids are part of the JSON and CSV formats: never rename them.
 */
public enum Scenario {
    /** As synthesized: private subnets, a NAT gateway and its EIP per AZ, interface endpoints. */
    PRIVATE_SUBNETS("private-subnets", "Private subnets (as synthesized)"),
    /** {@code usePublicSubnets: true}: public subnets only, no NAT gateway, EIP or endpoint. */
    PUBLIC_SUBNETS("public-subnets", "Public subnets only"),
    /**
     * {@code natGateways: 1}: the NAT gateway and EIP that layout keeps (the first AZ's, by {@link NatGateways}, the
     * rule the synth's {@code AgcVpc} places gateways by), with the same endpoints.
     */
    SINGLE_NAT_GATEWAY("single-nat-gateway", "One shared NAT gateway");

    private final String id;
    private final String title;

    Scenario(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /**
     * The stack as it would be in this scenario, or empty when it cannot be derived from what was synthesized
     * (a stack synthesized with public subnets only says nothing about its private layout).
     */
    public Optional<StackInventory> apply(StackInventory stack) {
        boolean privateLayout = !stack.natGateways().isEmpty() || !stack.interfaceEndpoints().isEmpty();
        return switch (this) {
            case PRIVATE_SUBNETS -> privateLayout ? Optional.of(stack) : Optional.empty();
            case PUBLIC_SUBNETS -> Optional.of(publicOnly(stack));
            case SINGLE_NAT_GATEWAY -> stack.natGateways().isEmpty() ? Optional.empty()
                    : Optional.of(withNatGateways(stack, NatGateways.of(1)));
        };
    }

    /** Why {@link #apply} found nothing to derive. */
    public String notDerivable() {
        return "the stack was synthesized without private subnets (usePublicSubnets); synthesize it without "
                + "usePublicSubnets to price this layout";
    }

    private static StackInventory publicOnly(StackInventory stack) {
        Set<String> natEips = natEips(stack.natGateways());
        List<ElasticIp> eips = stack.elasticIps().stream().filter(e -> !natEips.contains(e.address())).toList();
        List<StackInventory.Unsupported> unsupported = stack.unsupported().stream()
                .filter(u -> !u.address().startsWith("aws_vpc_endpoint")).toList();
        return new StackInventory(stack.stack(), stack.region(), stack.regionProblem(), stack.createsVpc(),
                List.of(), eips, List.of(), List.of(), unsupported, stack.flowLogs());
    }

    /**
     * The stack with the NAT gateways {@code layout} keeps, each once, and their EIPs. The stack's gateways stand for
     * its AZs in order, as {@code AgcVpc} synthesizes them (the gateway of the first AZ first), so the gateways kept
     * are those {@link NatGateways#hostsGateway} places; the other gateways' EIPs go with them.
     */
    private static StackInventory withNatGateways(StackInventory stack, NatGateways layout) {
        int azs = stack.natGateways().size();
        List<NatGateway> kept = new ArrayList<>();
        Set<String> keptEips = new HashSet<>();
        for (int az = 0; az < azs; az++) {
            if (layout.hostsGateway(az, azs)) {
                NatGateway nat = stack.natGateways().get(az);
                kept.add(new NatGateway(nat.address(), Count.ONE, nat.publicConnectivity(), nat.elasticIpAddresses(),
                        nat.otherPublicIps(), nat.regional()));
                keptEips.addAll(nat.elasticIpAddresses());
            }
        }
        Set<String> natEips = natEips(stack.natGateways());
        List<ElasticIp> eips = new ArrayList<>();
        for (ElasticIp eip : stack.elasticIps()) {
            if (!natEips.contains(eip.address())) {
                eips.add(eip);
            } else if (keptEips.contains(eip.address())) {
                eips.add(new ElasticIp(eip.address(), Count.ONE));
            }
        }
        return new StackInventory(stack.stack(), stack.region(), stack.regionProblem(), stack.createsVpc(),
                kept, eips, stack.interfaceEndpoints(), stack.gatewayEndpoints(), stack.unsupported(),
                stack.flowLogs());
    }

    private static Set<String> natEips(List<NatGateway> nats) {
        Set<String> eips = new HashSet<>();
        nats.forEach(n -> eips.addAll(n.elasticIpAddresses()));
        return eips;
    }
}
