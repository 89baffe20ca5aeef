package dev.agcinfra.audit.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agcinfra.audit.provenance.Provenance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftTest {

    static final Target LIVE = Target.live("us-east-1");
    static final Map<String, String> TAGS = Map.of("application-name", "agc", "agc-version", "0.1.0");
    static final Provenance CREATED = Provenance.state("agc/agc-core-us-east-1.tfstate", "v3",
            "aws_subnet.vpc_private_subnet1");
    static final Drift.Expected SYNTH = new Drift.Expected(Map.of("agc-core-us-east-1", Map.of(
            "aws_subnet.vpc_private_subnet1", new SubnetItem("aws_subnet.vpc_private_subnet1", "aws_vpc.vpc",
                    "10.0.96.0/19", SubnetItem.Type.PRIVATE, false, Map.of()))));

    static SubnetItem subnet(String cidr, Map<String, String> tags) {
        return new SubnetItem("subnet-1", "vpc-1", cidr, SubnetItem.Type.PRIVATE, false, tags);
    }

    @Test
    void whatAgcInfraCreatedAndMatchesItsStackHasNoDrift() {
        assertThat(Drift.check(subnet("10.0.96.0/19", TAGS), CREATED, SYNTH, LIVE)).isEmpty();
    }

    @Test
    void aMissingTagOrAnAttributeThatDiffersIsDriftNamingTheAddressAndStack() {
        List<Finding> findings = Drift.check(subnet("10.0.200.0/24", Map.of("application-name", "agc")), CREATED,
                SYNTH, LIVE);

        assertThat(findings).extracting(f -> f.rule().id() + " " + f.severity().id() + ": " + f.message())
                .containsExactly(
                        "agc-drift-tags low: private subnet subnet-1 (aws_subnet.vpc_private_subnet1 in "
                                + "agc-core-us-east-1) has no agc-version tag",
                        "agc-drift-attributes medium: private subnet subnet-1 (aws_subnet.vpc_private_subnet1 in "
                                + "agc-core-us-east-1) differs from its synthesized stack: cidr_block is 10.0.200.0/24, "
                                + "synthesized 10.0.96.0/19");
    }

    @Test
    void whatAgcInfraDidNotCreateIsNeverDrift() {
        Provenance users = Provenance.dataSource("agc/agc-core-us-east-1.tfstate", "v3", "data.aws_vpc.vpc");

        assertThat(Drift.check(subnet("10.9.0.0/24", Map.of()), users, SYNTH, LIVE)).isEmpty();
        assertThat(Drift.check(subnet("10.9.0.0/24", Map.of()), Provenance.of(Provenance.Source.NOT_IN_STATE, "no"),
                SYNTH, LIVE)).isEmpty();
    }

    @Test
    void withoutTheSynthesizedStacksOnlyTagsAreChecked() {
        assertThat(Drift.check(subnet("10.9.0.0/24", TAGS), CREATED, Drift.Expected.NONE, LIVE)).isEmpty();
    }
}
