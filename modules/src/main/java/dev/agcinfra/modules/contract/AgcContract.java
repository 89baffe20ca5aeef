package dev.agcinfra.modules.contract;

import dev.agcinfra.modules.network.SubnetType;
import dev.agcinfra.modules.parameters.CommonParameters;
import dev.agcinfra.modules.parameters.CommonParametersProps;
import dev.agcinfra.modules.storage.AgcTable;
import java.util.List;
import java.util.Optional;
import software.constructs.Construct;

/**
 * Everything AGC's contexts, their compute nodes and the AGC CLI read from a region's core, in one place: the contract
 * between agc-infra's core and AGC. Read from AGC's own source (aws/amazon-genomics-cli):
 * <ul>
 *   <li>the SSM parameters under {@code /agc/_common/} ({@link CommonParameters}), among them
 *       {@code WesAdapterZipKeyParameter};</li>
 *   <li>the CloudFormation export {@code WesAdapterZipBucket} ({@link WesAdapterExport});</li>
 *   <li>AGC's batch artifacts under {@code artifacts/} in the results bucket, and the WES adapter zip
 *       ({@link InstalledArtifacts}), uploaded from the user's AGC installation;</li>
 *   <li>the DynamoDB table {@code Agc} ({@link AgcTable});</li>
 *   <li>the {@code aws-cdk:subnet-type} tag of each subnet of a VPC the core creates ({@code AgcVpc}), by which CDK's
 *       {@code Vpc.fromLookup} in the context app tells public subnets from private ones (in your own VPC, your
 *       subnets' tags or, without them, their routes decide).</li>
 * </ul>
 * {@link #ITEMS} lists each item with who reads it; {@code docs/agc-contexts.md} explains each and how to check it.
 *
 * <p>Not a construct of its own: its parts are added to the scope (the core stack) directly, under the ids
 * {@code Table}, {@code Parameters}, {@code Artifacts} and {@code WesAdapterExport}, so that the table and the
 * parameters, which predate this class, keep their Terraform addresses ({@code aws_dynamodb_table.table},
 * {@code aws_ssm_parameter.parameters_vpc}, ...).
 */
public final class AgcContract {

    /** What reads an item. */
    public enum Reader {
        /** AGC's context app, when {@code agc context deploy} synthesizes it (CDK {@code StringParameter.valueFromLookup}). */
        CONTEXT_SYNTH,
        /** CloudFormation, when it deploys a context stack (SSM parameter types, {@code Fn::ImportValue}, Lambda code). */
        CONTEXT_DEPLOY,
        /** The AGC CLI ({@code internal/pkg/aws/ssm}, {@code internal/pkg/aws/ddb}). */
        CLI,
        /** Every compute node at boot (the launch template's user data). */
        COMPUTE_NODE
    }

    /**
     * One item of the contract: its kind ({@code ssm}, {@code export}, {@code object}, {@code table}, {@code tag}),
     * name and readers.
     */
    public record Item(String kind, String name, List<Reader> readers) {
        public Item(String kind, String name, Reader... readers) {
            this(kind, name, List.of(readers));
        }
    }

    /** Every item, as AGC's source reads it. */
    public static final List<Item> ITEMS = List.of(
            new Item("ssm", CommonParameters.PREFIX + "vpc", Reader.CONTEXT_SYNTH),
            new Item("ssm", CommonParameters.PREFIX + "NumInfraSubnets", Reader.CONTEXT_SYNTH),
            new Item("ssm", CommonParameters.PREFIX + CommonParameters.WES_ADAPTER_ZIP_KEY, Reader.CONTEXT_SYNTH),
            new Item("ssm", CommonParameters.PREFIX + "InfraSubnets", Reader.CONTEXT_DEPLOY),
            new Item("ssm", CommonParameters.PREFIX + "ComputeEnvImage", Reader.CONTEXT_DEPLOY),
            new Item("ssm", CommonParameters.PREFIX + "bucket", Reader.CLI),
            new Item("ssm", CommonParameters.PREFIX + "customTags", Reader.CLI),
            new Item("ssm", CommonParameters.PREFIX + "installed-artifacts/s3-root-url", Reader.CLI, Reader.COMPUTE_NODE),
            new Item("export", WesAdapterExport.EXPORT_NAME, Reader.CONTEXT_DEPLOY),
            new Item("object", InstalledArtifacts.BATCH_ARTIFACTS_PREFIX + "/ecs-additions/", Reader.COMPUTE_NODE),
            new Item("object", InstalledArtifacts.wesAdapterKey("<sha256>"), Reader.CONTEXT_DEPLOY),
            new Item("table", AgcTable.TABLE_NAME, Reader.CLI),
            new Item("tag", SubnetType.TAG, Reader.CONTEXT_SYNTH));

    private final AgcTable table;
    private final CommonParameters parameters;
    private final Optional<InstalledArtifacts> artifacts;
    private final WesAdapterExport export;

    /** Adds the contract's parts to {@code scope}. */
    public AgcContract(Construct scope, AgcContractProps props) {
        this.table = new AgcTable(scope, "Table");
        this.artifacts = props.installation().isComplete()
                ? Optional.of(new InstalledArtifacts(scope, "Artifacts", props.bucketName(), props.installation()))
                : Optional.empty();
        this.parameters = new CommonParameters(scope, "Parameters", new CommonParametersProps(props.vpcId(),
                props.bucketName(), props.infraSubnets(), props.ami(), props.customTags(),
                artifacts.map(InstalledArtifacts::wesAdapterKey)));
        this.export = new WesAdapterExport(scope, "WesAdapterExport", props.bucketName());
    }

    public AgcTable table() {
        return table;
    }

    public CommonParameters parameters() {
        return parameters;
    }

    /** The uploaded artifacts; empty when the installation was not complete. */
    public Optional<InstalledArtifacts> artifacts() {
        return artifacts;
    }

    public WesAdapterExport export() {
        return export;
    }
}
