package dev.agcinfra.audit.cleanup;

import dev.agcinfra.audit.AuditException;
import dev.agcinfra.audit.retained.CleanupCommands;
import dev.agcinfra.audit.retained.Finding;
import dev.agcinfra.audit.retained.Kind;
import dev.agcinfra.audit.retained.Owner;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the findings of one deactivated region into a plan: pure, no AWS calls.
 *
 * <p>Only agc-owned findings with a cleanup command are deleted. Orphans come first, in dependency order: interface
 * endpoints, NAT gateways, Elastic IPs, then each VPC with its parts (gateway endpoints, security groups, route
 * tables, subnets, internet gateway) and the VPC itself, and only when every part carries the tag. Data (log groups,
 * then buckets, then state buckets that no longer hold state) only with {@code includeData}. Everything else is kept,
 * with the reason. Asking by {@code --id} for something that would be kept is refused (exit 2).
 */
public final class CleanupPlanner {

    private CleanupPlanner() {
    }

    /**
     * @param region      the (deactivated) region
     * @param findings    {@code retained}'s findings for the region
     * @param vpcs        the contents of each agc-owned VPC among the findings
     * @param includeData whether log groups and buckets go too
     * @param ids         only these findings (and a VPC's parts); empty for all
     * @throws AuditException with exit code 2 when an id names nothing, or something that must be kept
     */
    public static CleanupPlan plan(String region, List<Finding> findings, Map<String, VpcContents> vpcs,
            boolean includeData, Set<String> ids) {
        Set<String> unknown = new HashSet<>(ids);
        findings.forEach(f -> unknown.remove(f.id()));
        if (!unknown.isEmpty()) {
            throw AuditException.invalidInput("no retained or orphaned resource " + String.join(", ", unknown.stream()
                    .sorted().toList()) + " in " + region + " (see 'agc-audit retained --regions " + region + "')");
        }
        List<CleanupAction> orphans = new ArrayList<>();
        List<CleanupAction> vpcActions = new ArrayList<>();
        List<CleanupAction> data = new ArrayList<>();
        List<Kept> kept = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        for (Finding finding : findings) {
            boolean explicit = ids.contains(finding.id());
            if (!ids.isEmpty() && !explicit) {
                continue;
            }
            String refusal = refusal(finding, includeData);
            if (refusal == null && finding.type().equals(Finding.VPC)) {
                refusal = untaggedParts(vpcs.get(finding.id()));
            }
            if (refusal != null) {
                if (explicit) {
                    throw AuditException.invalidInput("refusing to delete " + finding.type() + " " + finding.id()
                            + ": " + refusal);
                }
                kept.add(new Kept(finding.type(), finding.id(), finding.owner().id(), refusal));
                continue;
            }
            CleanupAction action = new CleanupAction(operation(finding), finding.type(), finding.id(),
                    finding.vpcId(), finding.cleanup(), finding.monthlyUsd());
            planned.add(finding.id());
            if (finding.kind() == Kind.ORPHAN && !finding.type().equals(Finding.VPC)) {
                orphans.add(action);
            } else if (finding.kind() == Kind.ORPHAN) {
                vpcActions.add(action);
            } else {
                data.add(action);
            }
        }
        orphans.sort(Comparator.comparing(CleanupAction::operation));
        List<CleanupAction> actions = new ArrayList<>(orphans);
        for (CleanupAction vpc : vpcActions) {
            VpcContents contents = vpcs.get(vpc.id());
            contents.parts().stream()
                    .filter(part -> !planned.contains(part.id()))
                    .sorted(Comparator.comparing(VpcContents.Part::operation))
                    .forEach(part -> actions.add(new CleanupAction(part.operation(), part.type(), part.id(), vpc.id(),
                            command(region, part, vpc.id()), BigDecimal.ZERO.setScale(4))));
            actions.add(vpc);
        }
        data.sort(Comparator.comparing((CleanupAction a) -> a.operation())
                .thenComparing(a -> a.id().startsWith("agc-tfstate-")));
        actions.addAll(data);
        return new CleanupPlan(region, includeData, actions, kept);
    }

    /** Why a finding must stay, or {@code null} when it may go. */
    static String refusal(Finding finding, boolean includeData) {
        if (finding.owner() == Owner.USER) {
            return "user-owned (" + userReason(finding) + "): never deleted";
        }
        if (finding.kind() != Kind.ORPHAN && !includeData) {
            return "data: deleted only with --include-data";
        }
        if (finding.kind() == Kind.STATE_BUCKET && finding.cleanup() == null) {
            return "state bucket still holds Terraform state: needed while those stacks exist";
        }
        if (finding.cleanup() == null) {
            return "no cleanup command";
        }
        return null;
    }

    private static String userReason(Finding finding) {
        String reason = finding.reason() == null ? "" : finding.reason();
        if (reason.contains("named in the settings file")) {
            return "named in the settings file";
        }
        return "untagged";
    }

    private static String untaggedParts(VpcContents contents) {
        if (contents == null) {
            return "its contents could not be read";
        }
        List<String> untagged = contents.parts().stream().filter(part -> !part.tagged())
                .map(part -> part.type() + " " + part.id()).toList();
        return untagged.isEmpty() ? null : "holds " + String.join(", ", untagged)
                + " without the tag: the VPC and its parts are kept";
    }

    private static Operation operation(Finding finding) {
        return switch (finding.type()) {
            case Finding.NAT_GATEWAY -> Operation.DELETE_NAT_GATEWAY;
            case Finding.ELASTIC_IP -> Operation.RELEASE_ADDRESS;
            case Finding.VPC_ENDPOINT -> Operation.DELETE_VPC_ENDPOINT;
            case Finding.VPC -> Operation.DELETE_VPC;
            case Finding.LOG_GROUP -> Operation.DELETE_LOG_GROUP;
            case Finding.S3_BUCKET -> Operation.DELETE_BUCKET;
            default -> throw new IllegalStateException("no cleanup for type " + finding.type());
        };
    }

    static String command(String region, VpcContents.Part part, String vpcId) {
        String id = part.id();
        return switch (part.operation()) {
            case DELETE_VPC_ENDPOINT -> CleanupCommands.vpcEndpoint(region, id);
            case DELETE_SECURITY_GROUP -> "aws ec2 delete-security-group --region " + region + " --group-id " + id;
            case DELETE_ROUTE_TABLE -> "aws ec2 delete-route-table --region " + region + " --route-table-id " + id;
            case DELETE_SUBNET -> "aws ec2 delete-subnet --region " + region + " --subnet-id " + id;
            case DELETE_INTERNET_GATEWAY -> "aws ec2 detach-internet-gateway --region " + region
                    + " --internet-gateway-id " + id + " --vpc-id " + vpcId + " && aws ec2 delete-internet-gateway "
                    + "--region " + region + " --internet-gateway-id " + id;
            default -> throw new IllegalStateException("not a VPC part: " + part.operation());
        };
    }
}
