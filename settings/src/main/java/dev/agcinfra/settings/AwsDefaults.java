package dev.agcinfra.settings;

/**
 * What {@link SettingsLoader} asks AWS for when agc.yaml leaves it out. The implementation for real use is
 * {@code dev.agcinfra.app.lookup.AwsEnvironment}; each method either answers or throws a {@link SettingsException}
 * whose one line says how to fix it.
 */
public interface AwsDefaults {

    /** The default region, as the AWS CLI would choose it ({@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, profile). */
    String defaultRegion();

    /** The account of the caller's AWS credentials, asked in {@code region}. */
    String account(String region);
}
