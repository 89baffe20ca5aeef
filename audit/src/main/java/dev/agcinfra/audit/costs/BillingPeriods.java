package dev.agcinfra.audit.costs;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The two periods of actual cost, in UTC dates as Cost Explorer counts them; every {@code end} is exclusive.
 *
 * <ul>
 *   <li>last full month: from the 1st of last month to the 1st of this month;</li>
 *   <li>month to date: from the 1st of this month to today (today's costs are not final, so not included; on the
 *       1st this period is empty).</li>
 * </ul>
 * One GetCostAndUsage request with MONTHLY granularity from the first start to {@code today} covers both.
 *
 * @param lastMonthStart the 1st of last month
 * @param thisMonthStart the 1st of this month (end of last month, start of month to date)
 * @param today          the end of month to date, exclusive
 */
public record BillingPeriods(LocalDate lastMonthStart, LocalDate thisMonthStart, LocalDate today) {

    public BillingPeriods {
        Objects.requireNonNull(lastMonthStart, "lastMonthStart must be non-null");
        Objects.requireNonNull(thisMonthStart, "thisMonthStart must be non-null");
        Objects.requireNonNull(today, "today must be non-null");
    }

    /** The periods for a day. */
    public static BillingPeriods of(LocalDate today) {
        LocalDate thisMonth = today.withDayOfMonth(1);
        return new BillingPeriods(thisMonth.minusMonths(1), thisMonth, today);
    }

    /** The periods for the clock's current day in UTC. */
    public static BillingPeriods of(Clock clock) {
        return of(LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
    }

    /** Whether month to date has any day yet (not on the 1st). */
    public boolean hasMonthToDate() {
        return today.isAfter(thisMonthStart);
    }

    /** Whether a Cost Explorer result period starting on {@code start} belongs to last month (else month to date). */
    public boolean isLastMonth(LocalDate start) {
        return start.isBefore(thisMonthStart);
    }
}
