package dev.agcinfra.audit.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArnTest {

    @ParameterizedTest(name = "{0} is {1} {2} {3} in ''{4}''")
    @CsvSource(delimiter = '|', value = {
        "arn:aws:ec2:us-east-1:123456789012:natgateway/nat-0a1b | ec2 | natgateway | nat-0a1b | us-east-1",
        "arn:aws:ec2:us-east-1:123456789012:vpc-endpoint/vpce-01 | ec2 | vpc-endpoint | vpce-01 | us-east-1",
        "arn:aws:s3:::agc-123456789012-us-east-1 | s3 | bucket | agc-123456789012-us-east-1 | ''",
        "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/Agc-Core-x | logs | log-group | /aws/lambda/Agc-Core-x | us-east-1",
        "arn:aws:ssm:us-east-1:123456789012:parameter/agc/_common/vpc | ssm | parameter | /agc/_common/vpc | us-east-1",
        "arn:aws:ssm:us-east-1:123456789012:parameter/flat | ssm | parameter | flat | us-east-1",
        "arn:aws:dynamodb:us-east-1:123456789012:table/Agc | dynamodb | table | Agc | us-east-1",
        "arn:aws:iam::123456789012:role/agc-role | iam | role | agc-role | ''",
        "arn:aws-cn:ec2:cn-north-1:123456789012:vpc/vpc-1 | ec2 | vpc | vpc-1 | cn-north-1",
    })
    void splitsTheResourcePartAtTheFirstSlashOrColon(String text, String service, String type, String id,
            String region) {
        Arn arn = Arn.parse(text);

        assertThat(arn.service()).isEqualTo(service);
        assertThat(arn.type()).isEqualTo(type);
        assertThat(arn.id()).isEqualTo(id);
        assertThat(arn.region()).isEqualTo(region);
    }

    @Test
    @DisplayName("EC2 ARNs are built the way EC2 writes them")
    void buildsEc2Arns() {
        assertThat(Arn.of("aws", "ec2", "eu-west-1", "123456789012", "elastic-ip", "eipalloc-1"))
                .isEqualTo("arn:aws:ec2:eu-west-1:123456789012:elastic-ip/eipalloc-1");
    }

    @Test
    @DisplayName("text that is not an ARN is rejected")
    void rejectsNonArns() {
        assertThatThrownBy(() -> Arn.parse("nat-0123")).isInstanceOf(IllegalArgumentException.class);
    }
}
