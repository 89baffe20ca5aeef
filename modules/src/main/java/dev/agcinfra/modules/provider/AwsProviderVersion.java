package dev.agcinfra.modules.provider;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.nat_gateway.NatGateway;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The AWS provider agc-infra's stacks declare, and the one place where they use what its Java bindings lack.
 *
 * <p>The stacks declare {@value #SOURCE} {@value #CONSTRAINT}: any 6.x release from {@value #SCHEMA_VERSION} on, the
 * release whose schema the test suite checks every synthesized stack against ({@code ProviderSchemaTest}); a new
 * major version may remove arguments, so it is not accepted without a new check. {@code terraform init} picks the
 * newest such release and pins it in {@code .terraform.lock.hcl}, which a team commits as with any Terraform
 * configuration.
 *
 * <p>The constructs are built with the prebuilt Java bindings {@code cdktf-provider-aws} 18.0.3, generated from
 * hashicorp/aws 5.23.1 (the newest prebuilt bindings for CDKTF 0.19). Every argument they write exists in 6.x (the
 * schema test proves it); what 6.x added and agc-infra uses, the bindings cannot write, so it goes through CDKTF's
 * escape hatch ({@code addOverride}) here and nowhere else.
 */
public final class AwsProviderVersion {

    /** The provider's registry address. */
    public static final String SOURCE = "hashicorp/aws";
    /** The version constraint every stack declares: 6.x from {@value #SCHEMA_VERSION} on. */
    public static final String CONSTRAINT = "~> 6.25";
    /** The release whose published schema the stacks are checked against; the constraint's lower bound. */
    public static final String SCHEMA_VERSION = "6.25.0";
    /** The first release with {@code availability_mode = "regional"} on {@code aws_nat_gateway}. */
    public static final String REGIONAL_NAT_GATEWAY_SINCE = "6.24.0";

    private AwsProviderVersion() {
    }

    /** Declares the provider in {@code stack}'s {@code terraform.required_providers}: source and version constraint. */
    public static void declare(TerraformStack stack) {
        stack.addOverride("terraform.required_providers.aws.source", SOURCE);
        stack.addOverride("terraform.required_providers.aws.version", CONSTRAINT);
    }

    /**
     * A regional NAT gateway of the VPC {@code vpcId} ({@code availability_mode = "regional"}, {@code vpc_id};
     * hashicorp/aws {@value #REGIONAL_NAT_GATEWAY_SINCE} and later), in automatic mode: with no
     * {@code availability_zone_address} blocks, AWS assigns its addresses and spreads it to the AZs the VPC uses. It has
     * no {@code subnet_id}, {@code allocation_id} or {@code connectivity_type} (a regional one is public, the default):
     * the provider refuses a subnet or an allocation in regional mode. The bindings require a subnet id (5.23.1's
     * schema did), so the builder gets the VPC's id as a stand-in that the override takes out again.
     *
     * @param dependsOn what it must be created after: the VPC's internet gateway, which its route table routes to
     */
    public static NatGateway regionalNatGateway(Construct scope, String id, String vpcId, Map<String, String> tags,
                                                List<ITerraformDependable> dependsOn) {
        NatGateway natGateway = NatGateway.Builder.create(scope, id)
                .subnetId(vpcId)
                .tags(tags)
                .dependsOn(dependsOn)
                .build();
        natGateway.addOverride("subnet_id", null);
        natGateway.addOverride("availability_mode", "regional");
        natGateway.addOverride("vpc_id", vpcId);
        return natGateway;
    }

    /**
     * The public IPv4 addresses of a regional NAT gateway, as a Terraform expression over its computed
     * {@code regional_nat_gateway_address} blocks (one per address AWS has given it so far; the bindings have no getter
     * for them): the addresses it had when Terraform last read it, which change as it spreads to other AZs.
     */
    public static String regionalPublicIps(NatGateway regional) {
        return "${[for address in " + regional.getFqn() + ".regional_nat_gateway_address : address.public_ip]}";
    }
}
