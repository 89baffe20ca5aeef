package dev.agcinfra.audit.estimate;

import dev.agcinfra.audit.estimate.EstimateReport.StackEstimate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The same stacks priced in each {@link Scenario}, side by side ({@code --compare}). Only stacks that create their
 * own VPC are compared: a stack in the user's VPC has no network of its own to change.
 *
 * @param hoursPerMonth the hours in a month
 * @param prices where the prices came from
 * @param stacks one comparison per stack with a new VPC
 */
public record ComparisonReport(int hoursPerMonth, String prices, List<StackComparison> stacks) {

    public ComparisonReport {
        stacks = List.copyOf(stacks);
    }

    /** Prices every stack that creates a VPC in every scenario. */
    public static ComparisonReport compare(List<StackInventory> stacks, PriceSource prices, UsageAssumptions usage) {
        List<StackInventory> compared = stacks.stream().filter(StackInventory::createsVpc).toList();
        Map<Scenario, List<StackEstimate>> byScenario = new java.util.EnumMap<>(Scenario.class);
        for (Scenario scenario : Scenario.values()) {
            // Price each scenario over all stacks at once, so endpoint data tiers add up per region as they would.
            List<StackInventory> derived = compared.stream().map(s -> scenario.apply(s).orElse(null))
                    .filter(java.util.Objects::nonNull).toList();
            byScenario.put(scenario, new CostEstimator(prices, usage).estimate(derived).stacks());
        }
        List<StackComparison> comparisons = new ArrayList<>();
        for (StackInventory stack : compared) {
            List<ScenarioEstimate> estimates = new ArrayList<>();
            for (Scenario scenario : Scenario.values()) {
                Optional<StackEstimate> estimate = byScenario.get(scenario).stream()
                        .filter(e -> e.stack().equals(stack.stack())).findFirst();
                estimates.add(new ScenarioEstimate(scenario, estimate.orElse(null),
                        estimate.isPresent() ? null : scenario.notDerivable()));
            }
            comparisons.add(new StackComparison(stack.stack(), stack.region(), estimates));
        }
        return new ComparisonReport(CostEstimator.HOURS_PER_MONTH, prices.description(), comparisons);
    }

    /** The total of one scenario over all stacks; stacks where it is not derivable add nothing. */
    public BigDecimal totalMonthlyUsd(Scenario scenario) {
        return stacks.stream().map(s -> s.scenario(scenario)).filter(e -> e.estimate() != null)
                .map(e -> e.estimate().monthlyUsd()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whether a scenario's total leaves something out (unknown items or stacks where it is not derivable). */
    public boolean incomplete(Scenario scenario) {
        return stacks.stream().map(s -> s.scenario(scenario)).anyMatch(ScenarioEstimate::incomplete);
    }

    /** One stack in every scenario, in {@link Scenario} order. */
    public record StackComparison(String stack, String region, List<ScenarioEstimate> scenarios) {
        public StackComparison {
            scenarios = List.copyOf(scenarios);
        }

        public ScenarioEstimate scenario(Scenario scenario) {
            return scenarios.stream().filter(s -> s.scenario() == scenario).findFirst().orElseThrow();
        }
    }

    /**
     * One stack in one scenario.
     *
     * @param estimate the priced stack, or {@code null} when the scenario cannot be derived
     * @param note why it cannot be derived, else {@code null}
     */
    public record ScenarioEstimate(Scenario scenario, StackEstimate estimate, String note) {
        public boolean incomplete() {
            return estimate == null || !estimate.unknown().isEmpty();
        }
    }
}
