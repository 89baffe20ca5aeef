package dev.agcinfra.app.account;

import dev.agcinfra.settings.VpcMode;
import dev.agcinfra.app.stacks.RegionStack;
import dev.agcinfra.modules.contract.WesAdapterExport;
import dev.agcinfra.modules.parameters.CommonParameters;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.model.Export;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * A region's AGC state as AGC's contexts see it: the SSM parameters under {@code /agc/_common/}, whose core they are
 * (AGC's own stack {@value AgcCore#STACK_NAME}, or agc-infra's), and whether contexts can run on it. Active means
 * {@code /agc/_common/vpc} exists.
 *
 * @param region          the region
 * @param active          whether {@code /agc/_common/vpc} exists
 * @param agcCore         AGC's own core stack, when it is there (then the parameters are AGC's, not agc-infra's)
 * @param vpcMode         how the VPC came about, when active: the VPC carries {@code application-name=agc} (agc-infra or
 *                        AGC made it; public-subnets-only when its infra subnets map public IPs) or not (the user's own)
 * @param vpc             {@code /agc/_common/vpc}
 * @param bucket          {@code /agc/_common/bucket}
 * @param ami             {@code /agc/_common/ComputeEnvImage}
 * @param subnets         {@code /agc/_common/InfraSubnets}
 * @param contextProblems when active: what AGC's contexts need from the core and do not find (empty: they can run)
 * @param cdkBootstrap    whether AGC's CDK bootstrap is there, which {@code agc context deploy} needs too
 */
public record CoreStatus(String region, boolean active, Optional<AgcCore.Found> agcCore, Optional<VpcMode> vpcMode,
                            Optional<String> vpc, Optional<String> bucket, Optional<String> ami, List<String> subnets,
                            List<String> contextProblems, boolean cdkBootstrap) {

    /** The parameter names, under {@code /agc/_common/}. */
    public static final String PREFIX = CommonParameters.PREFIX;

    /** Where compute nodes find the script they run at boot, below {@code installed-artifacts/s3-root-url}. */
    static final String PROVISION_SCRIPT = "ecs-additions/provision.sh";

    /** Reads the parameters, AGC's core stack, and (when active) what contexts need. */
    public static CoreStatus read(AccountAws aws) {
        Map<String, String> params = new HashMap<>();
        for (Parameter p : aws.ssm().getParametersByPathPaginator(r -> r.path(PREFIX).recursive(true)).stream().flatMap(page -> page.parameters().stream()).toList()) {
            params.put(p.name().substring(PREFIX.length()), p.value());
        }
        Optional<String> vpc = Optional.ofNullable(params.get("vpc"));
        List<String> subnets = params.containsKey("InfraSubnets") && !params.get("InfraSubnets").isBlank()
                ? List.of(params.get("InfraSubnets").split(",")) : List.of();
        Optional<VpcMode> mode = vpc.flatMap(v -> mode(aws, v, subnets));
        List<String> problems = vpc.isPresent() ? contextProblems(aws, params) : List.of();
        return new CoreStatus(aws.region(), vpc.isPresent(), AgcCore.find(aws), mode, vpc,
                Optional.ofNullable(params.get("bucket")), Optional.ofNullable(params.get("ComputeEnvImage")), subnets,
                problems, AgcCore.hasCdkBootstrap(aws));
    }

    /**
     * What AGC's contexts read and do not find: {@code WesAdapterZipKeyParameter}, the export
     * {@code WesAdapterZipBucket}, the zip they name, and the batch artifacts under
     * {@code installed-artifacts/s3-root-url} (agc-contexts.md lists the contract).
     */
    private static List<String> contextProblems(AccountAws aws, Map<String, String> params) {
        List<String> problems = new ArrayList<>();
        Optional<String> zipKey = Optional.ofNullable(params.get(CommonParameters.WES_ADAPTER_ZIP_KEY));
        if (zipKey.isEmpty()) {
            problems.add("no " + PREFIX + CommonParameters.WES_ADAPTER_ZIP_KEY);
        }
        Optional<String> zipBucket = aws.cloudFormation().listExportsPaginator(r -> { }).exports().stream()
                .filter(e -> WesAdapterExport.EXPORT_NAME.equals(e.name())).map(Export::value).findFirst();
        if (zipBucket.isEmpty()) {
            problems.add("no CloudFormation export " + WesAdapterExport.EXPORT_NAME);
        }
        if (zipKey.isPresent() && zipBucket.isPresent()) {
            objectProblem(aws, zipBucket.get(), zipKey.get(), "WES adapter").ifPresent(problems::add);
        }
        String root = params.get("installed-artifacts/s3-root-url");
        if (root == null) {
            problems.add("no " + PREFIX + "installed-artifacts/s3-root-url");
        } else {
            URI url = URI.create(root.endsWith("/") ? root : root + "/");
            String key = url.getPath().substring(1) + PROVISION_SCRIPT;
            objectProblem(aws, url.getHost(), key, "batch artifacts").ifPresent(problems::add);
        }
        return problems;
    }

    private static Optional<String> objectProblem(AccountAws aws, String bucket, String key, String what) {
        try {
            aws.s3().headObject(r -> r.bucket(bucket).key(key));
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.of("no " + what + " at s3://" + bucket + "/" + key);
            }
            if (e.statusCode() == 403) {
                return Optional.of(what + " at s3://" + bucket + "/" + key + " could not be read with these credentials");
            }
            throw e;
        }
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
        agcCore.ifPresentOrElse(
                agc -> rows.put("core", "AGC's own, not agc-infra's: " + agc.describe() + "; to move this region to "
                        + "agc-infra, see docs/agc-contexts.md"),
                () -> {
                    if (active) {
                        rows.put("core", "agc-infra's (" + RegionStack.coreStackName(region)
                                + "; no CloudFormation stack " + AgcCore.STACK_NAME + ")");
                    }
                });
        if (active) {
            rows.put("vpc mode", vpcMode.map(VpcMode::label).orElse("unknown (the VPC could not be read)"));
            rows.put("vpc", vpc.orElse("-"));
            rows.put("bucket", bucket.orElse("-"));
            rows.put("ami", ami.orElse("-"));
            rows.put("subnets", subnets.isEmpty() ? "-" : String.join(", ", subnets));
            List<String> problems = new ArrayList<>(contextProblems);
            if (!contextProblems.isEmpty() && agcCore.isEmpty()) {
                problems.set(problems.size() - 1, problems.get(problems.size() - 1) + "; activate again with an AGC "
                        + "installation (~/.agc, or agcHome: in the settings file)");
            }
            if (!cdkBootstrap) {
                problems.add(AgcCore.noCdkBootstrap());
            }
            rows.put("contexts", problems.isEmpty()
                    ? "can run (parameters, export, WES adapter, artifacts and CDK bootstrap found)"
                    : "cannot run: " + String.join("; ", problems));
        }
        List<String> lines = new ArrayList<>();
        rows.forEach((k, v) -> lines.add(String.format("%-9s %s", k + ":", v)));
        return lines;
    }
}
