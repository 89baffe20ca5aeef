package dev.agcinfra.testing;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Everything a test's (moto) account holds that agc-infra or agc-audit could create, change or delete, one line per
 * resource with what identifies its state: EC2 networking (VPCs, subnets, route tables, internet gateways, NAT
 * gateways with their state, Elastic IPs, endpoints with their state, security groups, network interfaces), S3 (every
 * bucket with its region, versioning and policy size, every object version and delete marker with its ETag and size),
 * log groups, SSM parameters with type, version and value, DynamoDB tables, CloudFormation stacks in every status and
 * exports. Taken before and after a command, the difference is exactly what it changed.
 *
 * <p>moto keeps every region apart and starts each with a default VPC; those are listed like any other VPC, so a
 * command that touched one would show.
 */
public final class AccountSnapshot {

    private AccountSnapshot() {
    }

    /** The lines of {@code regions} (S3 buckets are listed once, with their region). */
    public static SortedSet<String> of(URI endpoint, List<String> regions) {
        SortedSet<String> lines = java.util.Collections.synchronizedSortedSet(new TreeSet<>());
        regions.parallelStream().forEach(region -> region(endpoint, region, lines));
        s3(endpoint, lines);
        return new TreeSet<>(lines);
    }

    private static void region(URI endpoint, String region, Set<String> lines) {
        ec2(endpoint, region, lines);
        try (CloudWatchLogsClient logs = AwsTestClients.build(CloudWatchLogsClient.builder(), endpoint, region);
             SsmClient ssm = AwsTestClients.build(SsmClient.builder(), endpoint, region);
             DynamoDbClient dynamodb = AwsTestClients.build(DynamoDbClient.builder(), endpoint, region);
             CloudFormationClient cfn = AwsTestClients.build(CloudFormationClient.builder(), endpoint, region)) {
            logs.describeLogGroupsPaginator(r -> { }).logGroups()
                    .forEach(g -> lines.add(region + " logs log-group " + g.logGroupName()));
            ssm.describeParametersPaginator(r -> { }).stream().flatMap(p -> p.parameters().stream())
                    .forEach(p -> lines.add(region + " ssm parameter " + p.name() + " " + p.typeAsString() + " v"
                            + p.version() + " = " + ssm.getParameter(r -> r.name(p.name())).parameter().value()));
            dynamodb.listTablesPaginator(r -> { }).tableNames()
                    .forEach(t -> lines.add(region + " dynamodb table " + t));
            cfn.listStacksPaginator(r -> { }).stackSummaries()
                    .forEach(s -> lines.add(region + " cloudformation stack " + s.stackName() + " "
                            + s.stackStatusAsString()));
            cfn.listExportsPaginator(r -> { }).exports()
                    .forEach(e -> lines.add(region + " cloudformation export " + e.name() + " = " + e.value()));
        }
    }

    private static void s3(URI endpoint, Set<String> lines) {
        try (S3Client s3 = AwsTestClients.build(S3Client.builder(), endpoint, "us-east-1")) {
            for (var bucket : s3.listBuckets().buckets()) {
                String location = s3.getBucketLocation(r -> r.bucket(bucket.name())).locationConstraintAsString();
                lines.add("s3 bucket " + bucket.name() + " in "
                        + (location == null || location.isEmpty() ? "us-east-1" : location) + " versioning="
                        + s3.getBucketVersioning(r -> r.bucket(bucket.name())).statusAsString() + " policy="
                        + policy(s3, bucket.name()));
                for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(r -> r.bucket(bucket.name()))) {
                    page.versions().forEach(v -> lines.add("s3 object " + bucket.name() + "/" + v.key() + " version "
                            + v.versionId() + " etag=" + v.eTag() + " size=" + v.size()));
                    page.deleteMarkers().forEach(m -> lines.add("s3 delete-marker " + bucket.name() + "/" + m.key()
                            + " version " + m.versionId()));
                }
            }
        }
    }

    private static void ec2(URI endpoint, String region, Set<String> lines) {
        try (Ec2Client ec2 = AwsTestClients.build(Ec2Client.builder(), endpoint, region)) {
            String r = region + " ec2 ";
            ec2.describeVpcsPaginator(b -> { }).vpcs().forEach(v -> lines.add(r + "vpc " + v.vpcId()));
            ec2.describeSubnetsPaginator(b -> { }).subnets().forEach(s -> lines.add(r + "subnet " + s.subnetId()));
            ec2.describeRouteTablesPaginator(b -> { }).routeTables()
                    .forEach(t -> lines.add(r + "route-table " + t.routeTableId()));
            ec2.describeInternetGatewaysPaginator(b -> { }).internetGateways()
                    .forEach(g -> lines.add(r + "internet-gateway " + g.internetGatewayId()));
            ec2.describeNatGatewaysPaginator(b -> { }).natGateways()
                    .forEach(n -> lines.add(r + "nat-gateway " + n.natGatewayId() + " " + n.stateAsString()));
            ec2.describeAddresses(b -> b.filters(Filter.builder().name("domain").values("vpc").build())).addresses()
                    .forEach(a -> lines.add(r + "elastic-ip " + a.allocationId()));
            ec2.describeVpcEndpointsPaginator(b -> { }).vpcEndpoints()
                    .forEach(e -> lines.add(r + "vpc-endpoint " + e.vpcEndpointId() + " " + e.stateAsString()));
            ec2.describeSecurityGroupsPaginator(b -> { }).securityGroups()
                    .forEach(g -> lines.add(r + "security-group " + g.groupId()));
            ec2.describeNetworkInterfacesPaginator(b -> { }).networkInterfaces()
                    .forEach(n -> lines.add(r + "network-interface " + n.networkInterfaceId()));
        }
    }

    private static String policy(S3Client s3, String bucket) {
        try {
            return s3.getBucketPolicy(r -> r.bucket(bucket)).policy().length() + " chars";
        } catch (S3Exception none) {
            return "none";
        }
    }

    /** What {@code before} has and {@code after} lacks. */
    public static SortedSet<String> removed(SortedSet<String> before, SortedSet<String> after) {
        SortedSet<String> removed = new TreeSet<>(before);
        removed.removeAll(after);
        return removed;
    }

    /** What {@code after} has and {@code before} lacked. */
    public static SortedSet<String> added(SortedSet<String> before, SortedSet<String> after) {
        return removed(after, before);
    }
}
