package dev.agcinfra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One moto server on 127.0.0.1 for the whole test JVM, started on first use and stopped when the JVM exits.
 *
 * <p>moto serves the real AWS wire protocols, so the SDK does its own marshalling. The command is
 * {@code moto_server} from the PATH, or the one named by the {@code MOTO_SERVER} environment variable.
 * Tests that need a clean account call {@link #reset()}; each region is separate inside the server.
 */
public final class MotoServer {

    private static MotoServer instance;

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private MotoServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** The shared server, started if it is not running yet. */
    public static synchronized MotoServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** The server's endpoint, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Forgets every resource in every region. */
    public void reset() {
        post("/moto-api/reset", "");
    }

    /** POSTs a JSON body to one of moto's own API paths (e.g. Cost Explorer results) and checks the answer. */
    public void post(String path, String json) {
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint.resolve(path).toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            c.getOutputStream().write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            int status = c.getResponseCode();
            if (status >= 300) {
                throw new IllegalStateException("moto " + path + " answered HTTP " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("moto " + path + " failed", e);
        }
    }

    private static MotoServer start() {
        String command = System.getenv().getOrDefault("MOTO_SERVER", "moto_server");
        int port = freePort();
        try {
            Path log = Files.createTempFile("moto-server-", ".log");
            Process process = new ProcessBuilder(List.of(command, "-H", "127.0.0.1", "-p", Integer.toString(port)))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            MotoServer server = new MotoServer(process, endpoint, log);
            server.awaitReady(Duration.ofSeconds(60));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start '" + command + "' (install it with: pip install 'moto[server]')", e);
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() < 500) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto_server", e);
            }
        }
        process.destroy();
        throw new IllegalStateException("moto_server did not answer within " + timeout + "; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
