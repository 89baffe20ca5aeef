package dev.agcinfra.audit.cleanup;

import dev.agcinfra.audit.retained.AgcRegion;
import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.TerraformStateFile;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A realistic account for deletion-safety tests: one region where agc-infra was activated twice and then failed to
 * deactivate, beside what others own, with agc-infra's versioned state recording it all.
 *
 * <ol>
 *   <li>The user's own network ({@code userVpc}, two subnets) and bucket ({@code my-data}, with objects), both
 *       carrying {@code application-name=agc} as happens when tags are copied.</li>
 *   <li>Activation 1 on them: the core's state reads the VPC and the bucket with data sources; then a deactivation
 *       (an empty core state).</li>
 *   <li>Activation 2 with a new VPC and a new bucket ({@link AgcRegion#activate()}), then a destroy that failed
 *       midway ({@link AgcRegion#failedDestroy()}): NAT gateway, Elastic IP, endpoint and the VPC are left.</li>
 *   <li>Another Terraform project's state in the same state bucket, under {@code team/network} (no {@code .tfstate}),
 *       listing a resource.</li>
 *   <li>Another team's untagged VPC and bucket.</li>
 * </ol>
 * Bystander: a deactivated region with its own leftovers (us-west-2, the same kinds a cleanup of {@link #REGION}
 * deletes there), which a cleanup of {@link #REGION} must never touch.
 */
final class ActivationHistory {

    static final String REGION = "eu-west-1";
    static final List<String> REGIONS = List.of(REGION, "us-west-2");
    static final String USER_BUCKET = "my-data";
    static final String TEAM_BUCKET = "team-artifacts";
    static final String TEAM_STATE_KEY = "team/network";

    final AgcRegion agc;
    final AgcRegion deactivatedBystander;
    String userVpc;
    final List<String> userSubnets = new ArrayList<>();
    String teamVpc;
    private final URI endpoint;

    ActivationHistory(URI endpoint) {
        this.endpoint = endpoint;
        this.agc = new AgcRegion(endpoint, REGION);
        this.deactivatedBystander = new AgcRegion(endpoint, "us-west-2");
    }

    ActivationHistory build() {
        try (Ec2Client ec2 = agc.ec2(); S3Client s3 = agc.s3()) {
            userVpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16").tagSpecifications(copiedTags(ResourceType.VPC,
                    "lab-network"))).vpc().vpcId();
            for (int i = 0; i < 2; i++) {
                String cidr = "10.1." + (i * 16) + ".0/20";
                String az = REGION + (char) ('a' + i);
                userSubnets.add(ec2.createSubnet(r -> r.vpcId(userVpc).cidrBlock(cidr).availabilityZone(az)
                        .tagSpecifications(copiedTags(ResourceType.SUBNET, "lab-private"))).subnet().subnetId());
            }
            s3.createBucket(r -> r.bucket(USER_BUCKET).createBucketConfiguration(c -> c.locationConstraint(REGION)));
            s3.putBucketTagging(r -> r.bucket(USER_BUCKET).tagging(t -> t.tagSet(
                    software.amazon.awssdk.services.s3.model.Tag.builder().key("application-name").value("agc").build())));
            for (String key : List.of("runs/1/reads.bam", "runs/2/reads.bam")) {
                s3.putObject(r -> r.bucket(USER_BUCKET).key(key), RequestBody.fromBytes(new byte[100]));
            }

            // Activation 1, on the user's VPC and bucket, then a deactivation.
            agc.createStateBucket(s3);
            agc.writeState(s3, agc.coreStateKey(), new TerraformStateFile()
                    .data("aws_vpc", "vpc", userVpc)
                    .data("aws_s3_bucket", "results_bucket", USER_BUCKET)
                    .managed("aws_dynamodb_table", "table", "Agc")
                    .managed("aws_ssm_parameter", "parameters_vpc", "/agc/_common/vpc"));
            agc.writeState(s3, agc.coreStateKey(), new TerraformStateFile());

            teamVpc = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
            ec2.createSubnet(r -> r.vpcId(teamVpc).cidrBlock("10.9.0.0/24"));
            s3.createBucket(r -> r.bucket(TEAM_BUCKET).createBucketConfiguration(c -> c.locationConstraint(REGION)));
            s3.putObject(r -> r.bucket(TEAM_BUCKET).key("build.zip"), RequestBody.fromBytes(new byte[10]));
        }
        // Activation 2 with a new network and bucket, then a destroy that failed midway.
        agc.activate().failedDestroy();
        try (S3Client s3 = agc.s3()) {
            s3.putObject(r -> r.bucket(agc.stateBucket).key(TEAM_STATE_KEY), RequestBody.fromString(
                    new TerraformStateFile().managed("aws_vpc", "network", teamVpc).json()));
        }
        deactivatedBystander.activate().failedDestroy();
        return this;
    }

    /** Every id agc-infra's second activation left in {@link #REGION}: what a cleanup may delete there. */
    Set<String> agcLeftovers() {
        Set<String> ids = new LinkedHashSet<>(List.of(agc.vpc, agc.igw, agc.endpointSecurityGroup,
                agc.interfaceEndpoint, agc.natGateways.get(0), agc.elasticIps.get(0)));
        ids.addAll(agc.publicSubnets);
        ids.addAll(agc.privateSubnets);
        ids.addAll(agc.routeTables);
        try (Ec2Client ec2 = agc.ec2()) {
            // What AWS made with the VPC and goes with it, and the network interfaces of its NAT gateway and endpoint
            ec2.describeRouteTables(r -> r.filters(f -> f.name("vpc-id").values(agc.vpc))).routeTables()
                    .forEach(t -> ids.add(t.routeTableId()));
            ec2.describeSecurityGroups(r -> r.filters(f -> f.name("vpc-id").values(agc.vpc))).securityGroups()
                    .forEach(g -> ids.add(g.groupId()));
            ec2.describeNetworkInterfaces(r -> r.filters(f -> f.name("vpc-id").values(agc.vpc))).networkInterfaces()
                    .forEach(n -> ids.add(n.networkInterfaceId()));
        }
        return ids;
    }

    /** An untagged network interface of another service (a Lambda function) in one of the agc VPC's private subnets. */
    String foreignInterface() {
        try (Ec2Client ec2 = agc.ec2()) {
            return ec2.createNetworkInterface(r -> r.subnetId(agc.privateSubnets.get(0))
                    .description("AWS Lambda VPC ENI-report-builder")).networkInterface().networkInterfaceId();
        }
    }

    /** What the user, the other team and the other project own: never to be changed by a cleanup. */
    List<String> notOurs() {
        List<String> ids = new ArrayList<>(List.of(userVpc, teamVpc, USER_BUCKET + " ", USER_BUCKET + "/",
                TEAM_BUCKET, agc.stateBucket, agc.lambdaLogGroup));
        ids.addAll(userSubnets);
        return ids;
    }

    S3Client s3() {
        return AwsTestClients.build(S3Client.builder(), endpoint, REGION);
    }

    private static TagSpecification copiedTags(ResourceType type, String name) {
        return TagSpecification.builder().resourceType(type).tags(Tag.builder().key("Name").value(name).build(),
                Tag.builder().key("application-name").value("agc").build()).build();
    }
}
