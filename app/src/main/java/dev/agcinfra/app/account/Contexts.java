package dev.agcinfra.app.account;

import dev.agcinfra.cli.ProblemLine;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.app.stacks.RegionStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.cloudformation.waiters.CloudFormationWaiter;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;

/**
 * AGC contexts deployed in a region, which block deactivation (AGC issue #502): resources tagged {@code agc-context}
 * (through the Resource Groups Tagging API), and AGC's CloudFormation stacks {@code Agc-Context-*} tagged
 * {@code application-name=agc}.
 */
public final class Contexts {

    /** The tag key AGC puts on a context's resources. */
    public static final String CONTEXT_TAG = "agc-context";
    /** The name prefix of AGC's context stacks. */
    public static final String STACK_PREFIX = "Agc-Context-";

    /** What was found: context stack names and the ARNs of tagged resources outside them. */
    public record Found(List<String> stacks, List<String> taggedResources) {
        public boolean isEmpty() {
            return stacks.isEmpty() && taggedResources.isEmpty();
        }

        /** One line naming everything (at most 10 resources, then a count). */
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (!stacks.isEmpty()) {
                parts.add("context stacks " + String.join(", ", stacks));
            }
            if (!taggedResources.isEmpty()) {
                List<String> shown = taggedResources.size() <= 10 ? taggedResources : taggedResources.subList(0, 10);
                parts.add("resources tagged " + CONTEXT_TAG + ": " + String.join(", ", shown)
                        + (taggedResources.size() > 10 ? " and " + (taggedResources.size() - 10) + " more" : ""));
            }
            return String.join("; ", parts);
        }
    }

    private final AccountAws aws;
    private final Duration pollInterval;
    private final Duration timeout;

    public Contexts(AccountAws aws, Duration pollInterval, Duration timeout) {
        this.aws = aws;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    /** The contexts in the region now. */
    public Found find() {
        List<String> stacks = contextStacks().stream().map(Stack::stackName).sorted().toList();
        TreeSet<String> arns = new TreeSet<>();
        for (ResourceTagMapping m : aws.tagging().getResourcesPaginator(r -> r.tagFilters(f -> f.key(CONTEXT_TAG)))
                .resourceTagMappingList()) {
            arns.add(m.resourceARN());
        }
        // A context stack's own ARN is tagged too when the stack carries the tag: name it once, as the stack.
        arns.removeIf(arn -> arn.contains(":stack/" + STACK_PREFIX));
        return new Found(stacks, List.copyOf(arns));
    }

    /**
     * Deletes every context stack and waits until each is gone (CloudFormation's own waiter, polling every
     * {@code pollInterval} for at most {@code timeout}); returns their names.
     *
     * @throws AccountException (AWS failure) when a stack ends in {@code DELETE_FAILED}, is not being deleted, or is
     *                          still being deleted after the timeout
     */
    public List<String> deleteStacks(java.io.PrintWriter out) {
        CloudFormationClient cfn = aws.cloudFormation();
        List<Stack> stacks = contextStacks();
        for (Stack s : stacks) {
            ProblemLine.println(out, "agc-infra: deleting context stack " + s.stackName());
            cfn.deleteStack(r -> r.stackName(s.stackName()));
        }
        try (CloudFormationWaiter waiter = cfn.waiter()) {
            for (Stack s : stacks) {
                awaitDeleted(waiter, cfn, s);
                ProblemLine.println(out, "agc-infra: deleted context stack " + s.stackName());
            }
        }
        return stacks.stream().map(Stack::stackName).toList();
    }

    /**
     * Waits for one stack, asked by its id (CloudFormation describes a deleted stack by id, as DELETE_COMPLETE). The
     * waiter ends in failure on DELETE_FAILED (or a status no deletion passes through), or at the timeout; the stack's
     * status then says which.
     */
    private void awaitDeleted(CloudFormationWaiter waiter, CloudFormationClient cfn, Stack s) {
        try {
            waiter.waitUntilStackDeleteComplete(r -> r.stackName(s.stackId()), o -> o
                    .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(pollInterval))
                    .waitTimeout(timeout)
                    .maxAttempts(Integer.MAX_VALUE));
            return;
        } catch (SdkClientException e) {
            if (e.getCause() instanceof InterruptedException) {
                throw new AccountException(ExitCode.INTERNAL_ERROR, "interrupted while waiting for context stacks");
            }
            if (e.getCause() instanceof SdkException failed) {
                throw failed; // CloudFormation or the connection failed: an AWS failure like any other
            }
        }
        StackStatus status = cfn.describeStacks(r -> r.stackName(s.stackId())).stacks().get(0).stackStatus();
        if (status == StackStatus.DELETE_COMPLETE) {
            return;
        }
        if (status == StackStatus.DELETE_FAILED) {
            throw new AccountException(ExitCode.AWS_FAILURE, "context stack " + s.stackName() + " could not be "
                    + "deleted (DELETE_FAILED); see its events in the CloudFormation console, fix, and retry");
        }
        if (status == StackStatus.DELETE_IN_PROGRESS) {
            throw new AccountException(ExitCode.AWS_FAILURE, "context stack " + s.stackName() + " is still "
                    + status + " after " + describe(timeout) + "; retry deactivate when it is gone");
        }
        throw new AccountException(ExitCode.AWS_FAILURE, "context stack " + s.stackName() + " is " + status
                + " after the request to delete it, so CloudFormation is not deleting it; see its events in the "
                + "CloudFormation console, and retry deactivate");
    }

    /** {@code 60 minutes}; {@code 200 ms} for a timeout shorter than a minute. */
    private static String describe(Duration d) {
        long minutes = d.toMinutes();
        return minutes > 0 ? minutes + (minutes == 1 ? " minute" : " minutes") : d.toMillis() + " ms";
    }

    private List<Stack> contextStacks() {
        List<Stack> found = new ArrayList<>();
        for (Stack s : aws.cloudFormation().describeStacksPaginator(r -> { }).stacks()) {
            if (s.stackName().startsWith(STACK_PREFIX) && s.stackStatus() != StackStatus.DELETE_COMPLETE
                    && s.tags().stream().anyMatch(t -> RegionStack.APPLICATION_TAG.equals(t.key())
                            && RegionStack.APPLICATION_NAME.equals(t.value()))) {
                found.add(s);
            }
        }
        return found;
    }
}
