package dev.agcinfra.audit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;
import software.amazon.awssdk.core.util.VersionInfo;

/** {@code --version}: agc-audit's version (from the build), the AWS SDK's, and the JVM's. */
public final class VersionProvider implements IVersionProvider {

    /** agc-audit's version, as Maven filtered it into {@code version.properties}. */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "agc-audit " + version(),
            "AWS SDK for Java " + VersionInfo.SDK_VERSION,
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        };
    }
}
