package dev.agcinfra.audit.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The example settings' synth ({@code examples/agc.yaml} with a fake AGC installation, as the app synthesizes it:
 * kept current by the app's {@code SecurityOfSynthesizedStacksTest}), and tampered copies of it.
 */
public final class SynthFixture {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SynthFixture() {
    }

    /** {@code src/test/resources/security/example-cdktf.out}. */
    public static Path example() {
        URL url = SynthFixture.class.getResource("/security/example-cdktf.out/manifest.json");
        if (url == null) {
            throw new IllegalStateException("no fixture security/example-cdktf.out");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the example in a new directory under {@code dir}, with {@code change} applied to one stack's JSON. */
    static Path tampered(Path dir, String stack, Consumer<ObjectNode> change) {
        try (Stream<Path> files = Files.walk(example())) {
            Path copy = Files.createTempDirectory(dir, "synth").resolve("cdktf.out");
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(example().relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
            Path file = copy.resolve("stacks/" + stack + "/cdk.tf.json");
            ObjectNode json = (ObjectNode) JSON.readTree(file.toFile());
            change.accept(json);
            JSON.writeValue(file.toFile(), json);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code resource.<type>.<name>} of a stack's JSON, as an object to change. */
    static ObjectNode resource(ObjectNode stack, String type, String name) {
        return (ObjectNode) stack.withObjectProperty("resource").withObjectProperty(type).get(name);
    }

    /** {@code resource.<type>}, created when missing. */
    static ObjectNode resources(ObjectNode stack, String type) {
        return stack.withObjectProperty("resource").withObjectProperty(type);
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
