package dev.agcinfra.audit.security;

import java.util.List;

/**
 * One resource the live job checked, with its findings (none when it passes): what the job writes.
 *
 * @param region       its region
 * @param resourceType its Terraform resource type
 * @param id           its AWS id
 * @param findings     what the rules found
 */
public record Checked(String region, String resourceType, String id, List<Finding> findings) {

    public Checked {
        findings = List.copyOf(findings);
    }

    /** The same, its findings naming {@code account}. */
    public Checked inAccount(String account) {
        return new Checked(region, resourceType, id, findings.stream().map(f -> f.inAccount(account)).toList());
    }
}
