package dev.agcinfra.audit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.aws.AwsClientFactory;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

class EndpointNamesTest {

    @Test
    @DisplayName("every client agc-audit builds has its AWS_ENDPOINT_URL_<SERVICE> name, as the SDK spells it")
    void everyClientInUseHasItsVariable() {
        List<Object> builders = List.of(Ec2Client.builder(), S3Client.builder(), StsClient.builder(),
                SsmClient.builder(), ResourceGroupsTaggingApiClient.builder(), CloudWatchLogsClient.builder(),
                CloudWatchClient.builder(), CostExplorerClient.builder(), PricingClient.builder(), IamClient.builder());

        assertThat(builders).extracting(AwsClientFactory::endpointSuffix).containsExactly("EC2", "S3", "STS", "SSM",
                "RESOURCE_GROUPS_TAGGING_API", "CLOUDWATCH_LOGS", "CLOUDWATCH", "COST_EXPLORER", "PRICING", "IAM");
    }
}
