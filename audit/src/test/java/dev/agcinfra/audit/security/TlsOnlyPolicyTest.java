package dev.agcinfra.audit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TlsOnlyPolicyTest {

    static final List<String> ARNS = List.of("arn:aws:s3:::agc-123456789012-us-east-1");

    static String policy(String statement) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}";
    }

    static String deny(String principal, String action, String resources, String condition) {
        return "{\"Effect\":\"Deny\",\"Principal\":" + principal + ",\"Action\":" + action + ",\"Resource\":"
                + resources + ",\"Condition\":" + condition + "}";
    }

    static final String BOTH = "[\"arn:aws:s3:::agc-123456789012-us-east-1\",\"arn:aws:s3:::agc-123456789012-us-east-1/*\"]";
    static final String INSECURE = "{\"Bool\":{\"aws:SecureTransport\":\"false\"}}";

    @Test
    void agcInfrasResultsBucketPolicyWithTerraformReferencesDeniesRequestsWithoutTls() {
        String synthesized = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecureTransport\","
                + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":["
                + "\"${aws_s3_bucket.results_bucket.arn}\",\"${aws_s3_bucket.results_bucket.arn}/*\"],"
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";

        assertThat(TlsOnlyPolicy.check(synthesized, List.of("${aws_s3_bucket.results_bucket.arn}")).tlsOnly()).isTrue();
        assertThat(TlsOnlyPolicy.check(synthesized, ARNS).tlsOnly()).as("another bucket's ARNs").isFalse();
    }

    @Test
    void theStatementsCommonSpellingsAllCount() {
        assertThat(TlsOnlyPolicy.check(policy(deny("\"*\"", "\"s3:*\"", BOTH, INSECURE)), ARNS).tlsOnly()).isTrue();
        assertThat(TlsOnlyPolicy.check(policy(deny("{\"AWS\":\"*\"}", "[\"s3:*\"]", BOTH, INSECURE)), ARNS).tlsOnly())
                .isTrue();
        assertThat(TlsOnlyPolicy.check(policy(deny("\"*\"", "\"*\"", "\"*\"",
                "{\"BoolIfExists\":{\"aws:securetransport\":false}}")), ARNS).tlsOnly()).isTrue();
        String single = "{\"Version\":\"2012-10-17\",\"Statement\":" + deny("\"*\"", "\"s3:*\"", BOTH, INSECURE) + "}";
        assertThat(TlsOnlyPolicy.check(single, ARNS).tlsOnly()).as("one statement, not a list").isTrue();
    }

    @Test
    void aStatementThatLeavesSomethingOutDoesNotCount() {
        String objectsOnly = "[\"arn:aws:s3:::agc-123456789012-us-east-1/*\"]";
        assertThat(TlsOnlyPolicy.check(policy(deny("\"*\"", "\"s3:*\"", objectsOnly, INSECURE)), ARNS).tlsOnly())
                .as("the bucket itself left out").isFalse();
        assertThat(TlsOnlyPolicy.check(policy(deny("\"*\"", "\"s3:GetObject\"", BOTH, INSECURE)), ARNS).tlsOnly())
                .as("one action").isFalse();
        assertThat(TlsOnlyPolicy.check(policy(deny("{\"AWS\":\"arn:aws:iam::123456789012:root\"}", "\"s3:*\"", BOTH,
                INSECURE)), ARNS).tlsOnly()).as("one principal").isFalse();
        assertThat(TlsOnlyPolicy.check(policy(deny("\"*\"", "\"s3:*\"", BOTH,
                "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}")), ARNS).tlsOnly()).as("the opposite").isFalse();
        assertThat(TlsOnlyPolicy.check(policy(deny("\"*\"", "\"s3:*\"", BOTH, INSECURE).replace("Deny", "Allow")),
                ARNS).tlsOnly()).as("allow").isFalse();
    }

    @Test
    void noPolicyOrOneThatIsNotJsonIsSaidInWords() {
        assertThat(TlsOnlyPolicy.check(null, ARNS).why()).isEqualTo("it has no bucket policy");
        assertThat(TlsOnlyPolicy.check("${data.aws_iam_policy_document.tls.json}", ARNS).why())
                .isEqualTo("its policy is not literal JSON (${data.aws_iam_policy_document.tls.json}), so no "
                        + "statement denying requests without TLS can be seen");
    }
}
