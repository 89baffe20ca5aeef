package dev.agcinfra.modules.network;

import java.util.ArrayList;
import java.util.List;

/**
 * An IPv4 CIDR block and how AWS CDK splits it among subnets: every subnet gets the same size, the largest power of
 * two that fits them all, allocated in order from the start of the block (public groups first). With 6 subnets in a
 * /16 that is /19s (10.0.192.0/18 stays free); with 3, /18s.
 */
public record Cidr(long network, int prefix) {

    public Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("CIDR prefix must be 0-32, got " + prefix);
        }
        if ((network & ~mask(prefix)) != 0) {
            throw new IllegalArgumentException("CIDR network has host bits set: " + format(network) + "/" + prefix);
        }
    }

    /** Parses {@code 10.0.0.0/16}. */
    public static Cidr parse(String cidr) {
        String[] parts = cidr.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not an IPv4 CIDR block: '" + cidr + "' (expected e.g. 10.0.0.0/16)");
        }
        String[] octets = parts[0].split("\\.");
        if (octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 CIDR block: '" + cidr + "' (expected e.g. 10.0.0.0/16)");
        }
        long address = 0;
        for (String octet : octets) {
            int value = Integer.parseInt(octet);
            if (value < 0 || value > 255) {
                throw new IllegalArgumentException("not an IPv4 CIDR block: '" + cidr + "'");
            }
            address = (address << 8) | value;
        }
        return new Cidr(address, Integer.parseInt(parts[1]));
    }

    /**
     * Splits this block into {@code count} equal subnets, as AWS CDK's {@code Vpc} does by default.
     *
     * @throws IllegalArgumentException when they would be smaller than /28, the smallest subnet AWS allows
     */
    public List<Cidr> split(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("subnet count must be at least 1, got " + count);
        }
        int extraBits = 32 - Integer.numberOfLeadingZeros(count - 1);
        int subnetPrefix = prefix + extraBits;
        if (subnetPrefix > 28) {
            throw new IllegalArgumentException(count + " subnets do not fit in " + this + " (each would be smaller than /28)");
        }
        List<Cidr> subnets = new ArrayList<>(count);
        long size = 1L << (32 - subnetPrefix);
        for (int i = 0; i < count; i++) {
            subnets.add(new Cidr(network + i * size, subnetPrefix));
        }
        return subnets;
    }

    @Override
    public String toString() {
        return format(network) + "/" + prefix;
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    private static String format(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
    }
}
