package dev.agcinfra.app.account;

import static dev.agcinfra.settings.RegionKey.AMI;
import static dev.agcinfra.settings.RegionKey.BUCKET;
import static dev.agcinfra.settings.RegionKey.SUBNETS;
import static dev.agcinfra.settings.RegionKey.TAGS;
import static dev.agcinfra.settings.RegionKey.USE_PUBLIC_SUBNETS;
import static dev.agcinfra.settings.RegionKey.VPC;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agcinfra.settings.SettingsDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AGC's {@code account activate} flags: {@code --bucket}, {@code --vpc}, {@code --subnets}, {@code --ami},
 * {@code --usePublicSubnets}, {@code --tags}.
 */
public record ActivateFlags(Optional<String> bucket, Optional<String> vpc, List<String> subnets, Optional<String> ami,
                            boolean usePublicSubnets, Map<String, String> tags) {

    public ActivateFlags {
        subnets = List.copyOf(subnets);
        tags = Map.copyOf(new LinkedHashMap<>(tags));
    }

    /** No flags: every default. */
    public static ActivateFlags none() {
        return new ActivateFlags(Optional.empty(), Optional.empty(), List.of(), Optional.empty(), false, Map.of());
    }

    /** These flags with {@code --bucket name}. */
    public ActivateFlags withBucket(String name) {
        return new ActivateFlags(Optional.of(name), vpc, subnets, ami, usePublicSubnets, tags);
    }

    /** The flags as a region entry of the settings file (only the keys the flags set). */
    public ObjectNode asRegionEntry() {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        bucket.ifPresent(b -> entry.put(BUCKET.key(), b));
        vpc.ifPresent(v -> entry.put(VPC.key(), v));
        if (!subnets.isEmpty()) {
            subnets.forEach(entry.putArray(SUBNETS.key())::add);
        }
        ami.ifPresent(a -> entry.put(AMI.key(), a));
        if (usePublicSubnets) {
            entry.put(USE_PUBLIC_SUBNETS.key(), true);
        }
        if (!tags.isEmpty()) {
            ObjectNode t = entry.putObject(TAGS.key());
            tags.forEach(t::put);
        }
        return entry;
    }

    /**
     * Every rule of the settings file the flags break (the same rules, from the same code, as a region entry in
     * {@code agc.yaml}: {@code --subnets} needs {@code --vpc}, {@code --usePublicSubnets} excludes {@code --vpc}, id
     * formats, bucket names, tags), one line each, naming the flags.
     */
    public List<String> problems(String region) {
        return SettingsDocument.flagProblems(region, asRegionEntry());
    }
}
