package dev.agcinfra.audit.costs;

import dev.agcinfra.audit.batch.ItemProcessor;
import dev.agcinfra.audit.costs.LiveItem.NatTraffic;
import java.math.BigDecimal;
import java.math.MathContext;

/** Adds up a NAT gateway's byte counts into GB (10^9 bytes, as AWS bills). */
public final class NatTrafficProcessor implements ItemProcessor<NatMetrics, LiveItem> {

    private static final BigDecimal BYTES_PER_GB = BigDecimal.TEN.pow(9);

    @Override
    public LiveItem process(NatMetrics metrics) {
        BigDecimal bytes = metrics.byteSums().stream().map(BigDecimal::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new NatTraffic(metrics.region(), metrics.natGatewayId(),
                bytes.divide(BYTES_PER_GB, MathContext.DECIMAL64), metrics.days());
    }
}
