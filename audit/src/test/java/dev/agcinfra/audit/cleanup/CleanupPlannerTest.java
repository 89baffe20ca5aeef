package dev.agcinfra.audit.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agcinfra.audit.AuditException;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.audit.provenance.Provenance;
import dev.agcinfra.audit.retained.BucketItem;
import dev.agcinfra.audit.retained.Finding;
import dev.agcinfra.audit.retained.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The planner is pure: findings and VPC contents (with provenance) in, an ordered plan out. */
class CleanupPlannerTest {

    static final String R = "eu-west-1";
    static final String ACCOUNT = "123456789012";
    static final String STATE = "agc/agc-core-eu-west-1.tfstate";

    static Provenance created(String id) {
        return Provenance.state(STATE, "v2", "aws_x." + id.replace('-', '_'));
    }

    static final Provenance USER = Provenance.of(Provenance.Source.SETTINGS, "the user's: named in the settings file "
            + "as regions.eu-west-1.bucket");
    static final Provenance UNKNOWN = Provenance.of(Provenance.Source.UNKNOWN, "no state bucket agc-tfstate-x");

    static Finding orphan(String type, String id, String usd) {
        return new Finding(R, Kind.ORPHAN, type, id, null, created(id), "available", "vpc-1", null, null, null, null,
                new BigDecimal(usd), "left", "aws ... " + id, "123456789012");
    }

    static Finding data(Kind kind, String type, String id, Provenance provenance, String cleanup) {
        return new Finding(R, kind, type, id, null, provenance, null, null, 10L, 1L, null, null,
                new BigDecimal("0.01"), "kept", cleanup, "123456789012");
    }

    static final Provenance STATE_BUCKET = Provenance.of(Provenance.Source.STATE_BUCKET, "agc-infra's state bucket");

    final List<Finding> findings = List.of(
            data(Kind.BUCKET, Finding.S3_BUCKET, "agc-123456789012-eu-west-1", created("bucket"), "aws s3 rb ..."),
            data(Kind.STATE_BUCKET, Finding.S3_BUCKET, "agc-tfstate-123456789012-eu-west-1", STATE_BUCKET,
                    "aws s3 rb state"),
            data(Kind.LOG_GROUP, Finding.LOG_GROUP, "Agc-Context-x", Provenance.of(Provenance.Source.AGC_NAME_RULE,
                    "AGC's rule"), "aws logs ..."),
            data(Kind.BUCKET, Finding.S3_BUCKET, "lab-results", USER, null),
            orphan(Finding.VPC, "vpc-1", "0"),
            orphan(Finding.ELASTIC_IP, "eipalloc-1", "3.65"),
            orphan(Finding.NAT_GATEWAY, "nat-1", "35.04"),
            orphan(Finding.VPC_ENDPOINT, "vpce-1", "16.06"));

    static VpcContents.Part part(Operation operation, String type, String id) {
        return new VpcContents.Part(operation, type, id, created(id));
    }

    static List<VpcContents.Part> parts() {
        return new ArrayList<>(List.of(
                part(Operation.DELETE_NAT_GATEWAY, Finding.NAT_GATEWAY, "nat-1"),
                part(Operation.RELEASE_ADDRESS, Finding.ELASTIC_IP, "eipalloc-1"),
                part(Operation.DELETE_INTERNET_GATEWAY, "internet-gateway", "igw-1"),
                part(Operation.DELETE_SUBNET, "subnet", "subnet-1"),
                part(Operation.DELETE_VPC_ENDPOINT, "vpc-endpoint", "vpce-1"),
                part(Operation.DELETE_VPC_ENDPOINT, "vpc-endpoint", "vpce-gw"),
                part(Operation.DELETE_SECURITY_GROUP, "security-group", "sg-1"),
                part(Operation.DELETE_ROUTE_TABLE, "route-table", "rtb-1")));
    }

