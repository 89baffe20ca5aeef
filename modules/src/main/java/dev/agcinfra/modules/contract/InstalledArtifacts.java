package dev.agcinfra.modules.contract;

import dev.agcinfra.modules.naming.AddressedScope;
import com.hashicorp.cdktf.providers.aws.s3_object.S3Object;
import dev.agcinfra.modules.contract.AgcInstallation.InstalledFile;
import dev.agcinfra.modules.naming.TerraformLiteral;
import dev.agcinfra.modules.naming.TerraformNames;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.constructs.Construct;

/**
 * AGC's installed files in the results bucket, one {@code aws_s3_object} each, where AGC's contexts and compute nodes
 * look for them:
 * <ul>
 *   <li>every file of the installation's {@code cdk/lib/artifacts/} at {@code artifacts/<its path>}, as AGC's core
 *       copies that folder ({@code BucketDeployment} with {@code destinationKeyPrefix: "artifacts"}), so
 *       {@code artifacts/batch-artifacts/ecs-additions/provision.sh} and the rest that compute nodes sync at boot;</li>
 *   <li>the WES adapter zip at {@link #wesAdapterKey(String)}, a key that holds the zip's hash: AGC's core uploads it
 *       as a CDK asset, whose key is its hash, and a Lambda function's code is only replaced when its key changes.</li>
 * </ul>
 * Every object has {@code source_hash} set to the SHA-256 of its file, so a changed file is uploaded again on the next
 * apply and an unchanged one is left alone. ({@code etag} would not do: in a bucket with SSE-KMS, such as agc-infra's,
 * an object's ETag is not the MD5 of its content, and every apply would upload every object again.) No object sets its
 * own encryption: the bucket's default applies.
 *
 * <p>Construct ids (Terraform names): each artifact's path with {@code /} as {@code .}, e.g.
 * {@code batch-artifacts.ecs-additions.provision.sh} ({@code aws_s3_object.artifacts_batch_artifacts_ecs_additions_provision_sh}
 * under the id {@code Artifacts}); the zip is {@code WesAdapter}.
 */
public final class InstalledArtifacts extends Construct {

    /** The key prefix of the batch artifacts, as AGC's core uses it. */
    public static final String ARTIFACTS_PREFIX = "artifacts/";
    /** Where the compute nodes' boot script finds the batch artifacts: the value of {@code installed-artifacts/s3-root-url}, below the bucket. */
    public static final String BATCH_ARTIFACTS_PREFIX = ARTIFACTS_PREFIX + "batch-artifacts";
    /** The construct id of the WES adapter zip's object. */
    public static final String WES_ADAPTER_ID = "WesAdapter";

    private final S3Object wesAdapter;
    private final AddressedScope here;

    /**
     * @param bucketName   the results bucket (a name, or a Terraform reference)
     * @param installation a complete installation ({@link AgcInstallation#isComplete()})
     */
    public InstalledArtifacts(Construct scope, String id, String bucketName, AgcInstallation installation) {
        super(scope, id);
        this.here = AddressedScope.of(scope).child(this, id);
        Objects.requireNonNull(bucketName, "bucketName must be non-null");
        if (!installation.isComplete()) {
            throw new IllegalArgumentException("the AGC installation in " + installation.home() + " lacks "
                    + String.join(", ", installation.missing()));
        }
        Map<String, String> ids = new HashMap<>();
        for (InstalledFile file : installation.artifacts()) {
            String childId = file.relativePath().replace('/', '.');
            String terraformName = TerraformNames.snakeCase(childId);
            String clash = ids.put(terraformName, file.relativePath());
            if (clash != null || WES_ADAPTER_ID.equals(childId)) {
                throw new IllegalArgumentException("the AGC installation's artifacts " + file.relativePath() + " and "
                        + (clash == null ? "the WES adapter" : clash) + " would get the same Terraform name "
                        + terraformName + "; rename one of the files");
            }
            object(childId, bucketName, ARTIFACTS_PREFIX + file.relativePath(), file);
        }
        InstalledFile zip = installation.wesAdapter().orElseThrow();
        this.wesAdapter = object(WES_ADAPTER_ID, bucketName, wesAdapterKey(zip.sha256()), zip);
    }

    /** The key of the WES adapter zip whose content has this SHA-256: {@code artifacts/wes/wes_adapter-<sha256>.zip}. */
    public static String wesAdapterKey(String sha256) {
        return ARTIFACTS_PREFIX + "wes/wes_adapter-" + sha256 + ".zip";
    }

    /** The WES adapter zip's key, as a reference to its object (so whatever uses it waits for the upload). */
    public String wesAdapterKey() {
        return wesAdapter.getKey();
    }

    /** The object's key and file are written as the text they are ({@link TerraformLiteral}): file names are free. */
    private S3Object object(String childId, String bucketName, String key, InstalledFile file) {
        return here.add(childId, (s, n) -> S3Object.Builder.create(s, n)
                .bucket(TerraformLiteral.of(bucketName))
                .key(TerraformLiteral.of(key))
                .source(TerraformLiteral.of(file.path().toString()))
                .sourceHash(file.sha256())
                .build());
    }
}
