package dev.agcinfra.app.account;

import dev.agcinfra.app.stacks.RegionStack;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

/**
 * AGC's own core in a region: the CloudFormation stack {@value #STACK_NAME} that {@code agc account activate} deploys
 * ({@code packages/cdk/apps/core/app.ts}: {@code `${PRODUCT_NAME}-Core`}). {@code agc account deactivate} deletes it,
 * and with it AGC's {@code /agc/_common/} parameters, table and export, so the stack, in any status but
 * {@code DELETE_COMPLETE}, is what says AGC's core is there; the parameters alone do not (agc-infra's core has the
 * same ones).
 */
public final class AgcCore {

    /** The name of AGC's core stack ({@code internal/pkg/cli/awsresources/awsresources.go}, {@code RenderCoreStackName}). */
    public static final String STACK_NAME = "Agc-Core";
    /**
     * The CDK bootstrap AGC's apps deploy with: {@code agc account activate} runs {@code cdk bootstrap
     * --toolkit-stack-name Agc-CDKToolkit --qualifier agc} ({@code internal/pkg/aws/cdk/bootstrap.go}), and every
     * context stack checks this parameter's version at deploy (CDK's default synthesizer). {@code agc account deactivate}
     * deletes it; agc-infra does not create it.
     */
    public static final String BOOTSTRAP_VERSION_PARAMETER = "/cdk-bootstrap/agc/version";
    /** The stack of that bootstrap. */
    public static final String BOOTSTRAP_STACK_NAME = "Agc-CDKToolkit";

    /**
     * AGC's core as CloudFormation describes it.
     *
     * @param status     the stack's status, e.g. {@code CREATE_COMPLETE}, {@code UPDATE_ROLLBACK_COMPLETE}, {@code DELETE_FAILED}
     * @param agcVersion its {@code agc-version} tag, when it has one
     */
    public record Found(StackStatus status, Optional<String> agcVersion) {

        /** {@code CloudFormation stack Agc-Core (CREATE_COMPLETE, agc-version 1.6.0)}. */
        public String describe() {
            return "CloudFormation stack " + STACK_NAME + " (" + status + agcVersion.map(v -> ", agc-version " + v).orElse("")
                    + ")";
        }
    }

    private AgcCore() {
    }

    /** AGC's core in the region of {@code aws}, if it is there (one DescribeStacks call). */
    public static Optional<Found> find(AccountAws aws) {
        try {
            return aws.cloudFormation().describeStacks(r -> r.stackName(STACK_NAME)).stacks().stream()
                    .filter(s -> s.stackStatus() != StackStatus.DELETE_COMPLETE)
                    .findFirst()
                    .map(AgcCore::found);
        } catch (CloudFormationException e) {
            if (isMissingStack(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Whether CloudFormation answered that the stack asked for does not exist: a 400 {@code ValidationError}, which for
     * a valid stack name means only that (the SDK's own stack waiters read it the same way).
     */
    static boolean isMissingStack(CloudFormationException e) {
        return e.statusCode() == 400 && e.awsErrorDetails() != null
                && "ValidationError".equals(e.awsErrorDetails().errorCode());
    }

    /** Whether AGC's CDK bootstrap is in the region (its version parameter exists). */
    public static boolean hasCdkBootstrap(AccountAws aws) {
        return Regions.parameter(aws, BOOTSTRAP_VERSION_PARAMETER).isPresent();
    }

    /** Why contexts cannot be deployed without AGC's CDK bootstrap, and the fix. */
    public static String noCdkBootstrap() {
        return "no CDK bootstrap for AGC's apps (stack " + BOOTSTRAP_STACK_NAME + ", parameter " + BOOTSTRAP_VERSION_PARAMETER
                + "), which agc context deploy needs and agc-infra does not create; create it with cdk bootstrap "
                + "--toolkit-stack-name " + BOOTSTRAP_STACK_NAME + " --qualifier agc (docs/agc-contexts.md)";
    }

    private static Found found(Stack s) {
        return new Found(s.stackStatus(), s.tags().stream().filter(t -> RegionStack.VERSION_TAG.equals(t.key()))
                .map(t -> t.value()).findFirst());
    }
}
