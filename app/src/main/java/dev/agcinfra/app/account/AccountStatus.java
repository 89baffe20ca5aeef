package dev.agcinfra.app.account;

import dev.agcinfra.settings.VpcMode;
import dev.agcinfra.app.stacks.RegionStack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * A region's AGC state as AGC's contexts see it: the SSM parameters under {@code /agc/_common/}. Active means
 * {@code /agc/_common/vpc} exists.
 *
 * @param region  the region
 * @param active  whether {@code /agc/_common/vpc} exists
 * @param vpcMode how the VPC came about, when active: the VPC carries {@code application-name=agc} (agc-infra or AGC
 *                made it; public-subnets-only when its infra subnets map public IPs) or not (the user's own)
 * @param vpc     {@code /agc/_common/vpc}
 * @param bucket  {@code /agc/_common/bucket}
 * @param ami     {@code /agc/_common/ComputeEnvImage}
 * @param subnets {@code /agc/_common/InfraSubnets}
 */
public record AccountStatus(String region, boolean active, Optional<VpcMode> vpcMode, Optional<String> vpc,
                            Optional<String> bucket, Optional<String> ami, List<String> subnets) {

    /** The parameter names, under {@code /agc/_common/}. */
    public static final String PREFIX = "/agc/_common/";

    /** Reads the parameters (and the VPC's tags, for the mode). */
    public static AccountStatus read(AccountAws aws) {
        Map<String, String> params = new HashMap<>();
        for (Parameter p : aws.ssm().getParametersByPathPaginator(r -> r.path(PREFIX).recursive(true)).stream().flatMap(page -> page.parameters().stream()).toList()) {
            params.put(p.name().substring(PREFIX.length()), p.value());
        }
        Optional<String> vpc = Optional.ofNullable(params.get("vpc"));
        List<String> subnets = params.containsKey("InfraSubnets") && !params.get("InfraSubnets").isBlank()
                ? List.of(params.get("InfraSubnets").split(",")) : List.of();
        Optional<VpcMode> mode = vpc.flatMap(v -> mode(aws, v, subnets));
        return new AccountStatus(aws.region(), vpc.isPresent(), mode, vpc, Optional.ofNullable(params.get("bucket")),
                Optional.ofNullable(params.get("ComputeEnvImage")), subnets);
    }

    private static Optional<VpcMode> mode(AccountAws aws, String vpcId, List<String> subnets) {
        try {
            List<Vpc> vpcs = aws.ec2().describeVpcs(r -> r.vpcIds(vpcId)).vpcs();
            if (vpcs.isEmpty()) {
                return Optional.empty();
            }
            boolean ours = vpcs.get(0).tags().stream().anyMatch(t -> RegionStack.APPLICATION_TAG.equals(t.key())
                    && RegionStack.APPLICATION_NAME.equals(t.value()));
            if (!ours) {
                return Optional.of(VpcMode.EXISTING);
            }
            if (subnets.isEmpty()) {
                return Optional.of(VpcMode.PRIVATE_SUBNETS);
            }
            List<Subnet> infra = aws.ec2().describeSubnets(r -> r.subnetIds(subnets)).subnets();
            boolean publicIps = infra.stream().anyMatch(s -> Boolean.TRUE.equals(s.mapPublicIpOnLaunch()));
            return Optional.of(publicIps ? VpcMode.PUBLIC_SUBNETS : VpcMode.PRIVATE_SUBNETS);
        } catch (Ec2Exception e) {
            return Optional.empty();
        }
    }

    /** {@code key: value} lines for the terminal. */
    public List<String> lines() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("region", region);
        rows.put("status", active ? "active" : "not active (no " + PREFIX + "vpc parameter)");
        if (active) {
            rows.put("vpc mode", vpcMode.map(VpcMode::label).orElse("unknown (the VPC could not be read)"));
            rows.put("vpc", vpc.orElse("-"));
            rows.put("bucket", bucket.orElse("-"));
            rows.put("ami", ami.orElse("-"));
            rows.put("subnets", subnets.isEmpty() ? "-" : String.join(", ", subnets));
        }
        List<String> lines = new ArrayList<>();
        rows.forEach((k, v) -> lines.add(String.format("%-9s %s", k + ":", v)));
        return lines;
    }
}
