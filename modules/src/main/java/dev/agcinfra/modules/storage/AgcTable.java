package dev.agcinfra.modules.storage;

import dev.agcinfra.modules.naming.AddressedScope;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTable;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableAttribute;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableGlobalSecondaryIndex;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableLocalSecondaryIndex;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTablePointInTimeRecovery;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableTtl;
import java.util.ArrayList;
import java.util.List;
import software.constructs.Construct;

/**
 * AGC's DynamoDB table, exactly as AGC defines it: {@code PK}/{@code SK} string keys, TTL on {@code expiry},
 * pay-per-request, global index {@code gsi1} ({@code GSI1_PK}/{@code GSI1_SK}) and local indexes {@code lsi1..3} on
 * {@code LSI1_SK..LSI3_SK}, all projecting every attribute; plus point-in-time recovery. Encrypted at rest with the
 * AWS-owned key (DynamoDB's default).
 */
public final class AgcTable extends Construct {

    /** The table name AGC's contexts look for. */
    public static final String TABLE_NAME = "Agc";
    /** How many local secondary indexes AGC defines. */
    public static final int LOCAL_INDEXES = 3;

    private final DynamodbTable table;

    public AgcTable(Construct scope, String id) {
        super(scope, id);
        List<DynamodbTableAttribute> attributes = new ArrayList<>();
        for (String name : List.of("PK", "SK", "GSI1_PK", "GSI1_SK")) {
            attributes.add(stringAttribute(name));
        }
        List<DynamodbTableLocalSecondaryIndex> localIndexes = new ArrayList<>();
        for (int i = 1; i <= LOCAL_INDEXES; i++) {
            attributes.add(stringAttribute("LSI" + i + "_SK"));
            localIndexes.add(DynamodbTableLocalSecondaryIndex.builder()
                    .name("lsi" + i).rangeKey("LSI" + i + "_SK").projectionType("ALL").build());
        }
        this.table = AddressedScope.of(scope).child(this, id).add("Resource", (s, n) -> DynamodbTable.Builder.create(s, n)
                .name(TABLE_NAME)
                .billingMode("PAY_PER_REQUEST")
                .hashKey("PK")
                .rangeKey("SK")
                .attribute(attributes)
                .ttl(DynamodbTableTtl.builder().attributeName("expiry").enabled(true).build())
                .globalSecondaryIndex(List.of(DynamodbTableGlobalSecondaryIndex.builder()
                        .name("gsi1").hashKey("GSI1_PK").rangeKey("GSI1_SK").projectionType("ALL").build()))
                .localSecondaryIndex(localIndexes)
                .pointInTimeRecovery(DynamodbTablePointInTimeRecovery.builder().enabled(true).build())
                .build());
    }

    /** The table's name (a Terraform reference). */
    public String tableName() {
        return table.getName();
    }

    private static DynamodbTableAttribute stringAttribute(String name) {
        return DynamodbTableAttribute.builder().name(name).type("S").build();
    }
}
