package dev.agcinfra.app.stacks;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.providers.aws.data_aws_s3_bucket.DataAwsS3Bucket;
import dev.agcinfra.settings.RegionSettings;
import dev.agcinfra.settings.Settings;
import dev.agcinfra.settings.VpcMode;
import dev.agcinfra.modules.naming.AddressedScope;
import dev.agcinfra.modules.contract.AgcContract;
import dev.agcinfra.modules.contract.AgcContractProps;
import dev.agcinfra.modules.contract.AgcInstallation;
import dev.agcinfra.modules.endpoints.VpcEndpoints;
import dev.agcinfra.modules.endpoints.VpcEndpointsProps;
import dev.agcinfra.modules.network.AgcVpc;
import dev.agcinfra.modules.network.AgcVpcProps;
import dev.agcinfra.modules.network.INetwork;
import dev.agcinfra.modules.network.VpcFlowLog;
import dev.agcinfra.modules.network.VpcFlowLogProps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * {@code agc-core-<region>}: what {@code agc account activate} deploys and {@code deactivate} removes: the network
 * (a new VPC, public subnets only, or the user's VPC read with a data source), VPC endpoints, and everything AGC's
 * contexts read ({@link AgcContract}: the {@code Agc} table, the {@code /agc/_common/} parameters, the export
 * {@code WesAdapterZipBucket}, AGC's artifacts and WES adapter in the results bucket). Never the results bucket itself:
 * that lives in {@link DataStack} or is the user's.
 *
 * <p>Construct ids (Terraform names): {@code Vpc}, {@code VpcFlowLog} (with {@code flowLogs}), {@code Endpoints},
 * {@code Table}, {@code Parameters}, {@code Artifacts}, {@code WesAdapterExport}, {@code ResultsBucket} (a data source,
 * for a bucket the user brought);
 * outputs are named as in terraform-aws-modules/vpc ({@code vpc_id}, {@code private_subnets}, {@code natgw_ids}, ...).
 */
public final class CoreStack extends RegionStack {

    /**
     * @param azCount      how many AZs a new VPC spans
     * @param infraSubnets for the user's VPC: the subnets to run in (given, or found by the lookup); ignored otherwise
     * @param installation the AGC installation whose artifacts and WES adapter go into the results bucket (nothing is
     *                     uploaded when it is not complete)
     */
    public CoreStack(Construct scope, Settings settings, RegionSettings region, int azCount, List<String> infraSubnets,
                     AgcInstallation installation) {
        super(scope, coreStackName(region.region()), settings, region);
        INetwork network = switch (region.vpcMode()) {
            case PRIVATE_SUBNETS -> new AgcVpc(this, "Vpc", new AgcVpcProps(null, azCount, null, region.natGateways()));
            case PUBLIC_SUBNETS -> new AgcVpc(this, "Vpc", AgcVpcProps.publicSubnetsOnly(azCount));
            case EXISTING -> AgcVpc.fromAttributes(this, "Vpc", region.vpc().orElseThrow(), infraSubnets);
        };
        Optional<VpcFlowLog> flowLog = Optional.empty();
        if (region.flowLogs()) {
            if (region.vpcMode() == VpcMode.EXISTING) {
                throw new IllegalArgumentException(region.region() + ": flowLogs is only for a VPC agc-infra creates; "
                        + "agc-infra never changes your VPC");
            }
            flowLog = Optional.of(new VpcFlowLog(this, "VpcFlowLog", new VpcFlowLogProps(network.vpcId(),
                    region.region(), settings.account(), region.flowLogRetentionDays())));
        }
        Map<String, String> endpointIds = new LinkedHashMap<>();
        if (region.vpcMode() == VpcMode.PRIVATE_SUBNETS) {
            List<String> interfaces = new ArrayList<>(VpcEndpoints.DEFAULT_INTERFACE_SERVICES);
            if (region.executeApiEndpoint()) {
                interfaces.add(VpcEndpoints.EXECUTE_API);
            }
            VpcEndpoints endpoints = new VpcEndpoints(this, "Endpoints",
                    new VpcEndpointsProps(network, region.region(), null, interfaces));
            endpoints.endpoints().forEach((service, endpoint) -> endpointIds.put(service, endpoint.getId()));
        }
        if (!region.createBucket()) {
            AddressedScope.of(this).add("ResultsBucket", (s, n) -> DataAwsS3Bucket.Builder.create(s, n).bucket(region.bucket())
                    .build());
        }
        AgcContract contract = new AgcContract(this, new AgcContractProps(
                network.vpcId(), region.bucket(), network.infraSubnets(), region.ami(), region.tags(), installation));

        output("vpc_id", network.vpcId(), "The VPC AGC runs in");
        output("public_subnets", network.publicSubnets(), "Public subnet ids created by agc-infra");
        output("private_subnets", network.privateSubnets(), "Private subnet ids (created, or the user's)");
        output("infra_subnets", network.infraSubnets(), "The subnets AGC's compute runs in (/agc/_common/InfraSubnets)");
        output("nat_public_ips", network.natPublicIps(), region.natGateways().isRegional()
                ? "Public IPv4 addresses of the regional NAT gateway when Terraform last read it (they change as it "
                        + "spreads to other AZs)"
                : "Public IPv4 addresses of the NAT gateways");
        output("vpc_endpoint_ids", endpointIds, "VPC endpoint ids by service");
        output("bucket_name", region.bucket(), "The results bucket");
        output("table_name", contract.table().tableName(), "AGC's DynamoDB table");
        output("compute_image_id", contract.parameters().computeImageId(), "The compute AMI (/agc/_common/ComputeEnvImage)");
        // As terraform-aws-modules/vpc names them, each only where it exists
        output("vpc_cidr_block", network.vpcCidrBlock(), "The VPC's IPv4 CIDR block");
        outputIfAny("azs", network.availabilityZones(), "The Availability Zones of the subnets agc-infra created");
        outputIfAny("public_route_table_ids", network.publicRouteTableIds(), "Route tables of the public subnets");
        outputIfAny("private_route_table_ids", network.privateRouteTableIds(), "Route tables of the private subnets");
        outputIfAny("natgw_ids", network.natGatewayIds(), "NAT gateway ids");
        network.internetGatewayId().ifPresent(igw -> output("igw_id", igw, "The internet gateway's id"));
        flowLog.ifPresent(log -> {
            output("vpc_flow_log_id", log.flowLogId(), "The VPC flow log's id");
            output("vpc_flow_log_destination_arn", log.logGroupArn(), "The log group the VPC flow log delivers to");
            output("vpc_flow_log_cloudwatch_iam_role_arn", log.roleArn(), "The role the VPC flow log delivers with");
        });
    }

    private void outputIfAny(String name, List<String> values, String description) {
        if (!values.isEmpty()) {
            output(name, values, description);
        }
    }

    private void output(String name, Object value, String description) {
        AddressedScope.of(this).add(name, (s, n) -> TerraformOutput.Builder.create(s, n).value(value)
                .description(description).build());
    }
}
