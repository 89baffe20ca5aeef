package dev.agcinfra.app.account;

import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.app.lookup.AwsEnvironment;
import dev.agcinfra.settings.AwsDefaults;
import dev.agcinfra.settings.AwsNames;
import dev.agcinfra.settings.SettingsException;
import java.util.Optional;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/** Resolving the region and account of an account command, and whether a region is active. */
final class Regions {

    private Regions() {
    }

    /** {@code --region}, else the AWS CLI's default region. */
    static String region(AwsEnvironment aws, Optional<String> flag) {
        String region;
        try {
            region = flag.orElseGet(aws::defaultRegion);
        } catch (SettingsException e) {
            throw new AccountException(ExitCode.INVALID_INPUT, "no region: give --region, or set AWS_REGION "
                    + "(or a region in your AWS profile)");
        }
        Optional<String> problem = AwsNames.regionProblem(region);
        if (problem.isPresent()) {
            throw new AccountException(ExitCode.INVALID_INPUT, "--region: " + problem.get());
        }
        return region;
    }

    /** The account of the credentials (STS GetCallerIdentity). */
    static String account(AwsEnvironment aws, String region) {
        try {
            return aws.account(region);
        } catch (SettingsException e) {
            throw new AccountException(ExitCode.AWS_FAILURE, e.getMessage().replace("account: not in agc.yaml, and ", "")
                    .replace("set `account:` in agc.yaml or configure AWS credentials", "configure AWS credentials "
                            + "(or --profile)"));
        }
    }

    /** Whether {@code /agc/_common/vpc} exists in the region. */
    static boolean isActive(AccountAws aws) {
        return commonParameter(aws, "vpc").isPresent();
    }

    /** The value of {@code /agc/_common/<name>} in the region, if the parameter exists. */
    static Optional<String> commonParameter(AccountAws aws, String name) {
        return parameter(aws, CoreStatus.PREFIX + name);
    }

    /** The value of the SSM parameter {@code name} in the region, if it exists. */
    static Optional<String> parameter(AccountAws aws, String name) {
        try {
            return Optional.of(aws.ssm().getParameter(r -> r.name(name)).parameter().value());
        } catch (ParameterNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Defaults already resolved, so loading the settings makes no further AWS call for them. */
    static AwsDefaults resolved(String region, String account) {
        return new AwsDefaults() {
            @Override
            public String defaultRegion() {
                return region;
            }

            @Override
            public String account(String ignored) {
                return account;
            }
        };
    }
}
