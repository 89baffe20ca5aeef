package dev.agcinfra.audit.testing;

import dev.agcinfra.testing.AwsTestClients;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Builds, with SDK calls, one region of AGC-like infrastructure (tagged {@code application-name=agc}) next to
 * another team's (untagged or tagged otherwise), and remembers what agc-audit must list; in moto's default account, or
 * in another one through the credentials of a role assumed there.
 */
public final class AgcScenario {

    /** moto's account. */
    public static final String ACCOUNT = "123456789012";

    /**
     * One expected resource.
     *
     * @param region the resource's own region
     * @param type   {@code service/type}
     * @param arn    its ARN
     * @param name   its Name tag, or null
     * @param state  the state agc-audit should report, or null
     */
    public record Expected(String region, String type, String arn, String name, String state) {
    }

    private final URI endpoint;
    private final String account;
    private final AwsCredentialsProvider credentials;
    private final List<Expected> expected = new ArrayList<>();
    private final List<String> othersArns = new ArrayList<>();

    /** A scenario in moto's default account. */
    public AgcScenario(URI endpoint) {
        this(endpoint, ACCOUNT, AwsTestClients.CREDENTIALS);
    }

    /**
     * A scenario in {@code account}, built with {@code credentials} (a role assumed in it: moto files what they
     * create under the role's account).
     */
    public AgcScenario(URI endpoint, String account, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.account = account;
        this.credentials = credentials;
    }

    /** The account the scenario is built in. */
    public String account() {
        return account;
    }

    /** Everything agc-audit must list, once each. */
    public List<Expected> expected() {
        return expected;
    }

    /** ARNs of the other team's resources, which must never be listed. */
    public List<String> othersArns() {
        return othersArns;
    }

