package dev.agcinfra.audit.cleanup;

import dev.agcinfra.audit.AuditException;
import dev.agcinfra.audit.provenance.Owner;
import dev.agcinfra.audit.retained.CleanupCommands;
import dev.agcinfra.audit.retained.Finding;
import dev.agcinfra.audit.retained.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the findings of one deactivated region into a plan: pure, no AWS calls.
 *
 * <p>Only findings that agc-infra provably created (or that AGC's contexts created, by AGC's name rule) are deleted,
 * in dependency order: NAT gateways, their Elastic IPs, endpoints, then each VPC's route tables, subnets, internet
 * gateway and security groups, and the VPC; data (log groups, buckets) only with {@code includeData}; the state
 * bucket only with {@code includeState}, and last. A VPC is deleted only when every part of it was created by
 * agc-infra; a VPC holding a network interface of anything else (another service's Lambda, load balancer, database)
 * is kept with everything in it, since that interface may depend on any of it. Everything kept is listed with the
 * reason. Asking by {@code --id} for something that would be kept is refused (exit 2); {@code --id} of a VPC takes
 * everything agc-infra created inside it.
 */
public final class CleanupPlanner {

    private CleanupPlanner() {
    }

    /**
     * @param account      the account the plan is made in
     * @param region       the (deactivated) region
     * @param findings     {@code retained}'s findings for the region
     * @param vpcs         the contents of each VPC holding an agc-owned finding, or being one
     * @param includeData  whether log groups and buckets go too
     * @param includeState whether the region's state bucket goes too
     * @param ids          only these findings (a VPC with everything in it); empty for all
     * @throws AuditException with exit code 2 when an id names nothing, or something that must be kept
     */
    public static CleanupPlan plan(String account, String region, List<Finding> findings,
            Map<String, VpcContents> vpcs, boolean includeData, boolean includeState, Set<String> ids) {
        Set<String> unknown = new HashSet<>(ids);
        findings.forEach(f -> unknown.remove(f.id()));
        if (!unknown.isEmpty()) {
            throw AuditException.invalidInput("no retained or orphaned resource " + String.join(", ", unknown.stream()
                    .sorted().toList()) + " in " + region + " (see 'agc-audit retained --regions " + region + "')");
        }
        Set<String> scope = expand(ids, findings, vpcs);
        Map<String, String> keptVpcs = keptVpcs(vpcs);
        Map<String, String> natOfAddress = new HashMap<>();
        vpcs.values().forEach(contents -> natAddresses(contents, natOfAddress));

        List<CleanupAction> actions = new ArrayList<>();
        List<Kept> kept = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        List<Finding> plannedVpcs = new ArrayList<>();
        for (Finding finding : findings) {
            boolean explicit = ids.contains(finding.id());
            if (!ids.isEmpty() && !scope.contains(finding.id())) {
                continue;
            }
            String refusal = refusal(finding, includeData, includeState);
            String vpc = finding.type().equals(Finding.ELASTIC_IP) ? natOfAddress.get(finding.id()) : finding.vpcId();
            if (refusal == null && vpc != null && keptVpcs.containsKey(vpc)) {
                refusal = keptVpcs.get(vpc);
            }
            if (refusal == null && finding.type().equals(Finding.VPC)) {
                refusal = foreignParts(vpcs.get(finding.id()));
            }
            if (refusal != null) {
                if (explicit) {
                    throw AuditException.invalidInput("refusing to delete " + finding.type() + " " + finding.id()
                            + ": " + refusal);
                }
                kept.add(new Kept(finding.type(), finding.id(), finding.owner().id(), refusal));
                continue;
            }
            planned.add(finding.id());
            if (finding.type().equals(Finding.VPC)) {
                plannedVpcs.add(finding);
            }
            actions.add(new CleanupAction(operation(finding), finding.type(), finding.id(), finding.vpcId(),
                    finding.cleanup(), finding.monthlyUsd(), finding.provenance()));
        }
        for (Finding vpc : plannedVpcs) {
            for (VpcContents.Part part : vpcs.get(vpc.id()).parts()) {
                if (planned.add(part.id())) {
                    actions.add(new CleanupAction(part.operation(), part.type(), part.id(), vpc.id(),
                            command(region, part, vpc.id()), BigDecimal.ZERO.setScale(4), part.provenance()));
                }
            }
        }
        // Dependencies first, whichever VPC each action is in; stable, so findings keep their order within a kind.
        actions.sort(Comparator.comparing(CleanupAction::operation));
        Map<String, List<String>> interfaces = new LinkedHashMap<>();
        for (CleanupAction action : actions) {
            if (action.vpcId() != null && vpcs.containsKey(action.vpcId())) {
                interfaces.computeIfAbsent(action.vpcId(), v -> vpcs.get(v).agcInterfaces());
            }
        }
        return new CleanupPlan(account, region, includeData, includeState, actions, kept, interfaces);
    }

    /** {@code ids} with, for each VPC among them, every finding inside it and the Elastic IPs of its NAT gateways. */
    private static Set<String> expand(Set<String> ids, List<Finding> findings, Map<String, VpcContents> vpcs) {
        Set<String> scope = new LinkedHashSet<>(ids);
        for (String id : ids) {
            VpcContents contents = vpcs.get(id);
            if (contents == null) {
                continue;
            }
            findings.stream().filter(f -> id.equals(f.vpcId())).forEach(f -> scope.add(f.id()));
            contents.parts().stream().filter(p -> p.operation() == Operation.RELEASE_ADDRESS)
                    .forEach(p -> scope.add(p.id()));
        }
        return scope;
    }

    /** VPCs that must be kept whole, with the reason: a network interface in them belongs to something else. */
    private static Map<String, String> keptVpcs(Map<String, VpcContents> vpcs) {
        Map<String, String> kept = new HashMap<>();
        vpcs.forEach((vpc, contents) -> {
            List<VpcContents.NetworkInterface> foreign = contents.foreignInterfaces();
            if (!foreign.isEmpty()) {
                kept.put(vpc, vpc + " holds " + foreign.stream().map(VpcContents.NetworkInterface::describe)
                        .collect(Collectors.joining(", ")) + ", which belongs to no agc-infra resource being deleted: "
                        + "the VPC and everything in it are kept, since it may depend on them; delete it first");
            }
        });
        return kept;
    }

    private static void natAddresses(VpcContents contents, Map<String, String> natOfAddress) {
        for (VpcContents.Part part : contents.parts()) {
            if (part.operation() == Operation.RELEASE_ADDRESS) {
                natOfAddress.put(part.id(), contents.vpcId());
            }
        }
    }

    /** Why a finding must stay, or {@code null} when it may go. */
    static String refusal(Finding finding, boolean includeData, boolean includeState) {
        if (finding.owner() == Owner.USER) {
            return "user-owned (" + finding.provenance().describe() + "): never deleted";
        }
        if (finding.owner() == Owner.UNKNOWN) {
            return "owner unknown, kept: " + finding.provenance().describe();
        }
        if (finding.kind() == Kind.STATE_BUCKET) {
            if (!includeState) {
                return "the state bucket, the record of what agc-infra created: deleted only with --include-state";
            }
            return finding.cleanup() == null ? "the state bucket " + noCommand(finding) : null;
        }
        if (finding.kind() != Kind.ORPHAN && !includeData) {
            return "data: deleted only with --include-data";
        }
        return finding.cleanup() == null ? noCommand(finding) : null;
    }

    /** Why {@code retained} gave an agc-owned finding no cleanup command, as it found it. */
    private static String noCommand(Finding finding) {
        return finding.keptBecause() != null ? finding.keptBecause()
                : "has no cleanup command (see 'agc-audit retained --regions " + finding.region() + "' for why)";
    }

    private static String foreignParts(VpcContents contents) {
        if (contents == null) {
            return "its contents could not be read";
        }
        List<VpcContents.Part> foreign = contents.foreignParts();
        return foreign.isEmpty() ? null : "holds " + foreign.stream()
                .map(part -> part.type() + " " + part.id() + " (" + part.provenance().describe() + ")")
                .collect(Collectors.joining(", ")) + ", not created by agc-infra: the VPC and its parts are kept";
    }

    private static Operation operation(Finding finding) {
        return switch (finding.type()) {
            case Finding.NAT_GATEWAY -> Operation.DELETE_NAT_GATEWAY;
            case Finding.ELASTIC_IP -> Operation.RELEASE_ADDRESS;
            case Finding.VPC_ENDPOINT -> Operation.DELETE_VPC_ENDPOINT;
            case Finding.VPC -> Operation.DELETE_VPC;
            case Finding.LOG_GROUP -> Operation.DELETE_LOG_GROUP;
            case Finding.S3_BUCKET -> finding.kind() == Kind.STATE_BUCKET ? Operation.DELETE_STATE_BUCKET
                    : Operation.DELETE_BUCKET;
            default -> throw new IllegalStateException("no cleanup for type " + finding.type());
        };
    }

    static String command(String region, VpcContents.Part part, String vpcId) {
        String id = part.id();
        return switch (part.operation()) {
            case DELETE_NAT_GATEWAY -> CleanupCommands.natGateway(region, id);
            case RELEASE_ADDRESS -> CleanupCommands.elasticIp(region, id);
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
