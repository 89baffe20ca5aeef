package dev.agcinfra.audit.security;

import java.util.List;
import java.util.Map;

/**
 * A synthesized stack as the rules see it.
 *
 * @param name        the stack, e.g. {@code agc-core-us-east-1}
 * @param region      its AWS provider's region, {@code null} when not literal
 * @param stateBucket its S3 backend's bucket, {@code null} when it has none
 * @param items       the resources the rules check, each with its Terraform address as id
 * @param locations   where each resource's block is, by address
 */
public record SynthStack(String name, String region, String stateBucket, List<Checkable> items,
        Map<String, Finding.Location> locations) {

    public SynthStack {
        items = List.copyOf(items);
        locations = Map.copyOf(locations);
    }

    /** Where the rules' findings point: the region and the stack. */
    public Target target() {
        return Target.synthesized(name, region);
    }

    /** The findings of every resource, each at its place in the file. */
    public List<Finding> findings() {
        return items.stream()
                .flatMap(item -> SecurityRules.check(item, target()).stream()
                        .map(finding -> finding.at(locations.get(item.id()))))
                .toList();
    }
}
