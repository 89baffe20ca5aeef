package dev.agcinfra.audit.cleanup;

import dev.agcinfra.audit.provenance.Owner;
import dev.agcinfra.audit.provenance.Provenance;
import java.util.List;

/**
 * What a VPC holds that must go before it (everything but what AWS created with it: main route table, default
 * security group, default network ACL, which go with the VPC), and every network interface in it.
 *
 * @param vpcId      the VPC
 * @param parts      its parts, each with its provenance
 * @param interfaces every network interface in the VPC, each with the agc resource it belongs to, if any
 */
public record VpcContents(String vpcId, List<Part> parts, List<NetworkInterface> interfaces) {

    public VpcContents {
        parts = List.copyOf(parts);
        interfaces = List.copyOf(interfaces);
    }

    /**
     * One part of a VPC.
     *
     * @param operation  how it is deleted
     * @param type       {@code natgateway}, {@code elastic-ip}, {@code vpc-endpoint}, {@code security-group},
     *                   {@code route-table}, {@code subnet}, {@code internet-gateway}
     * @param id         its id
     * @param provenance who created it (only agc-infra's parts are deleted; any other keeps the VPC)
     */
    public record Part(Operation operation, String type, String id, Provenance provenance) {

        /** Whether agc-infra provably created it. */
        public boolean agcCreated() {
            return provenance.owner() == Owner.AGC;
        }
    }

    /**
     * A network interface in the VPC.
     *
     * @param id          its id
     * @param description what AWS or its creator says it is
     * @param interfaceType the interface type AWS gives ({@code interface}, {@code nat_gateway}, {@code lambda}, ...)
     * @param belongsTo   the agc-infra NAT gateway or endpoint it belongs to, deleted with it; {@code null} for an
     *                    interface of anything else, which keeps the VPC
     */
    public record NetworkInterface(String id, String description, String interfaceType, String belongsTo) {

        /** {@code eni-0123 ("Interface for ..." , lambda)}. */
        public String describe() {
            return id + " (" + (description == null || description.isBlank() ? "no description" : "\"" + description
                    + "\"") + (interfaceType == null ? "" : ", type " + interfaceType) + ")";
        }
    }

    /** The interfaces that belong to nothing agc-infra deletes with the VPC. */
    public List<NetworkInterface> foreignInterfaces() {
        return interfaces.stream().filter(i -> i.belongsTo() == null).toList();
    }

    /** The interfaces that go with agc-infra's NAT gateways and endpoints. */
    public List<String> agcInterfaces() {
        return interfaces.stream().filter(i -> i.belongsTo() != null).map(NetworkInterface::id).toList();
    }

    /** The parts not provably created by agc-infra. */
    public List<Part> foreignParts() {
        return parts.stream().filter(p -> !p.agcCreated()).toList();
    }
}
