package dev.agcinfra.audit.resources;

/**
 * The parts of an ARN that a report needs: {@code arn:partition:service:region:account:resource}, read with the SDK's
 * {@link software.amazon.awssdk.arns.Arn}.
 *
 * <p>The SDK's own resource split ({@code ArnResource}) reads the parts after a {@code /} as a qualifier, which breaks
 * hierarchical names ({@code parameter/agc/_common/vpc} would be {@code agc}); so the resource part is split here into
 * type and id at its first {@code /} or {@code :}, whichever comes first
 * ({@code natgateway/nat-1}, {@code log-group:/aws/lambda/x}). An S3 bucket ARN has no type: it is {@code bucket}.
 * SSM parameter names in a hierarchy keep their leading slash ({@code parameter/agc/_common/vpc} is
 * {@code /agc/_common/vpc}).
 *
 * @param partition e.g. {@code aws}
 * @param service   e.g. {@code ec2}
 * @param region    e.g. {@code us-east-1}; empty for global resources and buckets
 * @param account   e.g. {@code 123456789012}; empty for buckets
 * @param type      e.g. {@code natgateway}
 * @param id        e.g. {@code nat-0123}
 */
public record Arn(String partition, String service, String region, String account, String type, String id) {

    /** Parses an ARN; anything that is not one is rejected. */
    public static Arn parse(String arn) {
        software.amazon.awssdk.arns.Arn sdk = software.amazon.awssdk.arns.Arn.fromString(arn);
        String service = sdk.service();
        String resource = sdk.resourceAsString();
        int slash = resource.indexOf('/');
        int colon = resource.indexOf(':');
        int split = slash < 0 ? colon : colon < 0 ? slash : Math.min(slash, colon);
        String type;
        String id;
        if (split < 0) {
            type = service.equals("s3") ? "bucket" : resource;
            id = resource;
        } else {
            type = resource.substring(0, split);
            id = resource.substring(split + 1);
            if (service.equals("ssm") && type.equals("parameter") && id.contains("/")) {
                id = "/" + id;
            }
        }
        return new Arn(sdk.partition(), service, sdk.region().orElse(""), sdk.accountId().orElse(""), type, id);
    }

    /** {@code arn:<partition>:<service>:<region>:<account>:<type>/<id>}, as EC2 writes its ARNs. */
    public static String of(String partition, String service, String region, String account, String type,
            String id) {
        return software.amazon.awssdk.arns.Arn.builder().partition(partition).service(service).region(region)
                .accountId(account).resource(type + "/" + id).build().toString();
    }
}