    static final List<VpcContents.NetworkInterface> AGC_INTERFACES = List.of(
            new VpcContents.NetworkInterface("eni-nat", "", "nat_gateway", "nat-1"),
            new VpcContents.NetworkInterface("eni-vpce", "", "vpc_endpoint", "vpce-1"));

    final VpcContents vpc = new VpcContents("vpc-1", parts(), AGC_INTERFACES);

    static List<String> ids(CleanupPlan plan) {
        return plan.actions().stream().map(CleanupAction::id).toList();
    }

    static CleanupPlan plan(List<Finding> findings, VpcContents contents, boolean data, boolean state, Set<String> ids) {
        return CleanupPlanner.plan(ACCOUNT, R, findings, Map.of("vpc-1", contents), data, state, ids);
    }

    @Test
    @DisplayName("orphans go in dependency order: NAT gateways, Elastic IPs, endpoints, the VPC's parts, the VPC; data stays")
    void orphansInDependencyOrder() {
        // When
        CleanupPlan plan = plan(findings, vpc, false, false, Set.of());

        // Then
        assertThat(ids(plan)).containsExactly("nat-1", "eipalloc-1", "vpce-1", "vpce-gw", "rtb-1", "subnet-1",
                "igw-1", "sg-1", "vpc-1");
        assertThat(plan.monthlySavingUsd()).isEqualByComparingTo("54.75");
        assertThat(plan.actions()).allSatisfy(a -> assertThat(a.provenance()).isEqualTo(created(a.id())));
        assertThat(plan.interfaces()).containsExactly(Map.entry("vpc-1", List.of("eni-nat", "eni-vpce")));
        assertThat(plan.kept()).extracting(Kept::id).containsExactly("agc-123456789012-eu-west-1",
                "agc-tfstate-123456789012-eu-west-1", "Agc-Context-x", "lab-results");
        assertThat(plan.kept().get(0).reason()).isEqualTo("data: deleted only with --include-data");
        assertThat(plan.kept().get(1).reason()).contains("deleted only with --include-state");
        assertThat(plan.kept().get(3).reason()).isEqualTo("user-owned (the user's: named in the settings file as "
                + "regions.eu-west-1.bucket): never deleted");
    }

    @Test
    @DisplayName("--include-data takes log groups, then buckets, never the state bucket; --include-state takes it last")
    void withDataAndState() {
        CleanupPlan data = plan(findings, vpc, true, false, Set.of());
        CleanupPlan state = plan(findings, vpc, true, true, Set.of());

        assertThat(ids(data)).endsWith("vpc-1", "Agc-Context-x", "agc-123456789012-eu-west-1");
        assertThat(data.kept()).extracting(Kept::id).containsExactly("agc-tfstate-123456789012-eu-west-1",
                "lab-results");
        assertThat(ids(state)).endsWith("agc-123456789012-eu-west-1", "agc-tfstate-123456789012-eu-west-1");
        assertThat(state.actions().get(state.actions().size() - 1).operation())
                .isEqualTo(Operation.DELETE_STATE_BUCKET);
    }

