package dev.agcinfra.audit.batch;

import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * One account a job reads, and the credentials its partitions' clients sign with.
 *
 * @param id          the account id, 12 digits
 * @param name        its name in the organization (Organizations ListAccounts), or {@code null} when not known
 * @param credentials a role assumed in it, or {@code null} for the caller's own credentials (the client factory's)
 */
public record AuditAccount(String id, String name, AwsCredentialsProvider credentials) {

    public AuditAccount {
        Objects.requireNonNull(id, "id must be non-null");
    }

    /** The caller's own account, read with the caller's credentials. */
    public static AuditAccount caller(String id) {
        return new AuditAccount(id, null, null);
    }

    /** {@code 111111111111 (lab-a)}, or the id alone when the name is not known. */
    public String label() {
        return name == null || name.isBlank() ? id : id + " (" + name + ")";
    }
}
