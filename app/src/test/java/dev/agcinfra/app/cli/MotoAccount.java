package dev.agcinfra.app.cli;

import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.MotoServer;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Tag;

/** Networks as users bring them, built with EC2 calls on the shared moto server (region us-east-1). */
final class MotoAccount implements AutoCloseable {

    static final String REGION = "us-east-1";

    final Ec2Client ec2 = AwsTestClients.build(Ec2Client.builder(), MotoServer.get().endpoint(), REGION);

    /** A VPC with its subnets. */
    record Network(String vpc, List<String> publicSubnets, List<String> privateSubnets) {
    }

    /**
     * A VPC as AGC wants it: an internet gateway, a public subnet per AZ, and a private subnet in each of three AZs
     * whose default route goes to a NAT gateway.
     */
    Network goodVpc() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.vpcId(vpc).internetGatewayId(igw));
        String publicTable = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(publicTable).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        List<String> publicSubnets = new ArrayList<>();
        List<String> privateSubnets = new ArrayList<>();
        String natTable = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        String[] azs = {"us-east-1a", "us-east-1b", "us-east-1c"};
        for (int i = 0; i < 3; i++) {
            String pub = subnet(vpc, "10.0." + (i * 32) + ".0/19", azs[i]);
            ec2.associateRouteTable(r -> r.routeTableId(publicTable).subnetId(pub));
            publicSubnets.add(pub);
        }
        String eip = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
        String nat = ec2.createNatGateway(r -> r.subnetId(publicSubnets.get(0)).allocationId(eip)).natGateway().natGatewayId();
        ec2.createRoute(r -> r.routeTableId(natTable).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));
        for (int i = 0; i < 3; i++) {
            String priv = subnet(vpc, "10.0." + (96 + i * 32) + ".0/19", azs[i]);
            ec2.associateRouteTable(r -> r.routeTableId(natTable).subnetId(priv));
            privateSubnets.add(priv);
        }
        return new Network(vpc, publicSubnets, privateSubnets);
    }

    /** A VPC whose private subnets (no internet gateway route) are in two AZs only. */
    Network twoAzVpc() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String a = subnet(vpc, "10.1.0.0/24", "us-east-1a");
        String b = subnet(vpc, "10.1.1.0/24", "us-east-1b");
        return new Network(vpc, List.of(), List.of(a, b));
    }

    String subnet(String vpc, String cidr, String az) {
        return ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).availabilityZone(az)).subnet().subnetId();
    }

    /** An AMI of moto's account, made from an instance of one of moto's built-in images. */
    String ownAmi() {
        String base = amazonAmi();
        String instance = ec2.runInstances(r -> r.imageId(base).minCount(1).maxCount(1)).instances().get(0).instanceId();
        return ec2.createImage(r -> r.instanceId(instance).name("agc-compute")).imageId();
    }

    /** One of moto's built-in public images, owned by another account. */
    String amazonAmi() {
        return ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
    }

    void tag(String resource, String key, String value) {
        ec2.createTags(r -> r.resources(resource).tags(Tag.builder().key(key).value(value).build()));
    }

    @Override
    public void close() {
        ec2.close();
    }
}
