package dev.agcinfra.app.cli;

import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.MotoServer;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Tag;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * AGC's own core as {@code agc account activate} leaves it, built on moto (region us-east-1): the CloudFormation stack
 * {@code Agc-Core} tagged {@code application-name=agc}, {@code agc-version}, holding AGC's {@code /agc/_common/}
 * parameters and the export {@code WesAdapterZipBucket}; the bucket {@code agc-<account>-<region>} with results in it
 * (not in the stack: AGC keeps it on deactivation); and optionally a context stack.
 */
final class MotoAgc implements AutoCloseable {

    static final String BUCKET = "agc-" + CliRun.ACCOUNT + "-" + MotoAccount.REGION;
    /** Objects a user of AGC has in the bucket: results, and AGC's own artifacts. */
    static final List<String> OBJECTS = List.of("project/demo/userid/alice/context/ctx1/workflow/hello/out.txt",
            "artifacts/batch-artifacts/ecs-additions/provision.sh");

    final CloudFormationClient cfn = AwsTestClients.build(CloudFormationClient.builder(), MotoServer.get().endpoint(),
            MotoAccount.REGION);
    final S3Client s3 = AwsTestClients.build(S3Client.builder(), MotoServer.get().endpoint(), MotoAccount.REGION);

    /** AGC's core, its bucket with objects, and (when named) a context stack. */
    void activate(String vpc, String... contexts) {
        s3.createBucket(b -> b.bucket(BUCKET));
        for (String key : OBJECTS) {
            s3.putObject(p -> p.bucket(BUCKET).key(key), RequestBody.fromString("made-up content of " + key));
        }
        String template = """
                {"Resources": {
                  "Handle": {"Type": "AWS::CloudFormation::WaitConditionHandle"},
                  "Vpc": {"Type": "AWS::SSM::Parameter", "Properties": {"Name": "/agc/_common/vpc", "Type": "String", "Value": "%s"}},
                  "Bucket": {"Type": "AWS::SSM::Parameter", "Properties": {"Name": "/agc/_common/bucket", "Type": "String", "Value": "%s"}},
                  "Artifacts": {"Type": "AWS::SSM::Parameter", "Properties": {"Name": "/agc/_common/installed-artifacts/s3-root-url", "Type": "String", "Value": "s3://%s/artifacts/batch-artifacts"}},
                  "WesKey": {"Type": "AWS::SSM::Parameter", "Properties": {"Name": "/agc/_common/WesAdapterZipKeyParameter", "Type": "String", "Value": "0123abcd.zip"}}},
                 "Outputs": {"WesAdapterZipBucket": {"Value": "cdk-hnb659fds-assets-123456789012-us-east-1", "Export": {"Name": "WesAdapterZipBucket"}}}}
                """.formatted(vpc, BUCKET, BUCKET);
        cfn.createStack(r -> r.stackName("Agc-Core").templateBody(template).tags(tag("application-name", "agc"),
                tag("agc-version", "1.6.0")));
        for (String context : contexts) {
            cfn.createStack(r -> r.stackName(context).tags(tag("application-name", "agc"), tag("agc-context", "ctx1"))
                    .templateBody("{\"Resources\": {\"Handle\": {\"Type\": \"AWS::CloudFormation::WaitConditionHandle\"}}}"));
        }
    }

    /** {@code agc account deactivate --force}: every AGC stack is deleted; the bucket and its objects stay. */
    void deactivate() {
        cfn.describeStacks().stacks().stream().filter(s -> s.stackName().startsWith("Agc-"))
                .forEach(s -> cfn.deleteStack(r -> r.stackName(s.stackName())));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Override
    public void close() {
        cfn.close();
        s3.close();
    }
}
