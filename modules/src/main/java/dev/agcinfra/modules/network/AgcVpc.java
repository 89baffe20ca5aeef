package dev.agcinfra.modules.network;

import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZones;
import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZonesFilter;
import com.hashicorp.cdktf.providers.aws.data_aws_vpc.DataAwsVpc;
import com.hashicorp.cdktf.providers.aws.default_security_group.DefaultSecurityGroup;
import com.hashicorp.cdktf.providers.aws.eip.Eip;
import com.hashicorp.cdktf.providers.aws.internet_gateway.InternetGateway;
import com.hashicorp.cdktf.providers.aws.nat_gateway.NatGateway;
import com.hashicorp.cdktf.providers.aws.route.Route;
import com.hashicorp.cdktf.providers.aws.route_table.RouteTable;
import com.hashicorp.cdktf.providers.aws.route_table_association.RouteTableAssociation;
import com.hashicorp.cdktf.providers.aws.subnet.Subnet;
import com.hashicorp.cdktf.providers.aws.vpc.Vpc;
import dev.agcinfra.modules.naming.AddressedScope;
import dev.agcinfra.modules.provider.AwsProviderVersion;
import dev.agcinfra.settings.NatGateways;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.constructs.Construct;

/**
 * A new VPC laid out as AWS CDK's {@code ec2.Vpc} lays it out by default, which is what AGC deployed: one subnet of
 * each group per AZ, equal-sized CIDRs, an internet gateway for public subnets, one NAT gateway with an Elastic IP
 * per AZ for private subnets, DNS support and hostnames on, and the default security group adopted with no rules.
 * With {@link AgcVpcProps#natGateways()} fewer NAT gateways, as CDK's {@code natGateways}: in the first AZs' public
 * subnets, and the private subnets of an AZ without one route through the first ({@link NatGateways}); or one
 * regional NAT gateway ({@link NatGateways#REGIONAL}, as CDK's {@code NatProvider.regionalGateway}) in no subnet, with
 * addresses AWS assigns, that every private subnet routes through. The public subnets stay in that mode: they hold no
 * NAT gateway, but keeping them keeps every subnet's CIDR and address, so switching between zonal and regional
 * replaces only NAT gateways, Elastic IPs and default routes, never a subnet that AGC's instances or the endpoints
 * have interfaces in; and the internet gateway, which the regional gateway's own route table routes to, stays too.
 *
 * <p>Construct tree (and so Terraform names): {@code Resource} (the VPC), {@code AvailabilityZones},
 * {@code DefaultSecurityGroup}, {@code IGW}, {@code RegionalNATGateway} (regional mode), and per subnet
 * {@code <Group>Subnet<n>} with {@code Resource}, {@code RouteTable}, {@code RouteTableAssociation},
 * {@code DefaultRoute}, and for public subnets with a zonal NAT gateway {@code EIP} and {@code NATGateway}.
 */
public final class AgcVpc extends Construct implements INetwork {

    /** The VPC's IPv4 block unless {@link AgcVpcProps#cidr()} says otherwise. */
    public static final String DEFAULT_CIDR_RANGE = "10.0.0.0/16";
    /** How many AZs unless {@link AgcVpcProps#availabilityZones()} says otherwise. */
    public static final int DEFAULT_MAX_AZS = 3;
    /** A public and a private group: the private subnets reach the internet through a NAT gateway in their AZ. */
    public static final List<SubnetGroup> DEFAULT_SUBNETS = List.of(
            new SubnetGroup("Public", SubnetType.PUBLIC),
            new SubnetGroup("Private", SubnetType.PRIVATE_WITH_EGRESS));
    /** Public subnets only: no NAT gateways, no Elastic IPs. */
    public static final List<SubnetGroup> DEFAULT_SUBNETS_NO_NAT = List.of(new SubnetGroup("Public", SubnetType.PUBLIC));

    private final Vpc vpc;
    private final String vpcId;
    private String vpcCidrBlock;
    private final Map<SubnetType, List<String>> subnetIds = new LinkedHashMap<>();
    private final List<String> privateRouteTableIds = new ArrayList<>();
    private final List<String> natPublicIps = new ArrayList<>();
    private final List<String> availabilityZones = new ArrayList<>();
    private final List<String> publicRouteTableIds = new ArrayList<>();
    private final List<String> natGatewayIds = new ArrayList<>();
    private final Optional<String> internetGatewayId;

