package dev.agcinfra.app.cli;

import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.MotoServer;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Everything in moto's account that agc-infra or AGC could create or change, one sorted line each: buckets (with
 * versioning) and every object with its ETag and size, SSM parameters with value and version, CloudFormation stacks
 * in every status and exports, DynamoDB tables, VPCs, subnets, Elastic IPs and NAT gateways. Two equal snapshots mean
 * nothing of these changed in between.
 */
final class AccountSnapshot {

    private AccountSnapshot() {
    }

    static List<String> of(String region) {
        List<String> lines = new ArrayList<>();
        var endpoint = MotoServer.get().endpoint();
        try (S3Client s3 = AwsTestClients.build(S3Client.builder(), endpoint, region);
             SsmClient ssm = AwsTestClients.build(SsmClient.builder(), endpoint, region);
             CloudFormationClient cfn = AwsTestClients.build(CloudFormationClient.builder(), endpoint, region);
             DynamoDbClient ddb = AwsTestClients.build(DynamoDbClient.builder(), endpoint, region);
             Ec2Client ec2 = AwsTestClients.build(Ec2Client.builder(), endpoint, region)) {
            s3.listBuckets().buckets().forEach(b -> {
                lines.add("s3 bucket " + b.name() + " versioning=" + s3.getBucketVersioning(r -> r.bucket(b.name())).statusAsString()
                        + " policy=" + policy(s3, b.name()));
                s3.listObjectsV2Paginator(r -> r.bucket(b.name())).contents().forEach(o -> lines.add(
                        "s3 object " + b.name() + "/" + o.key() + " etag=" + o.eTag() + " size=" + o.size()));
            });
            ssm.describeParametersPaginator(r -> { }).stream().flatMap(page -> page.parameters().stream()).forEach(p -> lines.add("ssm " + p.name() + " "
                    + p.typeAsString() + " v" + p.version() + " = " + ssm.getParameter(r -> r.name(p.name())).parameter().value()));
            cfn.listStacksPaginator(r -> { }).stackSummaries().forEach(s -> lines.add("cloudformation stack "
                    + s.stackName() + " " + s.stackStatusAsString()));
            cfn.listExportsPaginator(r -> { }).exports().forEach(e -> lines.add("cloudformation export " + e.name()
                    + " = " + e.value()));
            ddb.listTablesPaginator(r -> { }).tableNames().forEach(t -> lines.add("dynamodb table " + t));
            ec2.describeVpcsPaginator(r -> { }).vpcs().forEach(v -> lines.add("ec2 vpc " + v.vpcId()));
            ec2.describeSubnetsPaginator(r -> { }).subnets().forEach(s -> lines.add("ec2 subnet " + s.subnetId()));
            ec2.describeAddresses(r -> { }).addresses().forEach(a -> lines.add("ec2 address " + a.allocationId()));
            ec2.describeNatGatewaysPaginator(r -> { }).natGateways().forEach(n -> lines.add("ec2 nat " + n.natGatewayId()));
        }
        lines.sort(null);
        return lines;
    }

    private static String policy(S3Client s3, String bucket) {
        try {
            return s3.getBucketPolicy(r -> r.bucket(bucket)).policy().length() + " chars";
        } catch (S3Exception e) {
            return "none";
        }
    }
}
