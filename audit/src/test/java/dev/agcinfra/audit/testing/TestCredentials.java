package dev.agcinfra.audit.testing;

/**
 * Gives in-process runs the credentials local endpoints accept, through the SDK's own chain (the
 * {@code aws.accessKeyId} system properties come first in it), so nothing in agc-audit knows about tests.
 */
public final class TestCredentials {

    private TestCredentials() {
    }

    /** Sets {@code aws.accessKeyId} and {@code aws.secretAccessKey} to {@code test}. */
    public static synchronized void install() {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }
}
