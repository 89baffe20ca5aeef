package dev.agcinfra.audit.estimate;

import dev.agcinfra.audit.estimate.StackInventory.ElasticIp;
import dev.agcinfra.audit.estimate.StackInventory.GatewayEndpoint;
import dev.agcinfra.audit.estimate.StackInventory.InterfaceEndpoint;
import dev.agcinfra.audit.estimate.StackInventory.NatGateway;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/** Test fixtures: the Terraform JSON under {@code src/test/resources/estimate} and small inventories built in code. */
final class Fixtures {

    private Fixtures() {
    }

    /** A fixture path, e.g. {@code default-us-east-1/cdk.tf.json}. */
    static Path resource(String relative) {
        URL url = Fixtures.class.getResource("/estimate/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no fixture estimate/" + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static StackInventory stack(String region, List<NatGateway> nats, List<ElasticIp> eips,
                                List<InterfaceEndpoint> endpoints, List<GatewayEndpoint> gateways) {
        return new StackInventory("test-" + region, region, null, true, nats, eips, endpoints, gateways, List.of());
    }

    static StackInventory natOnly(String region) {
        return stack(region, List.of(nat("aws_nat_gateway.nat")), List.of(), List.of(), List.of());
    }

    /** A NAT gateway whose public IP is not an EIP of the stack, so it is priced on its own. */
    static NatGateway nat(String address) {
        return new NatGateway(address, Count.ONE, false, List.of(), 0);
    }

    static InterfaceEndpoint endpoint(String address, int azs) {
        return new InterfaceEndpoint(address, "com.amazonaws.us-east-1.logs", Count.ONE, Count.of(azs));
    }

    static StackInventory endpointOnly(String region, int azs) {
        return stack(region, List.of(), List.of(), List.of(endpoint("aws_vpc_endpoint.logs", azs)), List.of());
    }

    static BigDecimal usd(String value) {
        return new BigDecimal(value);
    }
}
