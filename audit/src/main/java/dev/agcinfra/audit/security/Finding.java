package dev.agcinfra.audit.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * One thing a rule found on one resource.
 *
 * @param rule         the rule that found it
 * @param severity     the rule's severity
 * @param region       the resource's region (a synthesized stack's provider region; {@code null} when not literal)
 * @param resourceType the Terraform resource type, live or synthesized ({@code aws_security_group}, ...)
 * @param id           the AWS id live ({@code sg-0123...}, a bucket name), the Terraform address in a synthesized
 *                     stack ({@code aws_security_group.endpoints_security_group})
 * @param message      one line naming the resource and what is wrong
 * @param fix          what to do about it: AWS CLI commands live, the Terraform change in a stack
 * @param references   the equivalent checkov, trivy and AWS Config rule ids that apply to this finding
 * @param stack        the synthesized stack, {@code null} live
 * @param location     where in the stack's file, {@code null} live
 * @param account      the account of a live resource (last, so that reports of one account keep their fields in
 *                     order), {@code null} in a synthesized stack
 */
@JsonPropertyOrder({"rule", "severity", "region", "resourceType", "id", "message", "fix", "references", "stack",
    "location", "account"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(Rule rule, Severity severity, String region, String resourceType, String id, String message,
        String fix, List<String> references, String stack, Location location, String account) {

    /**
     * A place in a synthesized file.
     *
     * @param file the file, as the path given to {@code --synth} reaches it
     * @param line the line of the resource's block (1-based), 0 when not known
     */
    @JsonPropertyOrder({"file", "line"})
    public record Location(String file, int line) {
    }

    public Finding {
        Objects.requireNonNull(rule, "rule must be non-null");
        Objects.requireNonNull(severity, "severity must be non-null");
        Objects.requireNonNull(resourceType, "resourceType must be non-null");
        Objects.requireNonNull(id, "id must be non-null");
        references = List.copyOf(references);
    }

    /** A finding of {@code rule} at the rule's severity and with its references. */
    public static Finding of(Rule rule, Target target, String resourceType, String id, String message, String fix) {
        return of(rule, target, resourceType, id, message, fix, rule.references());
    }

    /** A finding of {@code rule} with the references that apply to it. */
    public static Finding of(Rule rule, Target target, String resourceType, String id, String message, String fix,
            List<String> references) {
        return new Finding(rule, rule.severity(), target.region(), resourceType, id, message, fix, references,
                target.stack(), null, null);
    }

    /** The same finding at a place in a file. */
    public Finding at(Location where) {
        return new Finding(rule, severity, region, resourceType, id, message, fix, references, stack, where, account);
    }

    /** The same finding of a live resource of {@code newAccount}. */
    public Finding inAccount(String newAccount) {
        return new Finding(rule, severity, region, resourceType, id, message, fix, references, stack, location,
                newAccount);
    }
}