    @Test
    @DisplayName("a state bucket without a command (shared, or still holding state) stays even with --include-state, and the kept line names the keys that keep it")
    void stateBucketHoldingMoreStays() {
        String keep = BucketItem.keepReason(R, List.of("team/network"), List.of(STATE)).orElseThrow();
        List<Finding> holding = List.of(new Finding(R, Kind.STATE_BUCKET, Finding.S3_BUCKET, "agc-tfstate-1", null,
                STATE_BUCKET, null, null, 10L, 3L, null, null, new BigDecimal("0.01"), "kept; " + keep, null,
                ACCOUNT, keep));

        CleanupPlan plan = CleanupPlanner.plan(ACCOUNT, R, holding, Map.of(), true, true, Set.of());

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.kept()).singleElement().extracting(Kept::reason).asString()
                .isEqualTo("the state bucket holds objects that are not agc-infra's state of " + R + " (team/network): "
                        + "never deleted, it may be another project's state; still holds state (" + STATE + "): not "
                        + "proposed for deletion while those stacks exist");
    }

    @Test
    @DisplayName("a VPC holding a part agc-infra did not create is kept with its parts, naming the part and why")
    void foreignPartKeepsTheVpc() {
        List<VpcContents.Part> parts = parts();
        parts.add(new VpcContents.Part(Operation.DELETE_SUBNET, "subnet", "subnet-theirs",
                Provenance.of(Provenance.Source.NOT_IN_STATE, "the user's: no version lists it")));

        CleanupPlan plan = plan(findings, new VpcContents("vpc-1", parts, AGC_INTERFACES), false, false, Set.of());

        assertThat(ids(plan)).containsExactly("nat-1", "eipalloc-1", "vpce-1");
        assertThat(plan.kept()).filteredOn(k -> k.id().equals("vpc-1")).singleElement()
                .extracting(Kept::reason).asString()
                .contains("subnet subnet-theirs (the user's: no version lists it), not created by agc-infra");
    }

    @Test
    @DisplayName("a network interface of another service keeps the VPC and everything in it, NAT gateway and Elastic IP included")
    void foreignInterfaceKeepsEverythingInTheVpc() {
        List<VpcContents.NetworkInterface> interfaces = new ArrayList<>(AGC_INTERFACES);
        interfaces.add(new VpcContents.NetworkInterface("eni-lambda", "AWS Lambda VPC ENI-report", "lambda", null));

        CleanupPlan plan = plan(findings, new VpcContents("vpc-1", parts(), interfaces), false, false, Set.of());

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.kept()).extracting(Kept::id).contains("vpc-1", "nat-1", "eipalloc-1", "vpce-1");
        assertThat(plan.kept()).filteredOn(k -> k.id().equals("nat-1")).singleElement().extracting(Kept::reason)
                .asString().contains("eni-lambda (\"AWS Lambda VPC ENI-report\", type lambda)",
                        "the VPC and everything in it are kept");
    }

    @Test
    @DisplayName("--id of a VPC takes everything agc-infra created inside it, NAT gateway first: none is left running")
    void idOfAVpcTakesEverythingInside() {
        CleanupPlan plan = plan(findings, vpc, false, false, Set.of("vpc-1"));

        assertThat(ids(plan)).containsExactly("nat-1", "eipalloc-1", "vpce-1", "vpce-gw", "rtb-1", "subnet-1",
                "igw-1", "sg-1", "vpc-1");
        assertThat(plan.monthlySavingUsd()).as("the NAT gateway's, Elastic IP's and endpoint's cost count")
                .isEqualByComparingTo("54.75");
    }

    @Test
    @DisplayName("--id limits the plan; naming the user's bucket, an unknown owner's, the state bucket or an unknown id is refused")
    void ids() {
        List<Finding> withUnknown = new ArrayList<>(findings);
        withUnknown.add(data(Kind.LOG_GROUP, Finding.LOG_GROUP, "mystery", UNKNOWN, null));
        assertThat(ids(plan(withUnknown, vpc, false, false, Set.of("nat-1")))).containsExactly("nat-1");
        for (String refused : List.of("lab-results", "mystery", "agc-tfstate-123456789012-eu-west-1", "nat-9")) {
            assertThatThrownBy(() -> plan(withUnknown, vpc, true, false, Set.of(refused)))
                    .as(refused).isInstanceOf(AuditException.class)
                    .extracting(e -> ((AuditException) e).status()).isEqualTo(ExitCode.INVALID_INPUT);
        }
        assertThatThrownBy(() -> plan(withUnknown, vpc, true, false, Set.of("mystery")))
                .hasMessageContaining("owner unknown, kept: no state bucket");
        assertThatThrownBy(() -> plan(findings, vpc, false, false, Set.of("agc-123456789012-eu-west-1")))
                .hasMessageContaining("only with --include-data");
    }
}
