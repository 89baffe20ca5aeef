package dev.agcinfra.modules.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class WesAdapterExportTest {

    @Test
    void theTemplateExportsTheBucketAsWesAdapterZipBucketBesideOneNoOpResource() throws Exception {
        JsonNode template = new ObjectMapper().readTree(WesAdapterExport.template("agc-123456789012-us-east-1"));

        JsonNode output = template.path("Outputs").path("WesAdapterZipBucket");
        assertThat(output.path("Value").asText()).isEqualTo("agc-123456789012-us-east-1");
        assertThat(output.path("Export").path("Name").asText()).isEqualTo("WesAdapterZipBucket");
        assertThat(template.path("Resources").size()).isEqualTo(1);
        assertThat(template.path("Resources").elements().next().path("Type").asText())
                .isEqualTo("AWS::CloudFormation::WaitConditionHandle");
    }

    @Test
    void aNameThatWouldBreakTheJsonIsRefused() {
        assertThatThrownBy(() -> WesAdapterExport.template("a\"b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a bucket name");
    }
}
