package dev.agcinfra.audit.costs;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.aws.AwsErrors;
import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.batch.JobRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 *       UsageQuantity, grouped by SERVICE and USAGE_TYPE (one account), or by LINKED_ACCOUNT and USAGE_TYPE
 *       (several: what the management account sees of its organization, split by account), from the 1st of last
 *       month to today (exclusive). Each request costs USD 0.01. A failure is an error (the run exits 3); the rest
 *       of the report stands.</li>
 * </ul>
 */
public final class CostExplorerReader {

    /** The service name in errors. */
    public static final String SERVICE = "ce";

    private final CostExplorerClient ce;
    private final String callRegion;
    private final String account;

    /**
     * @param ce         a client in {@code callRegion}
     * @param callRegion where Cost Explorer is called ({@link #callRegion(String)}), named in errors
     * @param account    the account whose credentials call it, named in errors
     */
    public CostExplorerReader(CostExplorerClient ce, String callRegion, String account) {
        this.ce = ce;
        this.callRegion = callRegion;
        this.account = account;
    }

    /**
     * What was read.
     *
     * @param readIn    the account whose Cost Explorer was read
     * @param byAccount the costs of each account Cost Explorer reported, or {@code null} when GetCostAndUsage failed
     * @param covers    the accounts whose actual costs these are (an account among them with no entry cost nothing),
     *                  in report order
     * @param requests  GetCostAndUsage requests made (pages)
     * @param warnings  lines for the report
     * @param errors    failed calls
     */
    public record Result(String readIn, Map<String, ActualCosts> byAccount, List<String> covers, int requests,
            List<String> warnings, List<AuditError> errors) {
        public Result {
            byAccount = byAccount == null ? null : Map.copyOf(byAccount);
            covers = List.copyOf(covers);
            warnings = List.copyOf(warnings);
            errors = List.copyOf(errors);
        }

        /** The same, covering {@code accounts}, with more warnings. */
        public Result covering(List<String> accounts, List<String> moreWarnings) {
            List<String> all = new ArrayList<>(warnings);
            all.addAll(moreWarnings);
            return new Result(readIn, byAccount, accounts, requests, all, errors);
        }

        /** The actual costs of a covered account (zero when Cost Explorer reported none), or {@code null}. */
        public ActualCosts of(String account, BillingPeriods periods) {
            if (byAccount == null || !covers.contains(account)) {
                return null;
            }
            return byAccount.getOrDefault(account, new ActualCosts(periods));
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

    /** Checks the tag, then reads both periods of the caller's account; the result covers it. */
    public Result read(TagFilter tag, BillingPeriods periods) {
        Map<String, ActualCosts> byAccount = new HashMap<>();
        ActualCosts actuals = new ActualCosts(periods);
        byAccount.put(account, actuals);
        return read(tag, request(tag, periods), result -> actuals.add(result), byAccount, List.of(account));
    }

    /**
     * Checks the tag, then reads both periods grouped by linked account: the costs of every account the caller's
     * Cost Explorer sees (its organization's, when it is the management account), each account's apart. The result
     * covers no account yet: which ones it does depends on who the caller is ({@link Result#covering}).
     */
    public Result readByAccount(TagFilter tag, BillingPeriods periods) {
        Map<String, ActualCosts> byAccount = new HashMap<>();
        GetCostAndUsageRequest request = request(tag, periods).toBuilder()
                .groupBy(g -> g.type(GroupDefinitionType.DIMENSION).key("LINKED_ACCOUNT"),
                        g -> g.type(GroupDefinitionType.DIMENSION).key("USAGE_TYPE"))
                .build();
        return read(tag, request, result -> ActualCosts.addByAccount(byAccount, periods, result), byAccount,
                List.of());
    }

    private Result read(TagFilter tag, GetCostAndUsageRequest request,
            java.util.function.Consumer<ResultByTime> sink, Map<String, ActualCosts> byAccount, List<String> covers) {
        List<String> warnings = new ArrayList<>();
        List<AuditError> errors = new ArrayList<>();
        tagStatusWarning(tag).ifPresent(warnings::add);
        int requests = 0;
        Map<String, ActualCosts> read = byAccount;
        try {
            String token = null;
            do {
                GetCostAndUsageResponse page = ce.getCostAndUsage(token == null ? request
                        : request.toBuilder().nextPageToken(token).build());
                requests++;
                page.resultsByTime().forEach(sink);
                token = page.nextPageToken() == null || page.nextPageToken().isEmpty() ? null : page.nextPageToken();
            } while (token != null);
        } catch (SdkException e) {
            errors.add(new AuditError(account, callRegion, SERVICE, "GetCostAndUsage", AwsErrors.code(e),
                    AwsErrors.message(e)));
            read = null;
        }
        return new Result(account, read, covers, requests, warnings, errors);
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
