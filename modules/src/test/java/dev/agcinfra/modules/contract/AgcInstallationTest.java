package dev.agcinfra.modules.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgcInstallationTest {

    @TempDir
    Path home;

    private Path write(String relative, String content) throws IOException {
        return InstallationFiles.write(home, relative, content);
    }

    @Test
    void readsEveryArtifactBelowCdkLibArtifactsWithItsPathAndTheWesAdapter() throws IOException {
        write("cdk/lib/artifacts/batch-artifacts/ecs-additions/provision.sh", "p");
        write("cdk/lib/artifacts/batch-artifacts/amazon-ebs-autoscale.tgz", "t");
        write("cdk/apps/core/app.js", "not an artifact");
        write("wes/wes_adapter.zip", "z");

        AgcInstallation agc = AgcInstallation.read(home);

        assertThat(agc.artifacts()).extracting(AgcInstallation.InstalledFile::relativePath).containsExactly(
                "batch-artifacts/amazon-ebs-autoscale.tgz", "batch-artifacts/ecs-additions/provision.sh");
        assertThat(agc.artifacts().get(1).path()).isEqualTo(home.resolve("cdk/lib/artifacts/batch-artifacts/ecs-additions/provision.sh"));
        assertThat(agc.wesAdapter()).get().extracting(AgcInstallation.InstalledFile::path)
                .isEqualTo(home.resolve("wes/wes_adapter.zip"));
        assertThat(agc.isComplete()).isTrue();
        assertThat(agc.missing()).isEmpty();
    }

    @Test
    void aFilesHashIsTheSha256OfItsContentAsTerraformsFilesha256() throws IOException {
        // FIPS 180-2's test vector: SHA-256("abc")
        Path file = write("wes/wes_adapter.zip", "abc");

        assertThat(AgcInstallation.sha256(file))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(AgcInstallation.read(home).wesAdapter().orElseThrow().sha256())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aMissingInstallationIsNotAnErrorAndNamesWhatIsMissing() {
        AgcInstallation agc = AgcInstallation.read(home.resolve("nothing-here"));

        assertThat(agc.isComplete()).isFalse();
        assertThat(agc.missing()).containsExactly("cdk/lib/artifacts/", "wes/wes_adapter.zip");
        assertThat(agc.artifacts()).isEmpty();
    }

    @Test
    void anInstallationWithoutTheWesAdapterIsIncomplete() throws IOException {
        write("cdk/lib/artifacts/batch-artifacts/ecs-additions/provision.sh", "p");

        assertThat(AgcInstallation.read(home).missing()).containsExactly("wes/wes_adapter.zip");
    }
}
