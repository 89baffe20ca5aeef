package dev.agcinfra.modules.contract;

import static dev.agcinfra.modules.testing.ConstructTest.assertHasResource;
import static dev.agcinfra.modules.testing.ConstructTest.resolved;
import static dev.agcinfra.modules.testing.ConstructTest.resources;
import static dev.agcinfra.modules.testing.ConstructTest.stack;
import static dev.agcinfra.modules.testing.ConstructTest.synth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.s3_object.S3Object;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link InstalledArtifacts}: one object per file of an AGC installation, and the installations it refuses. */
class InstalledArtifactsTest {

    @TempDir
    Path home;

    private Path write(String relative, String content) throws IOException {
        return InstallationFiles.write(home, relative, content);
    }

    @Test
    void everyArtifactGoesUnderArtifactsAndTheWesAdapterUnderAKeyHoldingItsHashEachWithItsSourceHash()
            throws IOException {
        // Given
        Path provision = write(AgcInstallation.ARTIFACTS_DIR + "/batch-artifacts/ecs-additions/provision.sh", "p");
        Path zip = write(AgcInstallation.WES_ADAPTER, "z");
        TerraformStack stack = stack();

        // When
        InstalledArtifacts artifacts = new InstalledArtifacts(stack, "Artifacts", "my-results",
                AgcInstallation.read(home));
        String synthesized = synth(stack);

        // Then
        assertHasResource(synthesized, S3Object.TF_RESOURCE_TYPE, Map.of("bucket", "my-results",
                "key", "artifacts/batch-artifacts/ecs-additions/provision.sh", "source", provision.toString(),
                "source_hash", AgcInstallation.sha256(provision)));
        String zipKey = InstalledArtifacts.wesAdapterKey(AgcInstallation.sha256(zip));
        assertThat(zipKey).isEqualTo("artifacts/wes/wes_adapter-" + AgcInstallation.sha256(zip) + ".zip");
        assertHasResource(synthesized, S3Object.TF_RESOURCE_TYPE, Map.of("key", zipKey, "source", zip.toString()));
        assertThat(resources(synthesized, S3Object.TF_RESOURCE_TYPE)).containsOnlyKeys(
                "artifacts_batch_artifacts_ecs_additions_provision_sh", "artifacts_wes_adapter");
        assertThat(resolved(stack, artifacts.wesAdapterKey())).as("a reference, so what uses the key waits for the upload")
                .isEqualTo("${aws_s3_object.artifacts_wes_adapter.key}");
    }

    @Test
    void aFileNameHoldingAnInterpolationOrADirectiveIsWrittenAsTextTerraformDoesNotEvaluate() throws IOException {
        // Given a file whose name is a Terraform interpolation and directive
        Path odd = write(AgcInstallation.ARTIFACTS_DIR + "/batch-artifacts/${path.module}%{if true}x%{endif}.sh", "p");
        write(AgcInstallation.WES_ADAPTER, "z");
        TerraformStack stack = stack();

        // When
        new InstalledArtifacts(stack, "Artifacts", "my-results", AgcInstallation.read(home));
        String synthesized = synth(stack);

        // Then the key and the source hold the literal forms $${ and %%{, which Terraform reads as ${ and %{
        assertHasResource(synthesized, S3Object.TF_RESOURCE_TYPE, Map.of(
                "key", "artifacts/batch-artifacts/$${path.module}%%{if true}x%%{endif}.sh",
                "source", odd.toString().replace("${", "$${").replace("%{", "%%{")));
    }

    @Test
    void anIncompleteInstallationIsRefusedNamingWhatItLacks() throws IOException {
        // Given artifacts but no WES adapter
        write(AgcInstallation.ARTIFACTS_DIR + "/batch-artifacts/ecs-additions/provision.sh", "p");
        TerraformStack stack = stack();

        // When / Then
        assertThatThrownBy(() -> new InstalledArtifacts(stack, "Artifacts", "b", AgcInstallation.read(home)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the AGC installation in " + home + " lacks " + AgcInstallation.WES_ADAPTER);
    }

    @Test
    void twoArtifactsThatWouldShareATerraformNameAreRefused() throws IOException {
        // Given two files whose paths differ only where Terraform names do not
        write(AgcInstallation.ARTIFACTS_DIR + "/tools/run-me.sh", "a");
        write(AgcInstallation.ARTIFACTS_DIR + "/tools/run_me.sh", "b");
        write(AgcInstallation.WES_ADAPTER, "z");
        TerraformStack stack = stack();

        // When / Then
        assertThatThrownBy(() -> new InstalledArtifacts(stack, "Artifacts", "b", AgcInstallation.read(home)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the AGC installation's artifacts tools/run_me.sh and tools/run-me.sh would get the same "
                        + "Terraform name tools_run_me_sh; rename one of the files");
    }

    @Test
    void anArtifactNamedLikeTheWesAdaptersObjectIsRefused() throws IOException {
        // Given
        write(AgcInstallation.ARTIFACTS_DIR + "/WesAdapter", "a");
        write(AgcInstallation.WES_ADAPTER, "z");
        TerraformStack stack = stack();

        // When / Then
        assertThatThrownBy(() -> new InstalledArtifacts(stack, "Artifacts", "b", AgcInstallation.read(home)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WesAdapter and the WES adapter would get the same Terraform name");
    }
}
