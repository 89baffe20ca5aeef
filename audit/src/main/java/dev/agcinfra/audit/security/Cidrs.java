package dev.agcinfra.audit.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IPv4 CIDR containment, for "from the VPC's CIDR". */
final class Cidrs {

    private static final Pattern IPV4_CIDR = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})$");

    private Cidrs() {
    }

    /**
     * Whether every address of {@code inner} is in {@code outer}: the same text (an IPv6 CIDR, an unresolved
     * expression), or IPv4 CIDRs where {@code outer}'s network holds {@code inner}'s.
     */
    static boolean within(String inner, String outer) {
        if (inner == null || outer == null) {
            return false;
        }
        if (inner.equals(outer)) {
            return true;
        }
        long[] in = parse(inner);
        long[] out = parse(outer);
        if (in == null || out == null || in[1] < out[1]) {
            return false;
        }
        long mask = out[1] == 0 ? 0 : (0xFFFFFFFFL << (32 - out[1])) & 0xFFFFFFFFL;
        return (in[0] & mask) == (out[0] & mask);
    }

    /** {address, prefix length}, or null when not an IPv4 CIDR. */
    private static long[] parse(String cidr) {
        Matcher m = IPV4_CIDR.matcher(cidr.trim());
        if (!m.matches()) {
            return null;
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return null;
            }
            address = (address << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        return prefix > 32 ? null : new long[] {address, prefix};
    }
}
