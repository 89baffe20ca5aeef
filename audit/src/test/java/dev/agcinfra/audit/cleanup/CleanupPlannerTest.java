package dev.agcinfra.audit.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agcinfra.audit.AuditException;
import dev.agcinfra.audit.ExitCode;
import dev.agcinfra.audit.retained.Finding;
import dev.agcinfra.audit.retained.Kind;
import dev.agcinfra.audit.retained.Owner;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The planner is pure: findings and VPC contents in, an ordered plan out. */
class CleanupPlannerTest {

    static final String R = "eu-west-1";

    static Finding orphan(String type, String id, String usd) {
        return new Finding(R, Kind.ORPHAN, type, id, null, Owner.AGC, "available", "vpc-1", null, null, null, null,
                new BigDecimal(usd), "left", "aws ... " + id);
    }

    static Finding data(Kind kind, String type, String id, Owner owner, String cleanup, String reason) {
        return new Finding(R, kind, type, id, null, owner, null, null, 10L, 1L, null, null, new BigDecimal("0.01"),
                reason, cleanup);
    }

    final List<Finding> findings = List.of(
            data(Kind.BUCKET, Finding.S3_BUCKET, "agc-123456789012-eu-west-1", Owner.AGC, "aws s3 rb ...", "kept"),
            data(Kind.STATE_BUCKET, Finding.S3_BUCKET, "agc-tfstate-123456789012-eu-west-1", Owner.AGC, null,
                    "still holds state"),
            data(Kind.LOG_GROUP, Finding.LOG_GROUP, "Agc-Context-x", Owner.AGC, "aws logs ...", "kept"),
            data(Kind.BUCKET, Finding.S3_BUCKET, "lab-results", Owner.USER, null, "named in the settings file: ..."),
            orphan(Finding.VPC, "vpc-1", "0"),
            orphan(Finding.ELASTIC_IP, "eipalloc-1", "3.65"),
            orphan(Finding.NAT_GATEWAY, "nat-1", "35.04"),
            orphan(Finding.VPC_ENDPOINT, "vpce-1", "16.06"));

    final VpcContents vpc = new VpcContents("vpc-1", List.of(
            new VpcContents.Part(Operation.DELETE_INTERNET_GATEWAY, "internet-gateway", "igw-1", true),
            new VpcContents.Part(Operation.DELETE_SUBNET, "subnet", "subnet-1", true),
            new VpcContents.Part(Operation.DELETE_VPC_ENDPOINT, "vpc-endpoint", "vpce-1", true),
            new VpcContents.Part(Operation.DELETE_VPC_ENDPOINT, "vpc-endpoint", "vpce-gw", true),
            new VpcContents.Part(Operation.DELETE_ROUTE_TABLE, "route-table", "rtb-1", true)));

    static List<String> ids(CleanupPlan plan) {
        return plan.actions().stream().map(CleanupAction::id).toList();
    }

    @Test
    @DisplayName("orphans go in dependency order: endpoints, NAT gateways, Elastic IPs, the VPC's parts, the VPC; data stays")
    void orphansInDependencyOrder() {
        // When
        CleanupPlan plan = CleanupPlanner.plan(R, findings, Map.of("vpc-1", vpc), false, Set.of());

        // Then
        assertThat(ids(plan)).containsExactly("vpce-1", "nat-1", "eipalloc-1", "vpce-gw", "rtb-1", "subnet-1",
                "igw-1", "vpc-1");
        assertThat(plan.monthlySavingUsd()).isEqualByComparingTo("54.75");
        assertThat(plan.kept()).extracting(Kept::id).containsExactly("agc-123456789012-eu-west-1",
                "agc-tfstate-123456789012-eu-west-1", "Agc-Context-x", "lab-results");
        assertThat(plan.kept().get(0).reason()).isEqualTo("data: deleted only with --include-data");
        assertThat(plan.kept().get(3).reason()).isEqualTo("user-owned (named in the settings file): never deleted");
    }

    @Test
    @DisplayName("with data: log groups, then buckets; never the state bucket holding state or the user's bucket")
    void withData() {
        CleanupPlan plan = CleanupPlanner.plan(R, findings, Map.of("vpc-1", vpc), true, Set.of());

        assertThat(ids(plan)).endsWith("vpc-1", "Agc-Context-x", "agc-123456789012-eu-west-1");
        assertThat(plan.kept()).extracting(Kept::id).containsExactly("agc-tfstate-123456789012-eu-west-1",
                "lab-results");
    }

    @Test
    @DisplayName("a VPC holding something untagged is kept with its parts, naming what is untagged")
    void untaggedPartKeepsTheVpc() {
        VpcContents withUntagged = new VpcContents("vpc-1", List.of(
                new VpcContents.Part(Operation.DELETE_SUBNET, "subnet", "subnet-1", true),
                new VpcContents.Part(Operation.DELETE_SUBNET, "subnet", "subnet-theirs", false)));

        CleanupPlan plan = CleanupPlanner.plan(R, findings, Map.of("vpc-1", withUntagged), false, Set.of());

        assertThat(ids(plan)).containsExactly("vpce-1", "nat-1", "eipalloc-1");
        assertThat(plan.kept()).filteredOn(k -> k.id().equals("vpc-1")).singleElement()
                .extracting(Kept::reason).asString().contains("subnet subnet-theirs without the tag");
    }

    @Test
    @DisplayName("--id limits the plan; naming the user's bucket, a state bucket holding state or an unknown id is refused")
    void ids() {
        assertThat(ids(CleanupPlanner.plan(R, findings, Map.of("vpc-1", vpc), false, Set.of("nat-1"))))
                .containsExactly("nat-1");
        for (String refused : List.of("lab-results", "agc-tfstate-123456789012-eu-west-1", "nat-9")) {
            assertThatThrownBy(() -> CleanupPlanner.plan(R, findings, Map.of("vpc-1", vpc), true, Set.of(refused)))
                    .as(refused).isInstanceOf(AuditException.class)
                    .extracting(e -> ((AuditException) e).status()).isEqualTo(ExitCode.INVALID_INPUT);
        }
        assertThatThrownBy(() -> CleanupPlanner.plan(R, findings, Map.of("vpc-1", vpc), false,
                Set.of("agc-123456789012-eu-west-1"))).hasMessageContaining("only with --include-data");
    }
}
