package dev.agcinfra.audit.retained;

import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.TerraformStateFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
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
 * One region of AGC infrastructure built with SDK calls as agc-infra would (everything tagged
 * {@code application-name=agc}), with agc-infra's Terraform state written as Terraform would write it: a versioned
 * state bucket holding {@code agc/agc-data-<region>.tfstate} and {@code agc/agc-core-<region>.tfstate}, a new version
 * on every apply and destroy, each resource at its agc-infra address. {@link #deactivate()} destroys the core as
 * Terraform would, keeping the results bucket with its objects, the state bucket and the log groups;
 * {@link #failedDestroy()} stops halfway, leaving a NAT gateway, its Elastic IP, an interface endpoint and the VPC
 * with its parts, and the core's state listing exactly those.
 */
public final class AgcRegion {

    public static final String ACCOUNT = "123456789012";
    /** Sizes of the two objects put in the results bucket. */
    public static final int OBJECT_1_BYTES = 1000;
    public static final int OBJECT_2_BYTES = 2000;

    public final String region;
    public final String bucket;
    public final String stateBucket;
    public final String taggedLogGroup = "Agc-Context-demo-alice-ctx1-EngineLogGroup";
    public final String lambdaLogGroup = "/aws/lambda/Agc-Core-CustomCDKBucketDeployment";
    private final URI endpoint;

    public String vpc;
    public String igw;
    public final List<String> publicSubnets = new ArrayList<>();
    public final List<String> privateSubnets = new ArrayList<>();
    public final List<String> routeTables = new ArrayList<>();
    public final List<String> natGateways = new ArrayList<>();
    public final List<String> elasticIps = new ArrayList<>();
    public String gatewayEndpoint;
    public String interfaceEndpoint;
    public String endpointSecurityGroup;
    /** Every version of the core stack's state written so far, oldest first. */
    public final List<TerraformStateFile> coreStates = new ArrayList<>();
    private int serial;

    public AgcRegion(URI endpoint, String region) {
        this.endpoint = endpoint;
        this.region = region;
        this.bucket = "agc-" + ACCOUNT + "-" + region;
        this.stateBucket = "agc-tfstate-" + ACCOUNT + "-" + region;
    }

    public Ec2Client ec2() {
        return AwsTestClients.build(Ec2Client.builder(), endpoint, region);
    }

    public S3Client s3() {
        return AwsTestClients.build(S3Client.builder(), endpoint, region);
    }

    public CloudWatchLogsClient logs() {
        return AwsTestClients.build(CloudWatchLogsClient.builder(), endpoint, region);
    }

    /** agc-infra's activate: state bucket, data stack (bucket), core stack (network, table, SSM, logs). */
    public AgcRegion activate() {
        String core = "agc-core-" + region;
        try (Ec2Client ec2 = ec2(); S3Client s3 = s3(); CloudWatchLogsClient logs = logs();
             SsmClient ssm = AwsTestClients.build(SsmClient.builder(), endpoint, region);
             DynamoDbClient dynamodb = AwsTestClients.build(DynamoDbClient.builder(), endpoint, region)) {
            createStateBucket(s3);
            writeState(s3, dataStateKey(), new TerraformStateFile()
                    .managed("aws_s3_bucket", "results_bucket", bucket)
                    .managed("aws_s3_bucket_policy", "results_bucket_policy", bucket));
            createBucket(s3, bucket, true);
            s3.putObject(r -> r.bucket(bucket).key("project/run-1/out.txt"),
                    RequestBody.fromBytes(new byte[OBJECT_1_BYTES]));
            s3.putObject(r -> r.bucket(bucket).key("project/run-2/out.txt"),
                    RequestBody.fromBytes(new byte[OBJECT_2_BYTES]));

            vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16").tagSpecifications(agc(ResourceType.VPC, core + "/vpc")))
                    .vpc().vpcId();
            igw = ec2.createInternetGateway(r -> r.tagSpecifications(agc(ResourceType.INTERNET_GATEWAY, core + "/igw")))
                    .internetGateway().internetGatewayId();
            ec2.attachInternetGateway(r -> r.vpcId(vpc).internetGatewayId(igw));
            for (int i = 0; i < 2; i++) {
                String az = region + (char) ('a' + i);
                String cidrPublic = "10.0." + (i * 32) + ".0/19";
                String cidrPrivate = "10.0." + (96 + i * 32) + ".0/19";
                publicSubnets.add(ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidrPublic).availabilityZone(az)
                        .tagSpecifications(agc(ResourceType.SUBNET, core + "/public"))).subnet().subnetId());
                privateSubnets.add(ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidrPrivate).availabilityZone(az)
                        .tagSpecifications(agc(ResourceType.SUBNET, core + "/private"))).subnet().subnetId());
            }
            String publicRoutes = ec2.createRouteTable(r -> r.vpcId(vpc)
                    .tagSpecifications(agc(ResourceType.ROUTE_TABLE, core + "/public"))).routeTable().routeTableId();
            routeTables.add(publicRoutes);
            ec2.createRoute(r -> r.routeTableId(publicRoutes).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
            for (String subnet : publicSubnets) {
                ec2.associateRouteTable(r -> r.routeTableId(publicRoutes).subnetId(subnet));
            }
            for (int n = 0; n < 2; n++) {
                int i = n;
                String name = core + "/nat-" + (i + 1);
                String eip = ec2.allocateAddress(r -> r.domain(DomainType.VPC)
                        .tagSpecifications(agc(ResourceType.ELASTIC_IP, name))).allocationId();
                elasticIps.add(eip);
                String subnet = publicSubnets.get(i);
                natGateways.add(ec2.createNatGateway(r -> r.subnetId(subnet).allocationId(eip)
                        .tagSpecifications(agc(ResourceType.NATGATEWAY, name))).natGateway().natGatewayId());
                String nat = natGateways.get(i);
                String privateRoutes = ec2.createRouteTable(r -> r.vpcId(vpc)
                        .tagSpecifications(agc(ResourceType.ROUTE_TABLE, core + "/private-" + (i + 1))))
                        .routeTable().routeTableId();
                routeTables.add(privateRoutes);
                ec2.createRoute(r -> r.routeTableId(privateRoutes).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));
                String privateSubnet = privateSubnets.get(i);
                ec2.associateRouteTable(r -> r.routeTableId(privateRoutes).subnetId(privateSubnet));
            }
            endpointSecurityGroup = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("agc-endpoints")
                    .description("TCP 443 from the VPC").tagSpecifications(agc(ResourceType.SECURITY_GROUP,
                            core + "/endpoints"))).groupId();
            gatewayEndpoint = ec2.createVpcEndpoint(r -> r.vpcId(vpc).serviceName("com.amazonaws." + region + ".s3")
                    .vpcEndpointType(VpcEndpointType.GATEWAY).routeTableIds(routeTables)
                    .tagSpecifications(agc(ResourceType.VPC_ENDPOINT, core + "/s3"))).vpcEndpoint().vpcEndpointId();
            interfaceEndpoint = ec2.createVpcEndpoint(r -> r.vpcId(vpc).serviceName("com.amazonaws." + region + ".logs")
                    .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(privateSubnets)
                    .tagSpecifications(agc(ResourceType.VPC_ENDPOINT, core + "/logs"))).vpcEndpoint().vpcEndpointId();

            logs.createLogGroup(r -> r.logGroupName(taggedLogGroup).tags(Map.of("application-name", "agc")));
            logs.putRetentionPolicy(r -> r.logGroupName(taggedLogGroup).retentionInDays(30));
            logs.createLogGroup(r -> r.logGroupName(lambdaLogGroup));
            for (String group : List.of(taggedLogGroup, lambdaLogGroup)) {
                logs.createLogStream(r -> r.logGroupName(group).logStreamName("stream"));
                logs.putLogEvents(r -> r.logGroupName(group).logStreamName("stream").logEvents(
                        InputLogEvent.builder().timestamp(System.currentTimeMillis())
                                .message("workflow started: " + "x".repeat(200)).build()));
            }
            for (String parameter : List.of("/agc/_common/vpc", "/agc/_common/bucket")) {
                ssm.putParameter(r -> r.name(parameter).type(ParameterType.STRING)
                        .value(parameter.endsWith("vpc") ? vpc : bucket)
                        .tags(software.amazon.awssdk.services.ssm.model.Tag.builder().key("application-name")
                                .value("agc").build()));
            }
            dynamodb.createTable(r -> r.tableName("Agc").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("PK").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("SK").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("PK").keyType(KeyType.HASH),
                            k -> k.attributeName("SK").keyType(KeyType.RANGE))
                    .tags(t -> t.key("application-name").value("agc")));
            writeState(s3, coreStateKey(), coreState(false));
        }
        return this;
    }

    /** The core stack's state listing every core resource, or, after a failed destroy, only what is left. */
    private TerraformStateFile coreState(boolean leftByFailedDestroy) {
        TerraformStateFile state = new TerraformStateFile()
                .managed("aws_vpc", "vpc", vpc)
                .managed("aws_internet_gateway", "vpc_igw", igw)
                .managed("aws_security_group", "endpoints_security_group", endpointSecurityGroup)
                .managed("aws_vpc_endpoint", "endpoints_logs", interfaceEndpoint)
                .managed("aws_nat_gateway", "vpc_public_subnet1_nat_gateway", natGateways.get(0))
                .managed("aws_eip", "vpc_public_subnet1_eip", elasticIps.get(0));
        for (int i = 0; i < publicSubnets.size(); i++) {
            state.managed("aws_subnet", "vpc_public_subnet" + (i + 1), publicSubnets.get(i));
            state.managed("aws_subnet", "vpc_private_subnet" + (i + 1), privateSubnets.get(i));
        }
        for (int i = 0; i < routeTables.size(); i++) {
            state.managed("aws_route_table", "vpc_route_table" + (i + 1), routeTables.get(i));
        }
        if (!leftByFailedDestroy) {
            state.managed("aws_vpc_endpoint", "endpoints_s3", gatewayEndpoint)
                    .managed("aws_nat_gateway", "vpc_public_subnet2_nat_gateway", natGateways.get(1))
                    .managed("aws_eip", "vpc_public_subnet2_eip", elasticIps.get(1))
                    .managed("aws_dynamodb_table", "table", "Agc")
                    .managed("aws_ssm_parameter", "parameters_vpc", "/agc/_common/vpc")
                    .managed("aws_ssm_parameter", "parameters_bucket", "/agc/_common/bucket")
                    .data("aws_ssm_parameter", "parameters_ecs_optimized_ami",
                            "/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id");
        }
        return state;
    }

    /** {@code agc/agc-core-<region>.tfstate}. */
    public String coreStateKey() {
        return "agc/agc-core-" + region + ".tfstate";
    }

    /** {@code agc/agc-data-<region>.tfstate}. */
    public String dataStateKey() {
        return "agc/agc-data-" + region + ".tfstate";
    }

    /** The state bucket, versioned and tagged, as {@code account activate} creates it (once). */
    public void createStateBucket(S3Client s3) {
        if (s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(stateBucket))) {
            return;
        }
        createBucket(s3, stateBucket, true);
        s3.putBucketVersioning(r -> r.bucket(stateBucket).versioningConfiguration(v -> v.status("Enabled")));
    }

    /** Writes a new version of a state file, as Terraform does after an apply or destroy. */
    public void writeState(S3Client s3, String key, TerraformStateFile state) {
        state.serial(++serial);
        if (key.equals(coreStateKey())) {
            coreStates.add(state);
        }
        s3.putObject(r -> r.bucket(stateBucket).key(key), RequestBody.fromString(state.json(), StandardCharsets.UTF_8));
    }

    /** Writes a new version of a state file. */
    public void writeState(String key, TerraformStateFile state) {
        try (S3Client s3 = s3()) {
            writeState(s3, key, state);
        }
    }

    /** {@code terraform destroy} of agc-core that completes: everything of the core goes, the data stays. */
    public AgcRegion deactivate() {
        destroyCore(false);
        return this;
    }

    /** A destroy that fails halfway: NAT gateway 1, its Elastic IP, the interface endpoint and the VPC stay. */
    public AgcRegion failedDestroy() {
        destroyCore(true);
        return this;
    }

    private void destroyCore(boolean failHalfway) {
        try (Ec2Client ec2 = ec2(); SsmClient ssm = AwsTestClients.build(SsmClient.builder(), endpoint, region);
             DynamoDbClient dynamodb = AwsTestClients.build(DynamoDbClient.builder(), endpoint, region);
             S3Client s3 = s3()) {
            ssm.deleteParameters(r -> r.names("/agc/_common/vpc", "/agc/_common/bucket"));
            dynamodb.deleteTable(r -> r.tableName("Agc"));
            ec2.deleteNatGateway(r -> r.natGatewayId(natGateways.get(1)));
            ec2.releaseAddress(r -> r.allocationId(elasticIps.get(1)));
            ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds(gatewayEndpoint));
            if (failHalfway) {
                writeState(s3, coreStateKey(), coreState(true));
                return;
            }
            destroyLeft(ec2, s3);
        }
    }

    /**
     * {@code terraform destroy} of agc-core run again after {@link #failedDestroy()}, completing: what the failed
     * destroy left goes, and the core's state gets a version recording no resource.
     */
    public AgcRegion completeDestroy() {
        try (Ec2Client ec2 = ec2(); S3Client s3 = s3()) {
            destroyLeft(ec2, s3);
        }
        return this;
    }

    /** What {@link #failedDestroy()} leaves, destroyed; then the core's empty state. */
    private void destroyLeft(Ec2Client ec2, S3Client s3) {
        ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds(interfaceEndpoint));
        ec2.deleteNatGateway(r -> r.natGatewayId(natGateways.get(0)));
        ec2.releaseAddress(r -> r.allocationId(elasticIps.get(0)));
        for (String table : routeTables) {
            ec2.describeRouteTables(r -> r.routeTableIds(table)).routeTables().get(0).associations()
                    .forEach(a -> ec2.disassociateRouteTable(d -> d.associationId(a.routeTableAssociationId())));
            ec2.deleteRouteTable(r -> r.routeTableId(table));
        }
        for (String subnet : publicSubnets) {
            ec2.deleteSubnet(r -> r.subnetId(subnet));
        }
        for (String subnet : privateSubnets) {
            ec2.deleteSubnet(r -> r.subnetId(subnet));
        }
        ec2.detachInternetGateway(r -> r.vpcId(vpc).internetGatewayId(igw));
        ec2.deleteInternetGateway(r -> r.internetGatewayId(igw));
        ec2.deleteSecurityGroup(r -> r.groupId(endpointSecurityGroup));
        ec2.deleteVpc(r -> r.vpcId(vpc));
        writeState(s3, coreStateKey(), new TerraformStateFile());
    }

    /** A bucket another party made: untagged. */
    public void untaggedBucket(String name) {
        try (S3Client s3 = s3()) {
            createBucket(s3, name, false);
            s3.putObject(r -> r.bucket(name).key("mine.txt"), RequestBody.fromBytes(new byte[10]));
        }
    }

    private void createBucket(S3Client s3, String name, boolean tagged) {
        s3.createBucket(r -> {
            r.bucket(name);
            if (!region.equals("us-east-1")) {
                r.createBucketConfiguration(c -> c.locationConstraint(region));
            }
        });
        if (tagged) {
            s3.putBucketTagging(r -> r.bucket(name).tagging(t -> t.tagSet(
                    software.amazon.awssdk.services.s3.model.Tag.builder().key("application-name").value("agc").build(),
                    software.amazon.awssdk.services.s3.model.Tag.builder().key("agc-version").value("1.6.0").build())));
        }
    }

    private static TagSpecification agc(ResourceType type, String name) {
        return TagSpecification.builder().resourceType(type)
                .tags(tag("Name", name), tag("application-name", "agc"), tag("agc-version", "1.6.0")).build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
