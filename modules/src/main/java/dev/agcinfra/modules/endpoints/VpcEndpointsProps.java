package dev.agcinfra.modules.endpoints;

import dev.agcinfra.modules.network.INetwork;
import java.util.List;
import java.util.Objects;

/**
 * Properties of {@link VpcEndpoints}.
 *
 * @param network           the VPC; interface endpoints go into its private subnets, gateway endpoints onto its
 *                          private route tables. Required.
 * @param region            the region, for the service names {@code com.amazonaws.<region>.<service>}. Required.
 * @param gatewayServices   gateway endpoints (free).
 *                          <p>@default {@link VpcEndpoints#DEFAULT_GATEWAY_SERVICES}
 * @param interfaceServices interface endpoints, one network interface per private subnet (AZ), private DNS on.
 *                          <p>@default {@link VpcEndpoints#DEFAULT_INTERFACE_SERVICES}
 */
public record VpcEndpointsProps(INetwork network, String region, List<String> gatewayServices, List<String> interfaceServices) {

    public VpcEndpointsProps {
        Objects.requireNonNull(network, "VpcEndpointsProps.network must be non-null");
        Objects.requireNonNull(region, "VpcEndpointsProps.region must be non-null");
    }
}