    /** Builds AGC's core infrastructure and another team's resources in {@code region}. */
    public AgcScenario region(String region) {
        String core = "agc-core-" + region;
        try (Ec2Client ec2 = AwsTestClients.build(Ec2Client.builder(), endpoint, region, credentials);
             S3Client s3 = AwsTestClients.build(S3Client.builder(), endpoint, region, credentials);
             CloudWatchLogsClient logs = AwsTestClients.build(CloudWatchLogsClient.builder(), endpoint, region,
                     credentials);
             SsmClient ssm = AwsTestClients.build(SsmClient.builder(), endpoint, region, credentials);
             DynamoDbClient dynamodb = AwsTestClients.build(DynamoDbClient.builder(), endpoint, region, credentials)) {
            // AGC: VPC, one public and one private subnet in two AZs, a NAT gateway per public subnet with its EIP
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")
                    .tagSpecifications(agc(ResourceType.VPC, core + "/vpc"))).vpc().vpcId();
            expect(region, "ec2/vpc", ec2Arn(region, "vpc", vpc), core + "/vpc", null);
            List<String> publicSubnets = new ArrayList<>();
            List<String> privateSubnets = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String az = region + (char) ('a' + i);
                String cidrPublic = "10.0." + (i * 32) + ".0/19";
                String cidrPrivate = "10.0." + (96 + i * 32) + ".0/19";
                String name = core + "/public-" + (i + 1);
                String pub = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidrPublic).availabilityZone(az)
                        .tagSpecifications(agc(ResourceType.SUBNET, name))).subnet().subnetId();
                publicSubnets.add(pub);
                expect(region, "ec2/subnet", ec2Arn(region, "subnet", pub), name, null);
                String privateName = core + "/private-" + (i + 1);
                String priv = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidrPrivate).availabilityZone(az)
                        .tagSpecifications(agc(ResourceType.SUBNET, privateName))).subnet().subnetId();
                privateSubnets.add(priv);
                expect(region, "ec2/subnet", ec2Arn(region, "subnet", priv), privateName, null);
            }
            for (int i = 0; i < 2; i++) {
                String name = core + "/nat-" + (i + 1);
                String eip = ec2.allocateAddress(r -> r.domain(DomainType.VPC)
                        .tagSpecifications(agc(ResourceType.ELASTIC_IP, name))).allocationId();
                String subnet = publicSubnets.get(i);
                String nat = ec2.createNatGateway(r -> r.subnetId(subnet).allocationId(eip)
                        .tagSpecifications(agc(ResourceType.NATGATEWAY, name))).natGateway().natGatewayId();
                expect(region, "ec2/natgateway", ec2Arn(region, "natgateway", nat), name, "available");
                expect(region, "ec2/elastic-ip", ec2Arn(region, "elastic-ip", eip), name, "associated");
            }
            // An idle Elastic IP left by AGC: listed, unassociated
            String idle = ec2.allocateAddress(r -> r.domain(DomainType.VPC)
                    .tagSpecifications(agc(ResourceType.ELASTIC_IP, core + "/idle"))).allocationId();
            expect(region, "ec2/elastic-ip", ec2Arn(region, "elastic-ip", idle), core + "/idle", "unassociated");
            // Gateway endpoint for S3, interface endpoint for logs
            String gateway = ec2.createVpcEndpoint(r -> r.vpcId(vpc).serviceName("com.amazonaws." + region + ".s3")
                    .vpcEndpointType(VpcEndpointType.GATEWAY)
                    .tagSpecifications(agc(ResourceType.VPC_ENDPOINT, "s3"))).vpcEndpoint().vpcEndpointId();
            expect(region, "ec2/vpc-endpoint", ec2Arn(region, "vpc-endpoint", gateway), "s3", "available");
            String iface = ec2.createVpcEndpoint(r -> r.vpcId(vpc).serviceName("com.amazonaws." + region + ".logs")
                    .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(privateSubnets)
                    .tagSpecifications(agc(ResourceType.VPC_ENDPOINT, "logs"))).vpcEndpoint().vpcEndpointId();
            expect(region, "ec2/vpc-endpoint", ec2Arn(region, "vpc-endpoint", iface), "logs", "available");
            // The results bucket
            String bucket = "agc-" + account + "-" + region;
            s3.createBucket(r -> {
                r.bucket(bucket);
                if (!region.equals("us-east-1")) {
                    r.createBucketConfiguration(c -> c.locationConstraint(region));
                }
            });
            s3.putBucketTagging(r -> r.bucket(bucket).tagging(t -> t.tagSet(
                    software.amazon.awssdk.services.s3.model.Tag.builder().key("application-name").value("agc").build())));
            expect(region, "s3/bucket", "arn:aws:s3:::" + bucket, null, null);
            // Log groups: one tagged by its stack, one Lambda created untagged under an AGC prefix
            String engineLogs = "Agc-Context-demo-alice-ctx1-EngineLogGroup";
            logs.createLogGroup(r -> r.logGroupName(engineLogs).tags(Map.of("application-name", "agc")));
            expect(region, "logs/log-group", logsArn(region, engineLogs), null, null);
            String lambdaLogs = "/aws/lambda/Agc-Core-CustomCDKBucketDeployment-" + region;
            logs.createLogGroup(r -> r.logGroupName(lambdaLogs));
            expect(region, "logs/log-group", logsArn(region, lambdaLogs), null, null);
            // SSM parameters and the table
            for (String parameter : List.of("/agc/_common/vpc", "/agc/_common/bucket")) {
                ssm.putParameter(r -> r.name(parameter).type(ParameterType.STRING).value(parameter.endsWith("vpc") ? vpc : bucket)
                        .tags(software.amazon.awssdk.services.ssm.model.Tag.builder().key("application-name").value("agc").build()));
                expect(region, "ssm/parameter", "arn:aws:ssm:" + region + ":" + account + ":parameter" + parameter, null, null);
            }
            dynamodb.createTable(r -> r.tableName("Agc").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName("PK").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("SK").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("SK").keyType(KeyType.RANGE).build())
                    .tags(software.amazon.awssdk.services.dynamodb.model.Tag.builder().key("application-name").value("agc")
                            .build()));
            expect(region, "dynamodb/table", "arn:aws:dynamodb:" + region + ":" + account + ":table/Agc", null, null);

            // Another team: a VPC tagged with another application, an untagged NAT gateway, EIP and endpoint,
            // an untagged bucket, log groups outside AGC's prefixes, an untagged parameter
            String otherVpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16").tagSpecifications(TagSpecification.builder()
                    .resourceType(ResourceType.VPC).tags(tag("application-name", "other"), tag("Name", "other")).build()))
                    .vpc().vpcId();
            othersArns.add(ec2Arn(region, "vpc", otherVpc));
            String otherSubnet = ec2.createSubnet(r -> r.vpcId(otherVpc).cidrBlock("10.1.0.0/24")
                    .availabilityZone(region + "a")).subnet().subnetId();
            othersArns.add(ec2Arn(region, "subnet", otherSubnet));
            String otherEip = ec2.allocateAddress(r -> r.domain(DomainType.VPC)).allocationId();
            othersArns.add(ec2Arn(region, "elastic-ip", otherEip));
            String otherNat = ec2.createNatGateway(r -> r.subnetId(otherSubnet).allocationId(otherEip))
                    .natGateway().natGatewayId();
            othersArns.add(ec2Arn(region, "natgateway", otherNat));
            String otherEndpoint = ec2.createVpcEndpoint(r -> r.vpcId(otherVpc)
                    .serviceName("com.amazonaws." + region + ".s3").vpcEndpointType(VpcEndpointType.GATEWAY))
                    .vpcEndpoint().vpcEndpointId();
            othersArns.add(ec2Arn(region, "vpc-endpoint", otherEndpoint));
            String otherBucket = "other-team-" + (account.equals(ACCOUNT) ? "" : account + "-") + region;
            s3.createBucket(r -> {
                r.bucket(otherBucket);
                if (!region.equals("us-east-1")) {
                    r.createBucketConfiguration(c -> c.locationConstraint(region));
                }
            });
            othersArns.add("arn:aws:s3:::" + otherBucket);
            for (String group : List.of("/aws/lambda/other-team-fn", "agc-lookalike-but-lower-case")) {
                logs.createLogGroup(r -> r.logGroupName(group).tags(Map.of("team", "other")));
                othersArns.add(logsArn(region, group));
            }
            ssm.putParameter(r -> r.name("/other/setting").type(ParameterType.STRING).value("x"));
            othersArns.add("arn:aws:ssm:" + region + ":" + account + ":parameter/other/setting");
        }
        return this;
    }

    private void expect(String region, String type, String arn, String name, String state) {
        expected.add(new Expected(region, type, arn, name, state));
    }

    private static TagSpecification agc(ResourceType type, String name) {
        return TagSpecification.builder().resourceType(type)
                .tags(tag("Name", name), tag("application-name", "agc"), tag("agc-version", "1.6.0")).build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private String ec2Arn(String region, String type, String id) {
        return "arn:aws:ec2:" + region + ":" + account + ":" + type + "/" + id;
    }

    private String logsArn(String region, String name) {
        return "arn:aws:logs:" + region + ":" + account + ":log-group:" + name;
    }
}
