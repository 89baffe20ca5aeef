package dev.agcinfra.audit.retained;

import dev.agcinfra.audit.report.Money;
import dev.agcinfra.audit.estimate.Category;
import dev.agcinfra.audit.estimate.CostEstimator;
import dev.agcinfra.audit.estimate.Price;
import dev.agcinfra.audit.estimate.PriceSource;
import dev.agcinfra.audit.estimate.PriceTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Monthly list prices of what {@code retained} finds, from the estimate's sourced price table: a month is 730 hours,
 * a GB is 2^30 bytes as AWS bills storage. An unknown price gives {@code null}, never a guess.
 */
public final class RetainedPricing {

    /** Bytes in a GB, as S3 and CloudWatch Logs bill storage. */
    public static final BigDecimal BYTES_PER_GB = BigDecimal.valueOf(1L << 30);

    private static final BigDecimal HOURS = BigDecimal.valueOf(CostEstimator.HOURS_PER_MONTH);

    private final PriceSource prices;

    public RetainedPricing(PriceSource prices) {
        this.prices = prices;
    }

    /** Prices from the table embedded in the jar. */
    public static RetainedPricing embedded() {
        return new RetainedPricing(PriceTable.embedded());
    }

    /** One NAT gateway for a month (its Elastic IP is priced on its own). */
    public BigDecimal natGateway(String region) {
        return hourly(region, Category.NAT_GATEWAY_HOURS, 1);
    }

    /** One interface endpoint in {@code azs} AZs (one network interface each) for a month. */
    public BigDecimal interfaceEndpoint(String region, int azs) {
        return hourly(region, Category.INTERFACE_ENDPOINT_HOURS, Math.max(1, azs));
    }

    /** One public IPv4 address (an Elastic IP, in use or idle) for a month. */
    public BigDecimal publicIpv4(String region) {
        return hourly(region, Category.PUBLIC_IPV4_HOURS, 1);
    }

    /** {@code bytes} in S3 Standard for a month, or {@code null} when the bytes or the price are unknown. */
    public BigDecimal s3Storage(String region, Long bytes) {
        return storage(region, Category.S3_STANDARD_STORAGE, bytes);
    }

    /** {@code bytes} stored in CloudWatch Logs for a month, or {@code null} when unknown. */
    public BigDecimal logsStorage(String region, Long bytes) {
        return storage(region, Category.LOGS_STORAGE, bytes);
    }

    /** Whether a price is known for {@code category} in {@code region}. */
    public boolean known(String region, Category category) {
        return price(region, category).isPresent();
    }

    private BigDecimal hourly(String region, Category category, int units) {
        return price(region, category)
                .map(p -> Money.toHundredthOfCent(p.cost(HOURS.multiply(BigDecimal.valueOf(units)))))
                .orElse(null);
    }

    private BigDecimal storage(String region, Category category, Long bytes) {
        if (bytes == null) {
            return null;
        }
        BigDecimal gb = BigDecimal.valueOf(bytes).divide(BYTES_PER_GB, 12, RoundingMode.HALF_UP);
        return price(region, category).map(p -> Money.toHundredthOfCent(p.cost(gb))).orElse(null);
    }

    private Optional<Price> price(String region, Category category) {
        return prices.price(region, category);
    }
}
