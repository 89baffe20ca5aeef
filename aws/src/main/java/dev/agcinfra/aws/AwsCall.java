package dev.agcinfra.aws;

import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Names the AWS operation behind a failure, so that errors read "region, service, operation, code".
 *
 * <p>Readers that make more than one kind of call wrap each in {@link #call}; a step's own operation is used otherwise.
 */
public final class AwsCall {

    private AwsCall() {
    }

    /** Runs {@code call}; an SDK failure comes out as an {@link AwsCallException} naming service and operation. */
    public static <T> T call(String service, String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new AwsCallException(service, operation, e);
        }
    }

    /** An SDK failure with the service and operation that caused it. */
    public static final class AwsCallException extends RuntimeException {

        private final String service;
        private final String operation;

        public AwsCallException(String service, String operation, SdkException cause) {
            super(service + " " + operation + ": " + cause.getMessage(), cause);
            this.service = service;
            this.operation = operation;
        }

        public String service() {
            return service;
        }

        public String operation() {
            return operation;
        }

        @Override
        public synchronized SdkException getCause() {
            return (SdkException) super.getCause();
        }
    }
}
