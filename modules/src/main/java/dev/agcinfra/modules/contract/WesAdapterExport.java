package dev.agcinfra.modules.contract;

import dev.agcinfra.modules.naming.AddressedScope;
import com.hashicorp.cdktf.providers.aws.cloudformation_stack.CloudformationStack;
import java.util.Objects;
import software.constructs.Construct;

/**
 * The CloudFormation export {@value #EXPORT_NAME}: the bucket that holds AGC's WES adapter zip. The WES adapter Lambda
 * of every AGC engine that has one (all but Toil) takes its code from {@code Fn::ImportValue WesAdapterZipBucket} and
 * the key in {@code /agc/_common/WesAdapterZipKeyParameter} ({@code packages/cdk/lib/stacks/engines/engine-construct.ts}).
 *
 * <p>Only a CloudFormation stack can export a value, so this is a small one ({@code aws_cloudformation_stack}) named
 * {@value #STACK_NAME}: one resource that does nothing ({@code AWS::CloudFormation::WaitConditionHandle}, free) and one
 * exported output. CloudFormation refuses to delete it while a stack imports the export, so deactivation removes the
 * contexts first.
 *
 * <p>Construct tree: {@code Resource}.
 */
public final class WesAdapterExport extends Construct {

    /** The export AGC's contexts import. */
    public static final String EXPORT_NAME = "WesAdapterZipBucket";
    /** The CloudFormation stack that holds it. */
    public static final String STACK_NAME = "agc-infra-exports";

    private final CloudformationStack stack;

    /**
     * @param bucketName the bucket that holds the WES adapter zip (a name, or a Terraform reference)
     */
    public WesAdapterExport(Construct scope, String id, String bucketName) {
        super(scope, id);
        Objects.requireNonNull(bucketName, "bucketName must be non-null");
        this.stack = AddressedScope.of(scope).child(this, id).add("Resource", (s, n) -> CloudformationStack.Builder.create(s, n)
                .name(STACK_NAME)
                .templateBody(template(bucketName))
                .build());
    }

    /** The stack resource. */
    public CloudformationStack stack() {
        return stack;
    }

    /**
     * The stack's template: a no-op resource (CloudFormation requires at least one) and the exported output.
     *
     * @throws IllegalArgumentException when the bucket name has characters that cannot appear in a bucket name (it is
     *                                  written into JSON as it is)
     */
    static String template(String bucketName) {
        if (bucketName.chars().anyMatch(c -> c == '"' || c == '\\' || c < 0x20)) {
            throw new IllegalArgumentException("bucketName " + bucketName + " is not a bucket name");
        }
        return """
                {"Description":"agc-infra: the bucket of AGC's WES adapter, exported for AGC's contexts",\
                "Resources":{"Placeholder":{"Type":"AWS::CloudFormation::WaitConditionHandle"}},\
                "Outputs":{"%1$s":{"Value":"%2$s","Export":{"Name":"%1$s"}}}}"""
                .formatted(EXPORT_NAME, bucketName);
    }
}
