package dev.agcinfra.audit.costs;

import dev.agcinfra.audit.batch.ItemWriter;
import dev.agcinfra.audit.batch.Partition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects each partition's items (a region of an account) for pricing. The report is a summary per region, so it
 * keeps them: a few items per NAT gateway, endpoint and Elastic IP, which stays small however many other resources
 * the accounts have.
 */
public final class InventoryWriter implements ItemWriter<CostsJob.AccountItem> {

    private final Map<String, RegionInventory> inventories = new LinkedHashMap<>();

    /** A writer with an (empty) inventory for each partition read, in this order. */
    public InventoryWriter(List<Partition> partitions) {
        partitions.forEach(p -> inventories.put(key(p.account().id(), p.region()),
                new RegionInventory(p.account().id(), p.region())));
    }

    @Override
    public void write(List<? extends CostsJob.AccountItem> chunk) {
        for (CostsJob.AccountItem item : chunk) {
            String region = item.item().region();
            inventories.computeIfAbsent(key(item.account(), region), k -> new RegionInventory(item.account(), region))
                    .add(item.item());
        }
    }

    /** The inventories, in partition order. */
    public List<RegionInventory> inventories() {
        return new ArrayList<>(inventories.values());
    }

    private static String key(String account, String region) {
        return account + " " + region;
    }
}
