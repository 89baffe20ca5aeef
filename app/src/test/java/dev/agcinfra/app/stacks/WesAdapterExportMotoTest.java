package dev.agcinfra.app.stacks;

import static dev.agcinfra.app.stacks.Tf.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.FakeAgcInstallation;
import dev.agcinfra.testing.MotoServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * The export stack as synthesized, deployed by CloudFormation (moto's): a stack that imports {@code WesAdapterZipBucket},
 * as every AGC engine's WES adapter Lambda does, gets the bucket that holds the zip.
 */
class WesAdapterExportMotoTest {

    @Test
    void fnImportValueOfWesAdapterZipBucketResolvesToTheBucketThatHoldsTheZip(@TempDir Path agcHome) {
        MotoServer.get().reset();
        JsonNode core = Synth.stacks(Synth.settings(FakeAgcInstallation.create(agcHome).home(),
                OtherModesTest.ownVpc("us-east-1", OtherModesTest.SUBNETS))).get("agc-core-us-east-1");
        JsonNode export = resources(core, "aws_cloudformation_stack").get("wes_adapter_export");
        String zipBucket = resources(core, "aws_s3_object").get("artifacts_wes_adapter").path("bucket").asText();

        try (CloudFormationClient cfn = AwsTestClients.build(CloudFormationClient.builder(), MotoServer.get().endpoint(),
                "us-east-1")) {
            cfn.createStack(r -> r.stackName(export.path("name").asText()).templateBody(export.path("template_body").asText()));
            cfn.createStack(r -> r.stackName("Agc-Context-demo-alice-ctx1").templateBody("""
                    {"Resources": {"Handle": {"Type": "AWS::CloudFormation::WaitConditionHandle"}},
                     "Outputs": {"WesAdapterBucket": {"Value": {"Fn::ImportValue": "WesAdapterZipBucket"}}}}
                    """));

            String imported = cfn.describeStacks(r -> r.stackName("Agc-Context-demo-alice-ctx1")).stacks().get(0)
                    .outputs().get(0).outputValue();
            assertThat(imported).isEqualTo(zipBucket).isEqualTo("my-existing-bucket");
        }
    }
}
