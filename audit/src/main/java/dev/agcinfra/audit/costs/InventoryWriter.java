package dev.agcinfra.audit.costs;

import dev.agcinfra.audit.batch.ItemWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects each region's items for pricing. The report is a summary per region, so it keeps them: a few items per
 * NAT gateway, endpoint and Elastic IP, which stays small however many other resources the account has.
 */
public final class InventoryWriter implements ItemWriter<LiveItem> {

    private final Map<String, RegionInventory> regions = new LinkedHashMap<>();

    /** A writer with an (empty) inventory for each audited region, in this order. */
    public InventoryWriter(List<String> auditedRegions) {
        auditedRegions.forEach(region -> regions.put(region, new RegionInventory(region)));
    }

    @Override
    public void write(List<? extends LiveItem> chunk) {
        for (LiveItem item : chunk) {
            regions.computeIfAbsent(item.region(), RegionInventory::new).add(item);
        }
    }

    /** The inventories, in audited-region order. */
    public List<RegionInventory> inventories() {
        return new ArrayList<>(regions.values());
    }
}
