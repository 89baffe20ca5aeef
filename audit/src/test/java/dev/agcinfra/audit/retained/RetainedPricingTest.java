package dev.agcinfra.audit.retained;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What the retained job prices is kept to a hundredth of a cent by {@code Money}, never to cents. */
class RetainedPricingTest {

    private final RetainedPricing pricing = RetainedPricing.embedded();

    @Test
    void fiftyMegabytesInS3CostAHundredthOfACentPrecisely() {
        // 50 MiB = 0.048828125 GB at $0.023 per GB-month (S3 Standard, us-east-1) = $0.001123046875
        assertThat(pricing.s3Storage("us-east-1", 50L << 20)).isEqualTo(new BigDecimal("0.0011"));
    }

    @Test
    void aMonthOfANatGatewayHasFourDecimals() {
        // 730 h at $0.045
        assertThat(pricing.natGateway("us-east-1")).isEqualTo(new BigDecimal("32.8500"));
    }
}
