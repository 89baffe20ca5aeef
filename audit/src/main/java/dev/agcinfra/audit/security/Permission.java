package dev.agcinfra.audit.security;

import java.util.Locale;
import java.util.Objects;

/**
 * One source of one security group rule: a protocol and port range, in or out, from one CIDR, security group or
 * prefix list.
 *
 * @param ingress  in (true) or out
 * @param protocol {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}, {@code -1} (all) or a protocol number
 * @param fromPort the first port, -1 when the rule is for every port
 * @param toPort   the last port, -1 when the rule is for every port
 * @param source   a CIDR ({@code 0.0.0.0/0}, {@code 10.0.0.0/16}), a security group ({@code sg-...}, {@code self}),
 *                 a prefix list ({@code pl-...}), or in a stack an expression that is not resolved
 * @param origin   in a stack, the address of the resource that defines the rule; {@code null} live
 */
public record Permission(boolean ingress, String protocol, int fromPort, int toPort, String source, String origin) {

    /** Every IPv4 address. */
    public static final String ANY_IPV4 = "0.0.0.0/0";
    /** Every IPv6 address. */
    public static final String ANY_IPV6 = "::/0";

    public Permission {
        protocol = normalizeProtocol(protocol);
        Objects.requireNonNull(source, "source must be non-null");
        if ("-1".equals(protocol)) {
            fromPort = -1;
            toPort = -1;
        }
    }

    /** Whether anyone on the internet is the source. */
    public boolean fromAnywhere() {
        return ANY_IPV4.equals(source) || ANY_IPV6.equals(source);
    }

    /** Whether the rule is for every port (every protocol, or a port range of -1 or 0 to 65535). */
    public boolean allPorts() {
        return "-1".equals(protocol) || fromPort < 0 || (fromPort == 0 && toPort >= 65535);
    }

    /** Whether {@code port} is in the rule's range (TCP or UDP, or every protocol). */
    public boolean covers(int port) {
        if (allPorts()) {
            return true;
        }
        return (protocol.equals("tcp") || protocol.equals("udp")) && fromPort <= port && port <= toPort;
    }

    /** {@code tcp/22}, {@code tcp/1024-2048}, {@code all traffic}, {@code icmp}. */
    public String ports() {
        if ("-1".equals(protocol)) {
            return "all traffic";
        }
        if (fromPort < 0 || !(protocol.equals("tcp") || protocol.equals("udp"))) {
            return protocol;
        }
        return protocol + "/" + (fromPort == toPort ? Integer.toString(fromPort) : fromPort + "-" + toPort);
    }

    /** {@code tcp/22 from 0.0.0.0/0}, {@code all traffic to 0.0.0.0/0}. */
    public String describe() {
        return ports() + (ingress ? " from " : " to ") + source;
    }

    /** AWS and Terraform spell protocols by name or number, and "all" as -1. */
    static String normalizeProtocol(String protocol) {
        String p = protocol == null ? "-1" : protocol.trim().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "", "all", "-1" -> "-1";
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            case "58" -> "icmpv6";
            default -> p;
        };
    }
}
