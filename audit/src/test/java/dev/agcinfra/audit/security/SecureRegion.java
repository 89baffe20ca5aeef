package dev.agcinfra.audit.security;

import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.TerraformStateFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * One region of AGC infrastructure in moto as agc-infra deploys it, built with SDK calls after the example synth's
 * {@code agc-core-us-east-1} and {@code agc-data-us-east-1} (the fixture): the VPC 10.0.0.0/16 with its default
 * security group emptied (Terraform's {@code aws_default_security_group}), two public and two private subnets tagged
 * as agc-infra tags them, the endpoint security group with only TCP 443 from the VPC and no egress, the logs
 * interface endpoint with private DNS and the S3 gateway endpoint, the {@code Agc} table with point-in-time
 * recovery, the results bucket (SSE-KMS with bucket keys, all four public access blocks, the TLS-only policy,
 * {@code BucketOwnerEnforced}), and the state bucket as {@code account activate} makes it. Everything carries
 * {@code application-name} and {@code agc-version}, as the provider's {@code default_tags} put them. The tampering
 * methods change one thing each.
 *
 * <p>moto evaluates a bucket policy on object requests without knowing {@code aws:SecureTransport}, and takes the
 * unmet condition for a deny (moto/iam/access_control.py, {@code IAMPolicyStatement.is_action_permitted}): through
 * moto a TLS-only bucket's objects can be neither written nor read. So {@link #deploy()} makes the state bucket as
 * {@code account activate} does on AWS (TLS-only) and leaves it without state files, and
 * {@link #deployWithReadableState()} makes it as {@code account activate} does against an {@code http://} endpoint
 * (no TLS-only statement) and writes the state files listing the resources at their fixture addresses, for drift.
 */
final class SecureRegion {

    static final String ACCOUNT = "123456789012";
    static final String VERSION = "0.1.0";

    final String region;
    final String bucket;
    final String stateBucket;
    private final URI endpoint;

    String vpc;
    String defaultGroup;
    String endpointGroup;
    String logsEndpoint;
    String s3Endpoint;
    final List<String> publicSubnets = new ArrayList<>();
    final List<String> privateSubnets = new ArrayList<>();

    SecureRegion(URI endpoint, String region) {
        this.endpoint = endpoint;
        this.region = region;
        this.bucket = "agc-" + ACCOUNT + "-" + region;
        this.stateBucket = "agc-tfstate-" + ACCOUNT + "-" + region;
    }

    Ec2Client ec2() {
        return AwsTestClients.build(Ec2Client.builder(), endpoint, region);
    }

    S3Client s3() {
        return AwsTestClients.build(S3Client.builder(), endpoint, region);
    }

    DynamoDbClient dynamoDb() {
        return AwsTestClients.build(DynamoDbClient.builder(), endpoint, region);
    }

    /** The region, its state bucket TLS-only and empty. */
    SecureRegion deploy() {
        return deploy(false);
    }

    /** The region, its state bucket without the TLS-only statement and holding the state of both stacks. */
    SecureRegion deployWithReadableState() {
        return deploy(true);
    }

    private SecureRegion deploy(boolean readableState) {
        try (Ec2Client ec2 = ec2(); S3Client s3 = s3(); DynamoDbClient dynamo = dynamoDb()) {
            stateBucket(s3, !readableState);
            resultsBucket(s3);
            network(ec2);
            dynamo.createTable(r -> r.tableName("Agc").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("PK").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("SK").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("PK").keyType(KeyType.HASH),
                            k -> k.attributeName("SK").keyType(KeyType.RANGE))
                    .tags(t -> t.key("application-name").value("agc"), t -> t.key("agc-version").value(VERSION)));
            dynamo.updateContinuousBackups(r -> r.tableName("Agc")
                    .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
            if (!readableState) {
                return this;
            }
            writeState(s3, "agc/agc-data-" + region + ".tfstate", new TerraformStateFile()
                    .managed("aws_s3_bucket", "results_bucket", bucket)
                    .managed("aws_s3_bucket_policy", "results_bucket_policy", bucket));
            TerraformStateFile core = new TerraformStateFile()
                    .managed("aws_vpc", "vpc", vpc)
                    .managed("aws_security_group", "endpoints_security_group", endpointGroup)
                    .managed("aws_vpc_endpoint", "endpoints_logs", logsEndpoint)
                    .managed("aws_vpc_endpoint", "endpoints_s3", s3Endpoint)
                    .managed("aws_dynamodb_table", "table", "Agc");
            for (int i = 0; i < publicSubnets.size(); i++) {
                core.managed("aws_subnet", "vpc_public_subnet" + (i + 1), publicSubnets.get(i));
                core.managed("aws_subnet", "vpc_private_subnet" + (i + 1), privateSubnets.get(i));
            }
            writeState(s3, "agc/agc-core-" + region + ".tfstate", core);
        }
        return this;
    }

    private void network(Ec2Client ec2) {
        String core = "agc-core-" + region;
        vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16").tagSpecifications(agc(ResourceType.VPC, core + "/Vpc")))
                .vpc().vpcId();
        defaultGroup = ec2.describeSecurityGroups(r -> r.filters(f -> f.name("vpc-id").values(vpc),
                f -> f.name("group-name").values("default"))).securityGroups().get(0).groupId();
        // aws_default_security_group with no ingress or egress: Terraform removes AWS's default rules.
        emptyGroup(ec2, defaultGroup);
        for (int i = 0; i < 2; i++) {
            String az = region + (char) ('a' + i);
            String publicCidr = "10.0." + (i * 32) + ".0/19";
            String privateCidr = "10.0." + (96 + i * 32) + ".0/19";
            String publicName = core + "/Vpc/PublicSubnet" + (i + 1);
            String privateName = core + "/Vpc/PrivateSubnet" + (i + 1);
            String publicSubnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(publicCidr).availabilityZone(az)
                    .tagSpecifications(subnet(publicName, "Public"))).subnet().subnetId();
            ec2.modifySubnetAttribute(r -> r.subnetId(publicSubnet).mapPublicIpOnLaunch(v -> v.value(true)));
            publicSubnets.add(publicSubnet);
            privateSubnets.add(ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(privateCidr).availabilityZone(az)
                    .tagSpecifications(subnet(privateName, "Private"))).subnet().subnetId());
        }
        endpointGroup = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("agc-endpoints-20261203")
                .description("AGC interface VPC endpoints: HTTPS from inside the VPC only")
                .tagSpecifications(agc(ResourceType.SECURITY_GROUP, core + "/Endpoints"))).groupId();
        emptyGroup(ec2, endpointGroup);
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(endpointGroup).ipPermissions(p -> p.ipProtocol("tcp")
                .fromPort(443).toPort(443).ipRanges(range -> range.cidrIp("10.0.0.0/16"))));
        logsEndpoint = ec2.createVpcEndpoint(r -> r.vpcId(vpc).serviceName("com.amazonaws." + region + ".logs")
                .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(privateSubnets).securityGroupIds(endpointGroup)
                .privateDnsEnabled(true).tagSpecifications(agc(ResourceType.VPC_ENDPOINT, core + "/Endpoints/logs")))
                .vpcEndpoint().vpcEndpointId();
        s3Endpoint = ec2.createVpcEndpoint(r -> r.vpcId(vpc).serviceName("com.amazonaws." + region + ".s3")
                .vpcEndpointType(VpcEndpointType.GATEWAY)
                .tagSpecifications(agc(ResourceType.VPC_ENDPOINT, core + "/Endpoints/s3")))
                .vpcEndpoint().vpcEndpointId();
    }

    /** Revokes every rule of a group (AWS's defaults: all traffic out, and from the group itself in). */
    private static void emptyGroup(Ec2Client ec2, String group) {
        var found = ec2.describeSecurityGroups(r -> r.groupIds(group)).securityGroups().get(0);
        if (!found.ipPermissions().isEmpty()) {
            ec2.revokeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(found.ipPermissions()));
        }
        if (!found.ipPermissionsEgress().isEmpty()) {
            ec2.revokeSecurityGroupEgress(r -> r.groupId(group).ipPermissions(found.ipPermissionsEgress()));
        }
    }

    /** The results bucket as agc-infra's {@code agc-data-<region>} stack makes it. */
    private void resultsBucket(S3Client s3) {
        createBucket(s3, bucket);
        s3.putBucketEncryption(r -> r.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(rule -> rule
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS))
                .bucketKeyEnabled(true))));
        blockPublicAccess(s3, bucket);
        s3.putBucketPolicy(r -> r.bucket(bucket).policy(tlsOnlyPolicy(bucket, "DenyInsecureTransport")));
        s3.putBucketOwnershipControls(r -> r.bucket(bucket).ownershipControls(o -> o.rules(
                rule -> rule.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))));
        s3.putBucketTagging(r -> r.bucket(bucket).tagging(t -> t.tagSet(s3Tag("application-name", "agc"),
                s3Tag("agc-version", VERSION), s3Tag("team", "genomics"))));
    }

    /**
     * The state bucket as {@code account activate} makes it (app StateBucket): versioned, SSE-S3, every public access
     * block, the TLS-only statement (not against an {@code http://} endpoint), tagged; and, as AWS makes every new
     * bucket since April 2023 (moto does not), {@code BucketOwnerEnforced}.
     */
    private void stateBucket(S3Client s3, boolean tlsOnly) {
        createBucket(s3, stateBucket);
        s3.putBucketVersioning(r -> r.bucket(stateBucket).versioningConfiguration(v -> v.status("Enabled")));
        s3.putBucketEncryption(r -> r.bucket(stateBucket).serverSideEncryptionConfiguration(c -> c.rules(rule -> rule
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
        blockPublicAccess(s3, stateBucket);
        if (tlsOnly) {
            s3.putBucketPolicy(r -> r.bucket(stateBucket).policy(tlsOnlyPolicy(stateBucket,
                    "AgcInfraDenyInsecureTransport")));
        }
        s3.putBucketOwnershipControls(r -> r.bucket(stateBucket).ownershipControls(o -> o.rules(
                rule -> rule.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))));
        s3.putBucketTagging(r -> r.bucket(stateBucket).tagging(t -> t.tagSet(s3Tag("application-name", "agc"))));
    }

    private void createBucket(S3Client s3, String name) {
        s3.createBucket(r -> {
            r.bucket(name);
            if (!region.equals("us-east-1")) {
                r.createBucketConfiguration(c -> c.locationConstraint(region));
            }
        });
    }

    private static void blockPublicAccess(S3Client s3, String name) {
        s3.putPublicAccessBlock(r -> r.bucket(name).publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                .ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
    }

    static String tlsOnlyPolicy(String bucket, String sid) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + sid + "\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::" + bucket + "\","
                + "\"arn:aws:s3:::" + bucket + "/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";
    }

    private void writeState(S3Client s3, String key, TerraformStateFile state) {
        s3.putObject(r -> r.bucket(stateBucket).key(key), RequestBody.fromString(state.json(), StandardCharsets.UTF_8));
    }

    // The tampering, one change each.

    /** Someone opens the endpoint security group to the internet on port 22 for a quick debug. */
    void openSshToTheInternet() {
        try (Ec2Client ec2 = ec2()) {
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(endpointGroup).ipPermissions(IpPermission.builder()
                    .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(range -> range.cidrIp("0.0.0.0/0")).build()));
        }
    }

    /** Someone gives the default security group a rule (HTTPS from the VPC). */
    void ruleOnTheDefaultGroup() {
        try (Ec2Client ec2 = ec2()) {
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(defaultGroup).ipPermissions(p -> p.ipProtocol("tcp")
                    .fromPort(443).toPort(443).ipRanges(range -> range.cidrIp("10.0.0.0/16"))));
        }
    }

    /** Someone deletes the results bucket's public access block. */
    void unblockPublicAccess() {
        try (S3Client s3 = s3()) {
            s3.deletePublicAccessBlock(r -> r.bucket(bucket));
        }
    }

    /** Someone replaces the results bucket's policy with one without the TLS-only statement. */
    void replacePolicyWithoutTlsOnly() {
        try (S3Client s3 = s3()) {
            s3.putBucketPolicy(r -> r.bucket(bucket).policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":"
                    + "\"ReadForAnalytics\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT
                    + ":root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}"));
        }
    }

    /** Someone switches point-in-time recovery off on the table. */
    void pointInTimeRecoveryOff() {
        try (DynamoDbClient dynamo = dynamoDb()) {
            dynamo.updateContinuousBackups(r -> r.tableName("Agc")
                    .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(false)));
        }
    }

    private TagSpecification agc(ResourceType type, String name) {
        return TagSpecification.builder().resourceType(type)
                .tags(tag("Name", name), tag("application-name", "agc"), tag("agc-version", VERSION)).build();
    }

    private TagSpecification subnet(String name, String type) {
        return TagSpecification.builder().resourceType(ResourceType.SUBNET)
                .tags(tag("Name", name), tag("aws-cdk:subnet-name", type), tag("aws-cdk:subnet-type", type),
                        tag("application-name", "agc"), tag("agc-version", VERSION)).build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static software.amazon.awssdk.services.s3.model.Tag s3Tag(String key, String value) {
        return software.amazon.awssdk.services.s3.model.Tag.builder().key(key).value(value).build();
    }
}
