package dev.agcinfra.audit.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A VPC endpoint of an AGC VPC.
 *
 * @param id         the endpoint id, or its Terraform address
 * @param vpcId      its VPC
 * @param service    the service name, e.g. {@code com.amazonaws.us-east-1.logs}
 * @param type       {@code Interface}, {@code Gateway}, ...
 * @param privateDns whether private DNS is on (interface endpoints)
 * @param tags       its tags
 */
public record EndpointItem(String id, String vpcId, String service, String type, boolean privateDns,
        Map<String, String> tags) implements Checkable {

    public EndpointItem {
        tags = Map.copyOf(tags);
    }

    public boolean isInterface() {
        return "Interface".equalsIgnoreCase(type);
    }

    @Override
    public String resourceType() {
        return "aws_vpc_endpoint";
    }

    @Override
    public String label() {
        return (isInterface() ? "interface endpoint " : "endpoint ") + id + (service == null ? "" : " (" + service + ")");
    }

    @Override
    public Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (service != null) {
            attributes.put("service_name", service);
        }
        if (type != null) {
            attributes.put("vpc_endpoint_type", type);
        }
        return attributes;
    }
}
