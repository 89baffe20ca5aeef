package dev.agcinfra.app;

import java.util.Map;
import java.util.Optional;

/**
 * jsii could not start Node.js, which CDKTF's Java bindings run in: a missing prerequisite, reported as one line with
 * the fix, before anything is written.
 */
public final class NodeJsUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private NodeJsUnavailable(String line, Throwable cause) {
        super(line, cause, false, false);
    }

    /**
     * The failure to report when {@code failure} (what starting jsii threw) is Node.js not starting: the program not
     * found or not runnable, or the process ending before jsii's handshake.
     */
    static Optional<NodeJsUnavailable> of(Throwable failure, Map<String, String> env) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.startsWith("Cannot run program") || message.startsWith("Child process exited unexpectedly")) {
                String node = env.getOrDefault("JSII_NODE", "node");
                String why = message.lines().findFirst().orElse(message);
                return Optional.of(new NodeJsUnavailable("cannot start Node.js (" + node + "), which CDKTF's Java "
                        + "bindings (jsii) run in: " + why + "; install Node.js 20 or newer and put node on the PATH, "
                        + "or set JSII_NODE to the node program", failure));
            }
        }
        return Optional.empty();
    }
}
