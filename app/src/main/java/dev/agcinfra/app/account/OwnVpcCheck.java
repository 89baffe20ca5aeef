package dev.agcinfra.app.account;

import dev.agcinfra.app.lookup.ContextCache;
import dev.agcinfra.app.lookup.PrivateSubnetLookup;
import dev.agcinfra.settings.RegionSettings;
import dev.agcinfra.settings.SettingsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * The user's own VPC and the subnets AGC's compute will run in: the VPC must exist; given subnets must exist and belong
 * to it (fewer than {@value PrivateSubnetLookup#MIN_AZS} AZs is a warning); without subnets, the VPC's private subnets
 * are looked up as the synth looks them up (asked now, never from the cache), and must cover
 * {@value PrivateSubnetLookup#MIN_AZS} AZs.
 */
final class OwnVpcCheck {

    private final AccountAws aws;
    private final String account;

    OwnVpcCheck(AccountAws aws, String account) {
        this.aws = aws;
        this.account = account;
    }

    /** The subnets AGC's compute will run in, as found; empty when the VPC is refused or none is usable. */
    List<Subnet> check(RegionSettings region, PreflightReport report) {
        String vpc = region.vpc().orElseThrow();
        try {
            aws.ec2().describeVpcs(r -> r.vpcIds(vpc));
        } catch (Ec2Exception e) {
            if (Preflight.isNotFound(e)) {
                report.refuse("vpc " + vpc + " does not exist in account " + account + ", region " + region.region()
                        + "; check the id and the region (--region)");
                return List.of();
            }
            throw e;
        }
        return region.subnets().isEmpty() ? privateSubnets(region, report) : givenSubnets(region, report);
    }

    private List<Subnet> givenSubnets(RegionSettings region, PreflightReport report) {
        Ec2Client ec2 = aws.ec2();
        String vpc = region.vpc().orElseThrow();
        List<Subnet> found = new ArrayList<>();
        try {
            ec2.describeSubnetsPaginator(r -> r.subnetIds(region.subnets())).subnets().forEach(found::add);
        } catch (Ec2Exception e) {
            if (!Preflight.isNotFound(e)) {
                throw e;
            }
            for (String id : region.subnets()) {
                try {
                    ec2.describeSubnets(r -> r.subnetIds(id)).subnets().forEach(found::add);
                } catch (Ec2Exception missing) {
                    if (!Preflight.isNotFound(missing)) {
                        throw missing;
                    }
                    report.refuse("subnet " + id + " does not exist in account " + account + ", region "
                            + region.region() + "; check the id given with --subnets");
                }
            }
        }
        List<Subnet> infra = new ArrayList<>();
        for (Subnet s : found) {
            if (!vpc.equals(s.vpcId())) {
                report.refuse("subnet " + s.subnetId() + " belongs to " + s.vpcId() + ", not to " + vpc
                        + "; give only subnets of --vpc " + vpc);
            } else {
                infra.add(s);
            }
        }
        Set<String> azs = new TreeSet<>();
        infra.forEach(s -> azs.add(s.availabilityZone()));
        if (!infra.isEmpty() && azs.size() < PrivateSubnetLookup.MIN_AZS) {
            report.warn("the subnets given cover " + azs.size() + " Availability Zone" + (azs.size() == 1 ? "" : "s")
                    + " (" + String.join(", ", azs) + "); AGC recommends subnets in at least "
                    + PrivateSubnetLookup.MIN_AZS);
        }
        return infra;
    }

    private List<Subnet> privateSubnets(RegionSettings region, PreflightReport report) {
        List<PrivateSubnetLookup.PrivateSubnet> privateSubnets;
        try {
            privateSubnets = freshLookup().lookUp(region, account);
        } catch (SettingsException e) {
            e.problems().forEach(p -> report.refuse(p.replaceFirst("^regions\\.[a-z0-9-]+\\.vpc: ", "")
                    .replace("list the subnets to use with subnets: [...] in agc.yaml", "name the subnets with --subnets")));
            return List.of();
        }
        Set<String> ids = new HashSet<>();
        privateSubnets.forEach(p -> ids.add(p.subnetId()));
        Filter inVpc = Filter.builder().name("vpc-id").values(region.vpc().orElseThrow()).build();
        return aws.ec2().describeSubnetsPaginator(r -> r.filters(inVpc)).subnets().stream()
                .filter(s -> ids.contains(s.subnetId())).toList();
    }

    /** A subnet lookup that asks EC2 now (a cached answer may be stale), with a throwaway cache. */
    private PrivateSubnetLookup freshLookup() {
        try {
            Path dir = Files.createTempDirectory("agc-preflight-");
            dir.toFile().deleteOnExit();
            Path cache = dir.resolve(ContextCache.FILE_NAME);
            cache.toFile().deleteOnExit();
            return new PrivateSubnetLookup(new ContextCache(cache), aws.environment());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
