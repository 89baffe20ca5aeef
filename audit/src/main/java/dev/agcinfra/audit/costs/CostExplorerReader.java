package dev.agcinfra.audit.costs;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.aws.AwsErrors;
import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.batch.JobRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.CostAllocationTag;
import software.amazon.awssdk.services.costexplorer.model.CostAllocationTagStatus;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;
import software.amazon.awssdk.services.costexplorer.model.Granularity;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinitionType;
import software.amazon.awssdk.services.costexplorer.model.MatchOption;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;

/**
 * Reads actual costs from Cost Explorer, a global service: called once per run, never per region.
 *
 * <ul>
 *   <li>ListCostAllocationTags for the tag key: when the tag is not an active cost allocation tag, Cost Explorer
 *       does not count costs under it (or only usage after activation), so actuals undercount; that is a warning.
 *       When the check itself fails, that is a warning too: the actuals are still read.</li>
 *   <li>GetCostAndUsage, every page (NextPageToken): filtered by the tag, MONTHLY, UnblendedCost and
 *       UsageQuantity, grouped by SERVICE and USAGE_TYPE, from the 1st of last month to today (exclusive). Each
 *       request costs USD 0.01. A failure is an error (the run exits 3); the rest of the report stands.</li>
 * </ul>
 */
public final class CostExplorerReader {

    /** The service name in errors. */
    public static final String SERVICE = "ce";

    private final CostExplorerClient ce;
    private final String callRegion;

    /**
     * @param ce         a client in {@code callRegion}
     * @param callRegion where Cost Explorer is called ({@link #callRegion(String)}), named in errors
     */
    public CostExplorerReader(CostExplorerClient ce, String callRegion) {
        this.ce = ce;
        this.callRegion = callRegion;
    }

    /**
     * What was read.
     *
     * @param actuals  the costs, or {@code null} when GetCostAndUsage failed
     * @param requests GetCostAndUsage requests made (pages)
     * @param warnings lines for the report
     * @param errors   failed calls
     */
    public record Result(ActualCosts actuals, int requests, List<String> warnings, List<AuditError> errors) {
        public Result {
            warnings = List.copyOf(warnings);
            errors = List.copyOf(errors);
        }
    }

    /** The region Cost Explorer answers in for the partition of {@code firstRegion}. */
    public static String callRegion(String firstRegion) {
        return switch (JobRunner.awsPartition(firstRegion)) {
            case "aws-cn" -> "cn-northwest-1";
            case "aws-us-gov" -> "us-gov-west-1";
            default -> "us-east-1";
        };
    }

    /** Checks the tag, then reads both periods. */
    public Result read(TagFilter tag, BillingPeriods periods) {
        List<String> warnings = new ArrayList<>();
        List<AuditError> errors = new ArrayList<>();
        tagStatusWarning(tag).ifPresent(warnings::add);
        ActualCosts actuals = new ActualCosts(periods);
        int requests = 0;
        GetCostAndUsageRequest request = request(tag, periods);
        try {
            String token = null;
            do {
                GetCostAndUsageResponse page = ce.getCostAndUsage(token == null ? request
                        : request.toBuilder().nextPageToken(token).build());
                requests++;
                for (ResultByTime result : page.resultsByTime()) {
                    actuals.add(result);
                }
                token = page.nextPageToken() == null || page.nextPageToken().isEmpty() ? null : page.nextPageToken();
            } while (token != null);
        } catch (SdkException e) {
            errors.add(new AuditError(callRegion, SERVICE, "GetCostAndUsage", AwsErrors.code(e), AwsErrors.message(e)));
            actuals = null;
        }
        return new Result(actuals, requests, warnings, errors);
    }

    /** The GetCostAndUsage request for both periods. */
    public static GetCostAndUsageRequest request(TagFilter tag, BillingPeriods periods) {
        return GetCostAndUsageRequest.builder()
                .timePeriod(p -> p.start(periods.lastMonthStart().toString()).end(periods.today().toString()))
                .granularity(Granularity.MONTHLY)
                .filter(Expression.builder().tags(t -> t.key(tag.key()).values(tag.value())
                        .matchOptions(MatchOption.EQUALS)).build())
                .metrics(ActualCosts.COST_METRIC, ActualCosts.USAGE_METRIC)
                .groupBy(g -> g.type(GroupDefinitionType.DIMENSION).key("SERVICE"),
                        g -> g.type(GroupDefinitionType.DIMENSION).key("USAGE_TYPE"))
                .build();
    }

    /** A warning when the tag key is not an active cost allocation tag, or when that cannot be checked. */
    Optional<String> tagStatusWarning(TagFilter tag) {
        String consequence = "actual costs filtered by it undercount (Cost Explorer counts a tag only for usage after "
                + "it is activated, which can take 24 hours); activate it under Billing, Cost allocation tags";
        try {
            List<CostAllocationTag> tags = new ArrayList<>();
            String token = null;
            do {
                String next = token;
                var page = ce.listCostAllocationTags(r -> r.tagKeys(tag.key()).nextToken(next));
                tags.addAll(page.costAllocationTags());
                token = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
            } while (token != null);
            Optional<CostAllocationTag> found = tags.stream().filter(t -> tag.key().equals(t.tagKey())).findFirst();
            if (found.isEmpty()) {
                return Optional.of("tag key '" + tag.key() + "' is not a cost allocation tag in this account: "
                        + consequence);
            }
            if (found.get().status() != CostAllocationTagStatus.ACTIVE) {
                return Optional.of("cost allocation tag '" + tag.key() + "' is " + found.get().statusAsString()
                        + ", not Active: " + consequence);
            }
            return Optional.empty();
        } catch (SdkException e) {
            return Optional.of("cannot check whether '" + tag.key() + "' is an active cost allocation tag ("
                    + callRegion + " " + SERVICE + " ListCostAllocationTags " + AwsErrors.code(e) + ": "
                    + AwsErrors.message(e) + "); if it is not, actual costs undercount");
        }
    }
}
