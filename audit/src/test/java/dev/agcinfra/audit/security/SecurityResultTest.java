package dev.agcinfra.audit.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.cli.ExitCode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The exit status of a security check: a partial report (3) outranks findings that fail the run (1). */
@DisplayName("the security check's exit status")
class SecurityResultTest {

    static final Finding OPEN_SSH = Finding.of(Rule.SG_OPEN_INGRESS, Target.live("us-east-1"), "security-group",
            "sg-0123456789abcdef0", "admits 0.0.0.0/0 on TCP 22", "remove the rule");
    static final AuditError DENIED = new AuditError("123456789012", "ap-east-1", "ec2", "DescribeVpcs",
            "UnauthorizedOperation", "You are not authorized to perform this operation.");

    static SecurityResult result(List<Finding> findings, List<AuditError> errors, Severity failOn) {
        return new SecurityResult(null, List.of("us-east-1", "ap-east-1"), "application-name=agc", 10, findings,
                errors, failOn);
    }

    @Test
    void aHighFindingInOneRegionAndAFailedCallInAnotherExitThreeBecauseTheReportIsPartial() {
        SecurityResult result = result(List.of(OPEN_SSH), List.of(DENIED), Severity.HIGH);

        assertThat(result.fails()).isTrue();
        assertThat(result.exitCode()).isEqualTo(ExitCode.AWS_FAILURE);
    }

    @Test
    void aHighFindingWithEveryCallAnsweredExitsOneAndWithFailOnNoneZero() {
        assertThat(result(List.of(OPEN_SSH), List.of(), Severity.HIGH).exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(result(List.of(OPEN_SSH), List.of(), null).exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void aLowFindingWithFailOnMediumExitsZero() {
        Finding noFlowLog = Finding.of(Rule.VPC_FLOW_LOGS, Target.live("us-east-1"), "vpc", "vpc-0123456789abcdef0",
                "no flow log", "set flowLogs: true");

        assertThat(result(List.of(noFlowLog), List.of(), Severity.MEDIUM).exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result(List.of(noFlowLog), List.of(), Severity.LOW).exitCode()).isEqualTo(ExitCode.FINDINGS);
    }
}
