package dev.agcinfra.audit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;

/** The AWS answers as the rules' resources, from SDK model objects. */
class LiveItemsTest {

    static Subnet subnet(String id, String type, boolean mapPublicIp) {
        return Subnet.builder().subnetId(id).vpcId("vpc-1").cidrBlock("10.0.0.0/19").mapPublicIpOnLaunch(mapPublicIp)
                .tags(Tag.builder().key("aws-cdk:subnet-type").value(type).build()).build();
    }

    @Test
    void eachSourceOfAnEc2RuleIsOnePermissionAndAllTrafficHasNoPorts() {
        SecurityGroup group = SecurityGroup.builder().groupId("sg-1").groupName("agc-endpoints-1").vpcId("vpc-1")
                .ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                        .ipRanges(r -> r.cidrIp("0.0.0.0/0")).ipv6Ranges(r -> r.cidrIpv6("::/0"))
                        .userIdGroupPairs(p -> p.groupId("sg-2")).build())
                .ipPermissionsEgress(IpPermission.builder().ipProtocol("-1").ipRanges(r -> r.cidrIp("0.0.0.0/0"))
                        .build())
                .build();

        SecurityGroupItem item = LiveItems.securityGroup(group, List.of("10.0.0.0/16"), Set.of("sg-1"));

        assertThat(item.role()).isEqualTo(SecurityGroupItem.Role.ENDPOINTS);
        assertThat(item.permissions()).extracting(Permission::describe).containsExactly("tcp/22 from 0.0.0.0/0",
                "tcp/22 from ::/0", "tcp/22 from sg-2", "all traffic to 0.0.0.0/0");
        assertThat(LiveItems.securityGroup(group.toBuilder().groupName("default").build(), List.of(), Set.of()).role())
                .isEqualTo(SecurityGroupItem.Role.DEFAULT);
    }

    @Test
    void aVpcIsInPublicSubnetModeWhenAllItsSubnetsArePublicAndMapPublicAddresses() {
        Vpc vpc = Vpc.builder().vpcId("vpc-1").cidrBlock("10.0.0.0/16").build();

        assertThat(LiveItems.vpc(vpc, Set.of(), List.of(subnet("a", "Public", true), subnet("b", "Public", true)))
                .publicSubnetMode()).isTrue();
        assertThat(LiveItems.vpc(vpc, Set.of("vpc-1"), List.of(subnet("a", "Public", true),
                subnet("b", "Private", false))).publicSubnetMode()).isFalse();
        assertThat(LiveItems.vpc(vpc, Set.of("vpc-1"), List.of()).flowLogs()).isTrue();
        assertThat(LiveItems.subnet(subnet("c", "Isolated", false)).type()).isEqualTo(SubnetItem.Type.PRIVATE);
    }

    @Test
    void theTableFromDescribeTableAndItsBackups() {
        TableDescription table = TableDescription.builder().tableName("Agc")
                .billingModeSummary(b -> b.billingMode(BillingMode.PAY_PER_REQUEST))
                .keySchema(k -> k.attributeName("PK").keyType(KeyType.HASH),
                        k -> k.attributeName("SK").keyType(KeyType.RANGE)).build();
        ContinuousBackupsDescription off = ContinuousBackupsDescription.builder()
                .pointInTimeRecoveryDescription(p -> p.pointInTimeRecoveryStatus(PointInTimeRecoveryStatus.DISABLED))
                .build();

        TableItem item = LiveItems.table(table, off, List.of());

        assertThat(item.pointInTimeRecovery()).isFalse();
        assertThat(item.attributes()).containsExactly(java.util.Map.entry("billing_mode", "PAY_PER_REQUEST"),
                java.util.Map.entry("hash_key", "PK"), java.util.Map.entry("range_key", "SK"));
    }
}
