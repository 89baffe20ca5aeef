package dev.agcinfra.audit.security;

import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.batch.AuditAccount;
import dev.agcinfra.audit.batch.AuditError;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A whole security check: what was checked, the findings (most severe first), the failed calls, and the severity
 * that fails the run.
 *
 * @param source    what was checked: the {@code --synth} path offline, or {@code null} live
 * @param scope     the stacks read offline, or the regions live
 * @param tag       the tag that marks AGC's resources, live; {@code null} offline
 * @param resources how many resources the rules looked at
 * @param findings  the findings
 * @param errors    the AWS calls that failed (live)
 * @param failOn    the lowest severity that fails the run, {@code null} for never ({@code --fail-on none})
 * @param accounts  the accounts read live, in report order; empty offline
 * @param byAccount whether accounts were asked for ({@code --accounts}, {@code --org}): reports group by account
 */
public record SecurityResult(String source, List<String> scope, String tag, long resources, List<Finding> findings,
        List<AuditError> errors, Severity failOn, List<AuditAccount> accounts, boolean byAccount) {

    /** Most severe first, then by account, region, resource and rule. */
    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity).reversed()
            .thenComparing(f -> f.account() == null ? "" : f.account())
            .thenComparing(f -> f.region() == null ? "" : f.region())
            .thenComparing(f -> f.stack() == null ? "" : f.stack())
            .thenComparing(Finding::resourceType)
            .thenComparing(Finding::id)
            .thenComparing(Finding::rule);

    public SecurityResult {
        scope = List.copyOf(scope);
        findings = findings.stream().sorted(ORDER).toList();
        errors = List.copyOf(errors);
        accounts = List.copyOf(accounts);
    }

    /** A check of synthesized stacks, or of the caller's account alone. */
    public SecurityResult(String source, List<String> scope, String tag, long resources, List<Finding> findings,
            List<AuditError> errors, Severity failOn) {
        this(source, scope, tag, resources, findings, errors, failOn, List.of(), false);
    }

    /** Whether the synthesized stacks were checked (offline), not the account. */
    public boolean offline() {
        return source != null;
    }

    /** Findings per severity, every severity present (0 when none), most severe first. */
    public Map<Severity, Long> counts() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, findings.stream().filter(f -> f.severity() == severity).count());
        }
        return counts;
    }

    /** Whether a finding reaches {@link #failOn}. */
    public boolean fails() {
        return failOn != null && findings.stream().anyMatch(f -> f.severity().atLeast(failOn));
    }

    /** 3 when some call failed (the report is partial), else 1 when a finding reaches --fail-on, else 0. */
    public int exitCode() {
        if (!errors.isEmpty()) {
            return ExitCode.AWS_FAILURE;
        }
        return fails() ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
