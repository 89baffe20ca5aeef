package dev.agcinfra.audit.estimate;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Traffic assumed per month, for the usage-priced categories. A value that is not given leaves the category listed
 * with its unit price only, never priced at an invented volume.
 *
 * @param global what applies to every stack
 * @param byStack what applies to one stack, by stack name; a value given here wins over {@code global}
 */
public record UsageAssumptions(Usage global, Map<String, Usage> byStack) {

    public static final UsageAssumptions NONE = new UsageAssumptions(Usage.NONE, Map.of());

    public UsageAssumptions {
        Objects.requireNonNull(global, "global must be non-null");
        byStack = Map.copyOf(byStack);
    }

    /** The assumptions for one stack: its own values, else the global ones. */
    public Usage forStack(String stack) {
        Usage own = byStack.get(stack);
        return own == null ? global : own.orElse(global);
    }

    /** These assumptions with the global values replaced where {@code options} gives one (command-line options). */
    public UsageAssumptions withGlobal(Usage options) {
        return new UsageAssumptions(options.orElse(global), byStack);
    }

    /** Whether {@code stack} has assumptions of its own. */
    public boolean names(String stack) {
        return byStack.containsKey(stack);
    }

    public static UsageAssumptions of(Usage global, Map<String, Usage> byStack) {
        return new UsageAssumptions(global, new LinkedHashMap<>(byStack));
    }

    /**
     * GB per month.
     *
     * @param natGb processed by all NAT gateways of a stack, or {@code null} when not assumed
     * @param endpointGb processed by all interface endpoints of a stack, or {@code null} when not assumed
     */
    public record Usage(BigDecimal natGb, BigDecimal endpointGb) {
        public static final Usage NONE = new Usage(null, null);

        public Usage {
            if (natGb != null && natGb.signum() < 0) {
                throw new InvalidInputException("NAT gateway GB per month cannot be negative: " + natGb);
            }
            if (endpointGb != null && endpointGb.signum() < 0) {
                throw new InvalidInputException("interface endpoint GB per month cannot be negative: " + endpointGb);
            }
        }

        /** Each value of this usage, else the one of {@code fallback}. */
        public Usage orElse(Usage fallback) {
            return new Usage(natGb != null ? natGb : fallback.natGb, endpointGb != null ? endpointGb : fallback.endpointGb);
        }
    }
}
