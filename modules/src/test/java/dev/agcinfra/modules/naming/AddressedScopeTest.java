package dev.agcinfra.modules.naming;

import static org.assertj.core.api.Assertions.assertThat;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameter;
import dev.agcinfra.modules.testing.ConstructTest;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;

class AddressedScopeTest {

    /** Builds the same elements in a stack: named as they are created, or left for CDKTF to ask the stack. */
    private static String synth(AddressedStack stack, boolean namedFromJava) {
        AwsProvider.Builder.create(stack, "aws").region("us-east-1").build();
        AddressedScope top = AddressedScope.of(stack);
        Construct bucketScope = new Construct(stack, "ResultsBucket");
        AddressedScope bucket = top.child(bucketScope, "ResultsBucket");
        Construct nested = new Construct(bucketScope, "Policy/Part");
        AddressedScope part = bucket.child(nested, "Policy/Part");
        if (namedFromJava) {
            S3Bucket b = bucket.add("Resource", (s, n) -> S3Bucket.Builder.create(s, n).bucket("b").build());
            part.add("NATGateway", (s, n) -> SsmParameter.Builder.create(s, n).name("/p").type("String")
                    .insecureValue(b.getArn()).build());
            top.add("bucket_arn", (s, n) -> TerraformOutput.Builder.create(s, n).value(b.getArn()).build());
        } else {
            S3Bucket b = S3Bucket.Builder.create(bucketScope, "Resource").bucket("b").build();
            SsmParameter.Builder.create(nested, "NATGateway").name("/p").type("String").insecureValue(b.getArn()).build();
            TerraformOutput.Builder.create(stack, "bucket_arn").value(b.getArn()).build();
        }
        return Testing.synth(stack);
    }

    @Test
    void elementsNamedAsTheyAreCreatedGetTheNamesTheStackWouldGiveThemWithoutCdktfAskingForAny() {
        AddressedStack asked = new Stack(Testing.app(), "asked");
        AddressedStack named = new Stack(Testing.app(), "named");

        String byCallback = synth(asked, false);
        String fromJava = synth(named, true);

        assertThat(fromJava.replace("named", "asked")).isEqualTo(byCallback);
        assertThat(ConstructTest.addresses(fromJava)).containsExactlyInAnyOrder("aws_s3_bucket.results_bucket",
                "aws_ssm_parameter.results_bucket_policy_part_nat_gateway");
        assertThat(fromJava).contains("\"bucket_arn\"");
        assertThat(asked.namesAskedFor()).isEqualTo(3);
        assertThat(named.namesAskedFor()).isZero();
    }

    @Test
    void aScopeKnowsItsConstructPathWithoutAskingForIt() {
        App app = Testing.app();
        AddressedStack stack = new Stack(app, "agc-core-us-east-1");
        AddressedScope vpc = AddressedScope.of(stack).scope("Vpc");
        AddressedScope subnet = vpc.scope("PublicSubnet1");
        AddressedScope odd = vpc.scope("a/b");

        assertThat(AddressedScope.of(stack).path()).isEqualTo(stack.getNode().getPath()).isEqualTo("agc-core-us-east-1");
        assertThat(vpc.path()).isEqualTo(vpc.construct().getNode().getPath()).isEqualTo("agc-core-us-east-1/Vpc");
        assertThat(subnet.path()).isEqualTo(subnet.construct().getNode().getPath());
        assertThat(odd.path()).isEqualTo(odd.construct().getNode().getPath()).isEqualTo("agc-core-us-east-1/Vpc/a--b");
        assertThat(AddressedScope.of(subnet.construct()).path()).isEqualTo(subnet.path());
    }

    @Test
    void aStackNestedBelowAnotherConstructKnowsItsPath() {
        Construct group = new Construct(Testing.app(), "group");
        AddressedStack stack = new Stack(group, "nested");

        assertThat(stack.constructPath()).isEqualTo(stack.getNode().getPath()).isEqualTo("group/nested");
    }

    @Test
    void inAStackThatIsNotAddressedNothingIsNamedAndCdktfsOwnNamesApply() {
        TerraformStack plain = new TerraformStack(Testing.app(), "plain");
        AwsProvider.Builder.create(plain, "aws").region("us-east-1").build();
        AddressedScope bucket = AddressedScope.of(plain).scope("ResultsBucket");

        bucket.add("Resource", (s, n) -> S3Bucket.Builder.create(s, n).bucket("b").build());

        assertThat(ConstructTest.addresses(Testing.synth(plain))).singleElement().asString()
                .startsWith("aws_s3_bucket.ResultsBucket_").isNotEqualTo("aws_s3_bucket.results_bucket");
    }

    private static final class Stack extends AddressedStack {
        Stack(Construct scope, String id) {
            super(scope, id);
        }
    }
}
