package dev.agcinfra.audit.security;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * The security job's rules: each an id of agc-audit's own, a severity, what it checks, and the checkov, trivy (AVD)
 * and AWS Config rules that check the same where there is one. The ids are part of the JSON and SARIF formats.
 */
public enum Rule {
    SG_OPEN_INGRESS("agc-sg-open-ingress", Severity.HIGH,
            "Security group admits the internet",
            "A security group in an AGC VPC has an ingress rule from 0.0.0.0/0 or ::/0: anything on the internet can "
                    + "reach what it protects on those ports. agc-infra's stacks open nothing to the internet.",
            List.of("CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_260", "CKV_AWS_277", "AVD-AWS-0107")),
    SG_DEFAULT_RULES("agc-sg-default-rules", Severity.MEDIUM,
            "Default security group has rules",
            "The default security group of an AGC VPC has rules. agc-infra adopts it with no rules, so that anything "
                    + "launched without a security group of its own gets no traffic.",
            List.of("CKV2_AWS_12", "AVD-AWS-0173", "vpc-default-security-group-closed")),
    SG_ENDPOINTS_SCOPE("agc-sg-endpoints-https-only", Severity.MEDIUM,
            "Endpoint security group admits more than HTTPS from the VPC",
            "The security group of AGC's interface endpoints admits more than TCP 443 from the VPC's CIDR, which is all "
                    + "the endpoints need.",
            List.of()),
    S3_PUBLIC_ACCESS("agc-s3-public-access-block", Severity.HIGH,
            "Bucket does not block all public access",
            "A results or state bucket has one of the four S3 public access blocks off (BlockPublicAcls, "
                    + "IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets).",
            List.of("CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56")),
    S3_TLS_ONLY("agc-s3-tls-only", Severity.HIGH,
            "Bucket policy does not deny requests without TLS",
            "A results or state bucket's policy has no statement denying every principal s3:* on the bucket and its "
                    + "objects when aws:SecureTransport is false, so requests over plain HTTP are allowed. No checkov "
                    + "or trivy rule covers this.",
            List.of("s3-bucket-ssl-requests-only")),
    S3_ENCRYPTION("agc-s3-encryption", Severity.HIGH,
            "Bucket has no default encryption",
            "A results or state bucket has no default server-side encryption configuration.",
            List.of()),
    S3_OBJECT_OWNERSHIP("agc-s3-object-ownership", Severity.LOW,
            "Bucket does not enforce object ownership",
            "A results or state bucket's object ownership is not BucketOwnerEnforced, so ACLs still grant access.",
            List.of("CKV2_AWS_65", "s3-bucket-acl-prohibited")),
    S3_STATE_VERSIONING("agc-s3-state-versioning", Severity.HIGH,
            "State bucket is not versioned",
            "The Terraform state bucket does not keep versions: a bad write or a deletion of the state cannot be "
                    + "undone, and agc-audit cannot prove what agc-infra created.",
            List.of("CKV_AWS_21")),
    DYNAMODB_PITR("agc-dynamodb-pitr", Severity.MEDIUM,
            "Agc table without point-in-time recovery",
            "AGC's Agc table (its users, projects and contexts) has point-in-time recovery off.",
            List.of("CKV_AWS_28", "dynamodb-pitr-enabled")),
    SUBNET_PRIVATE_PUBLIC_IP("agc-subnet-private-public-ip", Severity.HIGH,
            "Private subnet gives instances public addresses",
            "A private subnet (tagged aws-cdk:subnet-type Private) maps a public IPv4 address to every instance "
                    + "launched in it.",
            List.of()),
    SUBNET_PUBLIC_MODE("agc-subnet-public-mode", Severity.INFO,
            "AGC's instances run in public subnets",
            "The VPC has only public subnets that map public IPv4 addresses (usePublicSubnets): AGC's batch instances "
                    + "get public addresses, as AGC's documentation warns.",
            List.of()),
    VPC_FLOW_LOGS("agc-vpc-flow-logs", Severity.LOW,
            "VPC without flow logs",
            "An AGC VPC has no flow logs. agc-infra creates them only with flowLogs: true (they bill per GB); this "
                    + "makes it a choice, not a surprise.",
            List.of("CKV2_AWS_11", "vpc-flow-logs-enabled")),
    ENDPOINT_PRIVATE_DNS("agc-endpoint-private-dns", Severity.MEDIUM,
            "Interface endpoint without private DNS",
            "An interface VPC endpoint has private DNS off: the service's public name still resolves to public "
                    + "addresses, so traffic goes through the NAT gateways and is billed twice.",
            List.of()),
    DRIFT_TAGS("agc-drift-tags", Severity.LOW,
            "agc-infra resource without its tags",
            "A resource agc-infra's Terraform state lists as created is missing the application-name or agc-version "
                    + "tag that the provider's default_tags put on it: agc-audit and AGC find their resources by it.",
            List.of()),
    DRIFT_ATTRIBUTES("agc-drift-attributes", Severity.MEDIUM,
            "agc-infra resource differs from its synthesized stack",
            "A resource agc-infra's Terraform state lists as created has an attribute that differs from what the "
                    + "synthesized stack (--synth) says: it was changed outside Terraform.",
            List.of());

    private final String id;
    private final Severity severity;
    private final String title;
    private final String description;
    private final List<String> references;

    Rule(String id, Severity severity, String title, String description, List<String> references) {
        this.id = id;
        this.severity = severity;
        this.title = title;
        this.description = description;
        this.references = references;
    }

    /** agc-audit's id, e.g. {@code agc-sg-open-ingress}. */
    @JsonValue
    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    /** One line, e.g. {@code Security group admits the internet}. */
    public String title() {
        return title;
    }

    /** What the rule checks and why, in a few sentences. */
    public String description() {
        return description;
    }

    /** The equivalent checkov, trivy (AVD) and AWS Config rule ids; empty where none exists. */
    public List<String> references() {
        return references;
    }
}
