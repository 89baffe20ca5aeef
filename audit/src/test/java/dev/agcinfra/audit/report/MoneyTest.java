package dev.agcinfra.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Money is rounded half up, to cents for what reports show, to a hundredth of a cent for small leftovers. */
class MoneyTest {

    @Test
    void reportsShowCentsRoundedHalfUp() {
        assertThat(Money.round(new BigDecimal("262.795"))).isEqualTo(new BigDecimal("262.80"));
        assertThat(Money.json(new BigDecimal("262.8049"))).isEqualTo(new BigDecimal("262.8"));
        assertThat(Money.table(new BigDecimal("1234.5"))).isEqualTo("$1,234.50");
        assertThat(Money.table(null)).isEqualTo("unknown");
    }

    @Test
    void smallLeftoversKeepAHundredthOfACentRoundedHalfUp() {
        assertThat(Money.toHundredthOfCent(new BigDecimal("0.001123046875"))).isEqualTo(new BigDecimal("0.0011"));
        assertThat(Money.toHundredthOfCent(new BigDecimal("0.00125"))).isEqualTo(new BigDecimal("0.0013"));
        assertThat(Money.toHundredthOfCent(BigDecimal.ZERO)).isEqualTo(new BigDecimal("0.0000"));
        assertThat(Money.tableWithFractions(new BigDecimal("0.0011"))).isEqualTo("$0.0011");
    }
}