    public AgcVpc(Construct scope, String id, AgcVpcProps props) {
        super(scope, id);
        AgcVpcProps p = props == null ? AgcVpcProps.defaults() : props;
        Cidr cidr = Cidr.parse(Objects.requireNonNullElse(p.cidr(), DEFAULT_CIDR_RANGE));
        int azs = Objects.requireNonNullElse(p.availabilityZones(), DEFAULT_MAX_AZS);
        List<SubnetGroup> groups = Objects.requireNonNullElse(p.subnetGroups(), DEFAULT_SUBNETS);
        validate(azs, groups, p.natGateways());
        NatGateways nats = Objects.requireNonNullElse(p.natGateways(), NatGateways.ONE_PER_AZ);

        boolean hasPublic = groups.stream().anyMatch(g -> g.type() == SubnetType.PUBLIC);
        boolean hasPrivate = groups.stream().anyMatch(g -> g.type() == SubnetType.PRIVATE_WITH_EGRESS);
        List<SubnetGroup> ordered = new ArrayList<>(groups);
        ordered.sort((a, b) -> Integer.compare(a.type().ordinal(), b.type().ordinal()));
        List<Cidr> blocks = cidr.split(ordered.size() * azs);

        AddressedScope here = AddressedScope.of(scope).child(this, id);
        DataAwsAvailabilityZones zones = here.add("AvailabilityZones", (s, n) -> DataAwsAvailabilityZones.Builder.create(s, n)
                .state("available")
                .filter(List.of(DataAwsAvailabilityZonesFilter.builder()
                        .name("opt-in-status").values(List.of("opt-in-not-required")).build()))
                .build());
        this.vpc = here.add("Resource", (s, n) -> Vpc.Builder.create(s, n)
                .cidrBlock(cidr.toString())
                .enableDnsSupport(true)
                .enableDnsHostnames(true)
                .tags(nameTag(here.path()))
                .build());
        // Each attribute read is a call into jsii that hands out a new token for the same reference: read once.
        this.vpcId = vpc.getId();
        here.add("DefaultSecurityGroup", (s, n) -> DefaultSecurityGroup.Builder.create(s, n)
                .vpcId(vpcId)
                .tags(nameTag(here.path() + "/default"))
                .build());
        InternetGateway igw = hasPublic
                ? here.add("IGW", (s, n) -> InternetGateway.Builder.create(s, n).vpcId(vpcId).tags(nameTag(here.path())).build())
                : null;
        String igwId = igw == null ? null : igw.getId();
        this.internetGatewayId = Optional.ofNullable(igwId);
        for (int az = 0; az < azs; az++) {
            availabilityZones.add(zones.getStringAttribute("names[" + az + "]"));
        }

        List<String> natIdByAz = new ArrayList<>();
        if (hasPrivate && nats.isRegional()) {
            NatGateway regional = here.add("RegionalNATGateway", (s, n) -> AwsProviderVersion.regionalNatGateway(s, n,
                    vpcId, nameTag(here.path()), List.of(igw)));
            String natId = regional.getId();
            natIdByAz.add(natId);
            natGatewayIds.add(natId);
            natPublicIps.addAll(Token.asList(AwsProviderVersion.regionalPublicIps(regional)));
        }
        int block = 0;
        for (SubnetGroup group : ordered) {
            for (int az = 0; az < azs; az++) {
                AddressedScope subnetScope = here.scope(group.subnetId(az + 1));
                String name = subnetScope.path();
                String cidrBlock = blocks.get(block++).toString();
                String zone = availabilityZones.get(az);
                Subnet subnet = subnetScope.add("Resource", (s, n) -> Subnet.Builder.create(s, n)
                        .vpcId(vpcId)
                        .cidrBlock(cidrBlock)
                        .availabilityZone(zone)
                        .mapPublicIpOnLaunch(group.type() == SubnetType.PUBLIC)
                        .tags(Map.of("Name", name,
                                "aws-cdk:subnet-name", group.name(),
                                SubnetType.TAG, group.type().cdkLabel()))
                        .build());
                String subnetId = subnet.getId();
                RouteTable routeTable = subnetScope.add("RouteTable", (s, n) -> RouteTable.Builder.create(s, n)
                        .vpcId(vpcId).tags(nameTag(name)).build());
                String routeTableId = routeTable.getId();
                subnetScope.add("RouteTableAssociation", (s, n) -> RouteTableAssociation.Builder.create(s, n)
                        .subnetId(subnetId).routeTableId(routeTableId).build());
                if (group.type() == SubnetType.PUBLIC) {
                    subnetScope.add("DefaultRoute", (s, n) -> Route.Builder.create(s, n)
                            .routeTableId(routeTableId)
                            .destinationCidrBlock("0.0.0.0/0")
                            .gatewayId(igwId)
                            .build());
                    publicRouteTableIds.add(routeTableId);
                    if (hasPrivate && nats.hostsGateway(az, azs)) {
                        Eip eip = subnetScope.add("EIP", (s, n) -> Eip.Builder.create(s, n).domain("vpc").tags(nameTag(name)).build());
                        String allocationId = eip.getAllocationId();
                        NatGateway nat = subnetScope.add("NATGateway", (s, n) -> NatGateway.Builder.create(s, n)
                                .allocationId(allocationId)
                                .subnetId(subnetId)
                                .tags(nameTag(name))
                                .dependsOn(List.of(igw))
                                .build());
                        String natId = nat.getId();
                        natIdByAz.add(natId);
                        natGatewayIds.add(natId);
                        natPublicIps.add(eip.getPublicIp());
                    }
                } else {
                    String natId = natIdByAz.get(nats.gatewayOf(az, azs));
                    subnetScope.add("DefaultRoute", (s, n) -> Route.Builder.create(s, n)
                            .routeTableId(routeTableId)
                            .destinationCidrBlock("0.0.0.0/0")
                            .natGatewayId(natId)
                            .build());
                    privateRouteTableIds.add(routeTableId);
                }
                subnetIds.computeIfAbsent(group.type(), t -> new ArrayList<>()).add(subnetId);
            }
        }
    }

