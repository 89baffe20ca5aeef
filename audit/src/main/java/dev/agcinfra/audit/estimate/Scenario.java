package dev.agcinfra.audit.estimate;

import dev.agcinfra.audit.estimate.StackInventory.ElasticIp;
import dev.agcinfra.audit.estimate.StackInventory.NatGateway;
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
    /** Private subnets sharing one NAT gateway and its EIP, with the same endpoints. */
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
            case SINGLE_NAT_GATEWAY -> stack.natGateways().isEmpty() ? Optional.empty() : Optional.of(singleNat(stack));
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

    private static StackInventory singleNat(StackInventory stack) {
        NatGateway first = stack.natGateways().get(0);
        NatGateway shared = new NatGateway(first.address(), Count.ONE, first.publicConnectivity(),
                first.elasticIpAddresses(), first.otherPublicIps());
        Set<String> natEips = natEips(stack.natGateways());
        List<ElasticIp> eips = new ArrayList<>();
        for (ElasticIp eip : stack.elasticIps()) {
            if (!natEips.contains(eip.address())) {
                eips.add(eip);
            } else if (first.elasticIpAddresses().contains(eip.address())) {
                eips.add(new ElasticIp(eip.address(), Count.ONE));
            }
        }
        return new StackInventory(stack.stack(), stack.region(), stack.regionProblem(), stack.createsVpc(),
                List.of(shared), eips, stack.interfaceEndpoints(), stack.gatewayEndpoints(), stack.unsupported(),
                stack.flowLogs());
    }

    private static Set<String> natEips(List<NatGateway> nats) {
        Set<String> eips = new HashSet<>();
        nats.forEach(n -> eips.addAll(n.elasticIpAddresses()));
        return eips;
    }
}
