package dev.agcinfra.app.lookup;

import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.MotoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;

/** AwsEnvironments for tests: everything on 127.0.0.1, never real AWS. */
final class LocalAws {

    private LocalAws() {
    }

    /** A region provider with an empty AWS config file: it knows no region, like a machine without a profile. */
    static AwsRegionProvider noProfileRegion() {
        return new AwsProfileRegionProvider(() -> ProfileFile.builder().content("")
                .type(ProfileFile.Type.CONFIGURATION).build(), "default");
    }

    /** The shared moto server's environment with the given extra variables and test credentials. */
    static AwsEnvironment moto(Map<String, String> extraEnv) {
        return new AwsEnvironment(new HashMap<>(extraEnv), Optional.of(MotoServer.get().endpoint()),
                AwsTestClients.CREDENTIALS, noProfileRegion());
    }

    /** An environment whose endpoint refuses every connection: any AWS call fails. */
    static AwsEnvironment unreachable() {
        return new AwsEnvironment(Map.of(), Optional.of(refusingEndpoint()), AwsTestClients.CREDENTIALS,
                noProfileRegion());
    }

    /** An endpoint on 127.0.0.1 with nothing listening. */
    static URI refusingEndpoint() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
