package dev.agcinfra.audit.costs;

import java.util.List;

/**
 * What CloudWatch answered for one NAT gateway: the sums of its outbound byte metrics over the window.
 *
 * @param region       the gateway's region
 * @param natGatewayId the gateway
 * @param byteSums     every datapoint of BytesOutToDestination and BytesOutToSource (none when it sent nothing)
 * @param days         the window's length
 */
public record NatMetrics(String region, String natGatewayId, List<Double> byteSums, int days) {

    public NatMetrics {
        byteSums = List.copyOf(byteSums);
    }
}
