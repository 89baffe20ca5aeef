package dev.agcinfra.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project version, stamped into every resource as the {@code agc-version} tag. */
public final class AgcVersion {

    private static final String VERSION = load();

    private AgcVersion() {
    }

    /** e.g. {@code 0.1.0}. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = AgcVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("version.properties is missing from the build", e);
        }
    }
}