    /**
     * A VPC the user brought, read with a data source and never changed.
     *
     * @param subnets the subnets AGC's compute runs in (the VPC's private subnets, or those the user chose)
     */
    public static INetwork fromAttributes(Construct scope, String id, String vpcId, List<String> subnets) {
        DataAwsVpc existing = AddressedScope.of(scope).add(id, (s, n) -> DataAwsVpc.Builder.create(s, n).id(vpcId).build());
        List<String> infra = List.copyOf(subnets);
        String existingId = existing.getId();
        String existingCidrBlock = existing.getCidrBlock();
        return new INetwork() {
            @Override
            public String vpcId() {
                return existingId;
            }

            @Override
            public String vpcCidrBlock() {
                return existingCidrBlock;
            }

            @Override
            public List<String> publicSubnets() {
                return List.of();
            }

            @Override
            public List<String> privateSubnets() {
                return infra;
            }

            @Override
            public List<String> privateRouteTableIds() {
                return List.of();
            }

            @Override
            public List<String> natPublicIps() {
                return List.of();
            }
        };
    }

    @Override
    public String vpcId() {
        return vpcId;
    }

    @Override
    public String vpcCidrBlock() {
        if (vpcCidrBlock == null) {
            vpcCidrBlock = vpc.getCidrBlock();
        }
        return vpcCidrBlock;
    }

    @Override
    public List<String> publicSubnets() {
        return Collections.unmodifiableList(subnetIds.getOrDefault(SubnetType.PUBLIC, List.of()));
    }

    @Override
    public List<String> privateSubnets() {
        return Collections.unmodifiableList(subnetIds.getOrDefault(SubnetType.PRIVATE_WITH_EGRESS, List.of()));
    }

    @Override
    public List<String> privateRouteTableIds() {
        return Collections.unmodifiableList(privateRouteTableIds);
    }

    @Override
    public List<String> natPublicIps() {
        return Collections.unmodifiableList(natPublicIps);
    }

    @Override
    public List<String> availabilityZones() {
        return Collections.unmodifiableList(availabilityZones);
    }

    @Override
    public List<String> publicRouteTableIds() {
        return Collections.unmodifiableList(publicRouteTableIds);
    }

    @Override
    public List<String> natGatewayIds() {
        return Collections.unmodifiableList(natGatewayIds);
    }

    @Override
    public Optional<String> internetGatewayId() {
        return internetGatewayId;
    }

    private static void validate(int azs, List<SubnetGroup> groups, NatGateways natGateways) {
        if (azs < 1) {
            throw new IllegalArgumentException("AgcVpcProps.availabilityZones must be at least 1, got " + azs);
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("AgcVpcProps.subnetGroups must name at least one group");
        }
        if (groups.stream().map(SubnetGroup::name).distinct().count() != groups.size()) {
            throw new IllegalArgumentException("AgcVpcProps.subnetGroups names must be unique: " + groups);
        }
        boolean hasPublic = groups.stream().anyMatch(g -> g.type() == SubnetType.PUBLIC);
        boolean hasPrivate = groups.stream().anyMatch(g -> g.type() == SubnetType.PRIVATE_WITH_EGRESS);
        if (hasPrivate && !hasPublic) {
            throw new IllegalArgumentException(
                    "AgcVpcProps.subnetGroups: PRIVATE_WITH_EGRESS subnets need a PUBLIC group for their NAT gateways; add one");
        }
        if (groups.stream().filter(g -> g.type() == SubnetType.PUBLIC).count() > 1) {
            throw new IllegalArgumentException("AgcVpcProps.subnetGroups: use one PUBLIC group (it hosts the NAT gateways)");
        }
        if (natGateways != null) {
            if (!hasPrivate) {
                throw new IllegalArgumentException("AgcVpcProps.natGateways needs a PRIVATE_WITH_EGRESS subnet group: "
                        + "without private subnets there are no NAT gateways; leave it null");
            }
            if (natGateways.excess("this VPC", azs).isPresent()) {
                throw new IllegalArgumentException("AgcVpcProps.natGateways must be from 1 to availabilityZones (" + azs
                        + "), or regional; got " + natGateways);
            }
        }
    }

    private static Map<String, String> nameTag(String name) {
        return Map.of("Name", name);
    }
}
