package dev.agcinfra.audit.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code -v}/{@code --verbose}, accepted on every command and stored on the root command's mixin, so that the error
 * handler finds it wherever it was given (picocli's {@code logging_mixin_simple} pattern).
 */
public final class LoggingMixin {

    /** The name the root command registers this mixin under. */
    static final String NAME = "logging";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    private boolean verbose;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of errors and per-region timings on stderr.")
    void setVerbose(boolean value) {
        root().verbose = value;
    }

    /** Whether {@code -v} was given anywhere on the command line. */
    public boolean verbose() {
        return root().verbose;
    }

    private LoggingMixin root() {
        if (mixee == null) {
            return this;
        }
        Object mixin = mixee.root().mixins().get(NAME) == null ? null : mixee.root().mixins().get(NAME).userObject();
        return mixin instanceof LoggingMixin logging ? logging : this;
    }
}
