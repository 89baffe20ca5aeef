package dev.agcinfra.audit.cli;

import dev.agcinfra.aws.AwsClientFactory;
import dev.agcinfra.audit.aws.Preflight;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The template of every agc-audit verb that calls AWS: check every option (nothing touches AWS before), then build
 * the one client factory from the AWS options and run. Subclasses add their mixins and options; job commands over
 * regions extend {@link AbstractJobCommand}.
 */
public abstract class AuditCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @Mixin
    protected AwsOptions aws;

    @Mixin(name = LoggingMixin.NAME)
    protected LoggingMixin logging;

    @Override
    public final Integer call() throws IOException {
        checkOptions();
        try (AwsClientFactory clients = new AwsClientFactory(aws.settings(parallelism()))) {
            return run(clients);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Checks the options, throwing a {@code ParameterException} (exit 2) for the first bad one; no AWS call. */
    protected abstract void checkOptions();

    /** Runs the command with the clients; returns the exit code. */
    protected abstract int run(AwsClientFactory clients) throws IOException;

    /** How many regions are read at once (sizes the connection pool). */
    protected int parallelism() {
        return 1;
    }

    /**
     * The caller's account, asked of STS once, on first use (checks the credentials); a settings file that names
     * the account never needs it.
     *
     * @param regions the regions the command reads (STS is asked in us-east-1 for the commercial partition)
     */
    protected static Supplier<String> account(AwsClientFactory clients, List<String> regions) {
        return new Supplier<>() {
            private String account;

            @Override
            public synchronized String get() {
                if (account == null) {
                    account = new Preflight(clients).account(regions);
                }
                return account;
            }
        };
    }
}
