package dev.agcinfra.modules.network;

import dev.agcinfra.modules.naming.AddressedScope;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.flow_log.FlowLog;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import dev.agcinfra.settings.AwsNames;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.constructs.Construct;

/**
 * A flow log of all of a VPC's traffic ({@code ALL}: accepted and rejected) to a CloudWatch Logs log group of its
 * own, through an IAM role that can do nothing but write to that log group.
 *
 * <ul>
 *   <li>{@code LogGroup}: {@value #LOG_GROUP_PREFIX}{@code <vpc id>}, with a retention, and {@code skip_destroy}: a
 *       {@code terraform destroy} keeps it and its events, as AGC's deactivation keeps its logs (the VPC's id in the
 *       name lets a later deployment, with a new VPC, create its own);</li>
 *   <li>{@code Role}: {@code agc-vpc-flow-logs-<region>}, assumable only by {@code vpc-flow-logs.amazonaws.com} for
 *       flow logs of this account in this region ({@code aws:SourceAccount}, {@code aws:SourceArn}: the confused
 *       deputy guard AWS recommends);</li>
 *   <li>{@code RolePolicy}: {@code logs:CreateLogStream}, {@code logs:PutLogEvents} and
 *       {@code logs:DescribeLogStreams} on that log group and its streams, and nothing else (the group exists, so no
 *       {@code logs:CreateLogGroup}; no {@code logs:DescribeLogGroups}, which cannot be limited to one group);</li>
 *   <li>{@code Resource}: the flow log, created after the role's policy.</li>
 * </ul>
 * Flow logs bill per GB ingested and per GB-month stored.
 */
public final class VpcFlowLog extends Construct {

    /** Days the log group keeps its events unless {@link VpcFlowLogProps#retentionDays()} says otherwise. */
    public static final int DEFAULT_RETENTION_DAYS = 30;
    /** The log group's name is this followed by the VPC's id. */
    public static final String LOG_GROUP_PREFIX = "/agc-infra/vpc-flow-logs/";
    /** The service that delivers flow logs, the only principal that may assume the role. */
    public static final String SERVICE_PRINCIPAL = "vpc-flow-logs.amazonaws.com";
    /** What the role may do, on its log group only. */
    public static final List<String> LOG_ACTIONS = List.of("logs:CreateLogStream", "logs:PutLogEvents",
            "logs:DescribeLogStreams");

    private final CloudwatchLogGroup logGroup;
    private final IamRole role;
    private final FlowLog flowLog;
    private final String logGroupArn;
    private final String roleArn;

    public VpcFlowLog(Construct scope, String id, VpcFlowLogProps props) {
        super(scope, id);
        int retention = Objects.requireNonNullElse(props.retentionDays(), DEFAULT_RETENTION_DAYS);
        if (!AwsNames.LOG_RETENTION_DAYS.contains(retention)) {
            throw new IllegalArgumentException("VpcFlowLogProps.retentionDays must be one of the periods CloudWatch Logs "
                    + "accepts " + AwsNames.LOG_RETENTION_DAYS + ", got " + retention);
        }
        AddressedScope here = AddressedScope.of(scope).child(this, id);
        this.logGroup = here.add("LogGroup", (s, n) -> CloudwatchLogGroup.Builder.create(s, n)
                .name(LOG_GROUP_PREFIX + props.vpcId())
                .retentionInDays(retention)
                .skipDestroy(true)
                .tags(Map.of("Name", here.path()))
                .build());
        this.role = here.add("Role", (s, n) -> IamRole.Builder.create(s, n)
                .name("agc-vpc-flow-logs-" + props.region())
                .description("Delivers the VPC flow log of " + here.path() + " to its log group only")
                .assumeRolePolicy(trustPolicy(props.account(), props.region()))
                .tags(Map.of("Name", here.path()))
                .build());
        this.logGroupArn = logGroup.getArn();
        this.roleArn = role.getArn();
        IamRolePolicy policy = here.add("RolePolicy", (s, n) -> IamRolePolicy.Builder.create(s, n)
                .name("write-vpc-flow-log-group")
                .role(role.getId())
                .policy(writeOnlyPolicy(logGroupArn))
                .build());
        this.flowLog = here.add("Resource", (s, n) -> FlowLog.Builder.create(s, n)
                .vpcId(props.vpcId())
                .trafficType("ALL")
                .logDestinationType("cloud-watch-logs")
                .logDestination(logGroupArn)
                .iamRoleArn(roleArn)
                .tags(Map.of("Name", here.path()))
                .dependsOn(List.of(policy))
                .build());
    }

    /** The role's trust policy: the flow logs service, for this account's flow logs in this region only. */
    static String trustPolicy(String account, String region) {
        return """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"%3$s"},\
                "Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"%1$s"},\
                "ArnLike":{"aws:SourceArn":"arn:%4$s:ec2:%2$s:%1$s:vpc-flow-log/*"}}}]}"""
                .formatted(account, region, SERVICE_PRINCIPAL, AwsNames.COMMERCIAL_PARTITION);
    }

    /** The role's only permissions: write events to the log group {@code logGroupArn} and its streams. */
    static String writeOnlyPolicy(String logGroupArn) {
        return """
                {"Version":"2012-10-17","Statement":[{"Sid":"WriteTheFlowLogGroupOnly","Effect":"Allow",\
                "Action":["%2$s"],"Resource":["%1$s","%1$s:*"]}]}"""
                .formatted(logGroupArn, String.join("\",\"", LOG_ACTIONS));
    }

    /** The flow log's id. */
    public String flowLogId() {
        return flowLog.getId();
    }

    /** The log group's ARN: where the flow log delivers. */
    public String logGroupArn() {
        return logGroupArn;
    }

    /** The log group's name. */
    public String logGroupName() {
        return logGroup.getName();
    }

    /** The role's ARN. */
    public String roleArn() {
        return roleArn;
    }
}
