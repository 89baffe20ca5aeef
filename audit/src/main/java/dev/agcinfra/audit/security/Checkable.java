package dev.agcinfra.audit.security;

import java.util.Map;

/**
 * A resource the rules check, read from the account or from a synthesized stack: the same record either way, so one
 * set of rules serves both.
 */
public sealed interface Checkable permits VpcItem, SubnetItem, SecurityGroupItem, EndpointItem, BucketSettings,
        TableItem {

    /** The Terraform resource type, e.g. {@code aws_vpc}. */
    String resourceType();

    /** The AWS id live ({@code vpc-0123...}, a bucket or table name); the Terraform address in a stack. */
    String id();

    /** How findings name it, e.g. {@code security group sg-0123 (agc-endpoints-...)}. */
    String label();

    /** Its tags (in a stack: its own {@code tags}, without the provider's {@code default_tags}). */
    Map<String, String> tags();

    /**
     * The attributes the drift rule compares with the synthesized stack, by Terraform attribute name, as text. In a
     * stack only literal values are given (an expression such as {@code ${aws_vpc.vpc.id}} is left out). Attributes
     * a security rule already checks are not among them, so that one change gives one finding.
     */
    Map<String, String> attributes();
}
