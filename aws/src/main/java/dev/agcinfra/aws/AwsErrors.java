package dev.agcinfra.aws;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK exceptions into the short code and message agc-audit reports. */
public final class AwsErrors {

    /**
     * Error codes that mean the whole region is out of reach for these credentials (an opt-in region not enabled,
     * a token not valid there): after one, the region's other calls are not tried.
     */
    public static final Set<String> REGION_WIDE_CODES = Set.of(
            "UnrecognizedClientException", "InvalidClientTokenId", "AuthFailure", "OptInRequired",
            "ExpiredToken", "ExpiredTokenException", "RequestExpired", "SignatureDoesNotMatch");

    /** The code reported for a call that did not complete within {@code --call-timeout}. */
    public static final String TIMEOUT = "Timeout";
    /** The code reported for a call that never reached AWS (connection refused, DNS, no credentials). */
    public static final String CLIENT_ERROR = "ClientError";

    private AwsErrors() {
    }

    /** The AWS error code ({@code AccessDeniedException}), or {@link #TIMEOUT} / {@link #CLIENT_ERROR}. */
    public static String code(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        if (e instanceof AwsServiceException service) {
            return "HTTP" + service.statusCode();
        }
        if (isTimeout(e)) {
            return TIMEOUT;
        }
        return CLIENT_ERROR;
    }

    /** The message without the SDK's "(Service: ..., Status Code: ..., Request ID: ...)" suffix, on one line. */
    public static String message(SdkException e) {
        String message;
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorMessage() != null) {
            message = service.awsErrorDetails().errorMessage();
        } else {
            message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return oneLine(message);
    }

    /**
     * One short line for a person: the service's error code and message, or the client-side reason (credentials not
     * found, connection refused) without the SDK's list of every provider it tried or its request details.
     */
    public static String brief(SdkException e) {
        String message;
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            message = service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage();
        } else {
            message = e.getMessage();
            Throwable cause = e.getCause();
            if ((message == null || message.isBlank()) && cause != null) {
                message = cause.toString();
            }
        }
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String first = message.strip().lines().findFirst().orElse("");
        int chain = first.indexOf(" from any of the providers in the chain");
        if (chain > 0) {
            first = first.substring(0, chain) + " from the default chain"; // it then lists every provider it tried
        }
        int details = first.indexOf("(Service:");
        if (details > 0) {
            first = first.substring(0, details).strip();
        }
        return first.length() > 200 ? first.substring(0, 197) + "..." : first;
    }

    /** Whether the rest of the region should be skipped after this failure. */
    public static boolean isRegionWide(SdkException e) {
        return e instanceof SdkClientException || REGION_WIDE_CODES.contains(code(e));
    }

    /** Whether the failure is a call or attempt timeout, or a read timeout below them. */
    public static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException
                    || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Collapses line breaks and runs of blanks, so that each error stays on one line. */
    public static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
