package dev.agcinfra.audit.retained;

/**
 * The AWS CLI commands that remove what {@code retained} finds, exactly as an operator would type them.
 *
 * <p>Shell-quoted with single quotes where a name could hold characters the shell reads.
 */
public final class CleanupCommands {

    private CleanupCommands() {
    }

    public static String natGateway(String region, String id) {
        return "aws ec2 delete-nat-gateway --region " + region + " --nat-gateway-id " + id;
    }

    public static String elasticIp(String region, String allocationId) {
        return "aws ec2 release-address --region " + region + " --allocation-id " + allocationId;
    }

    public static String vpcEndpoint(String region, String id) {
        return "aws ec2 delete-vpc-endpoints --region " + region + " --vpc-endpoint-ids " + id;
    }

    public static String vpc(String region, String id) {
        return "aws ec2 delete-vpc --region " + region + " --vpc-id " + id;
    }

    public static String logGroup(String region, String name) {
        return "aws logs delete-log-group --region " + region + " --log-group-name " + quote(name);
    }

    /**
     * An unversioned bucket: {@code aws s3 rb --force} deletes the objects, then the bucket. A versioned one also
     * needs every version and delete marker deleted (1,000 per {@code delete-objects}; repeat while any remain).
     */
    public static String bucket(String region, String name, boolean versioned) {
        String rb = "aws s3 rb " + quote("s3://" + name) + " --force --region " + region;
        if (!versioned) {
            return rb;
        }
        return "aws s3api delete-objects --region " + region + " --bucket " + quote(name) + " --delete "
                + "\"$(aws s3api list-object-versions --region " + region + " --bucket " + quote(name)
                + " --max-items 1000 --output json --query "
                + "'{Objects: [Versions, DeleteMarkers][][].{Key: Key, VersionId: VersionId}, Quiet: `true`}')\" && "
                + rb;
    }

    /**
     * {@code command}, run only when the credentials are those of {@code account}: in a report of several accounts, a
     * command copied and run with another account's credentials would act on that account (a log group of the same
     * name), so it first checks with STS whose credentials it has.
     */
    public static String inAccount(String account, String command) {
        return "[ \"$(aws sts get-caller-identity --query Account --output text)\" = " + account + " ] && " + command;
    }

    /** {@code text} single-quoted for a POSIX shell when it holds anything but safe characters. */
    public static String quote(String text) {
        if (text.matches("[A-Za-z0-9_./:=@%+-]+")) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
