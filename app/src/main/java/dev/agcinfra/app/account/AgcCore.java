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

    /** The name of AGC's core stack. */
    public static final String STACK_NAME = "Agc-Core";

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

    /** Whether CloudFormation answered that the stack asked for does not exist (400 ValidationError, "... does not exist"). */
    static boolean isMissingStack(CloudFormationException e) {
        return e.statusCode() == 400 && e.getMessage() != null && e.getMessage().contains("does not exist");
    }

    private static Found found(Stack s) {
        return new Found(s.stackStatus(), s.tags().stream().filter(t -> RegionStack.VERSION_TAG.equals(t.key()))
                .map(t -> t.value()).findFirst());
    }
}
