package dev.agcinfra.app.account;

import static dev.agcinfra.settings.RegionKey.AMI;
import static dev.agcinfra.settings.RegionKey.BUCKET;
import static dev.agcinfra.settings.RegionKey.CREATE_BUCKET;
import static dev.agcinfra.settings.RegionKey.SUBNETS;
import static dev.agcinfra.settings.RegionKey.TAGS;
import static dev.agcinfra.settings.RegionKey.USE_PUBLIC_SUBNETS;
import static dev.agcinfra.settings.RegionKey.VPC;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agcinfra.cli.ExitCode;
import dev.agcinfra.settings.VpcMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AGC's rules for what {@code activate} and {@code deactivate} do to a region's entry in the settings file
 * (agc-core.md, "Account commands and their rules"):
 * <ul>
 *   <li>the VPC is remembered: {@code activate} without {@code --vpc} keeps the file's {@code vpc} until
 *       {@code deactivate} forgets it (never replace a network implicitly);</li>
 *   <li>{@code subnets} and {@code ami} are not remembered: omitting the flag removes the key (all private subnets of
 *       the VPC; the latest ECS-optimized AMI);</li>
 *   <li>switching to or from public-subnets-only in an active region is refused, with the advice to deactivate
 *       first;</li>
 *   <li>custom tags are kept ({@code --tags} adds to them and overrides keys it names); {@code bucket},
 *       {@code createBucket}, {@code executeApiEndpoint} and every other key are kept unless a flag sets them.</li>
 * </ul>
 * Pure: no AWS call, no file; the document is changed in place.
 */
public final class SettingsUpdate {

    private SettingsUpdate() {
    }

    /** What an activation changed, for the user. */
    public record Result(ObjectNode document, List<String> notes) {
    }

    /**
     * Applies {@code flags} to the entry of {@code region}.
     *
     * @param active       whether the region is active now (its {@code /agc/_common/vpc} parameter exists)
     * @param createBucket what {@code createBucket} becomes when {@code --bucket} is given (from whether the bucket
     *                     exists); ignored without {@code --bucket}
     * @throws AccountException (invalid input) when the flags would switch public-subnet mode in an active region, or
     *                          combine {@code --usePublicSubnets} with a remembered VPC
     */
    public static Result activate(ObjectNode document, String region, ActivateFlags flags, boolean active,
                                  Optional<Boolean> createBucket) {
        ObjectNode entry = entry(document, region);
        List<String> notes = new ArrayList<>();
        Optional<String> remembered = text(entry, VPC.key());
        VpcMode before = modeOf(remembered.isPresent(), entry.path(USE_PUBLIC_SUBNETS.key()).asBoolean(false));
        Optional<String> vpc = flags.vpc().or(() -> remembered);
        if (flags.usePublicSubnets() && remembered.isPresent() && flags.vpc().isEmpty()) {
            throw new AccountException(ExitCode.INVALID_INPUT, region + ": --usePublicSubnets conflicts with the VPC "
                    + remembered.get() + " remembered in the settings file; run agc-infra account deactivate --region "
                    + region + " first (it forgets the VPC), then activate with --usePublicSubnets");
        }
        VpcMode after = modeOf(vpc.isPresent(), flags.usePublicSubnets());
        if (active && before != after && (before == VpcMode.PUBLIC_SUBNETS || after == VpcMode.PUBLIC_SUBNETS)) {
            throw new AccountException(ExitCode.INVALID_INPUT, region + " is active with " + describe(before, remembered)
                    + "; switching to " + describe(after, vpc) + " needs deactivation first: run agc-infra account "
                    + "deactivate --region " + region + ", then activate again");
        }
        if (flags.vpc().isEmpty() && remembered.isPresent()) {
            notes.add("using the remembered VPC " + remembered.get() + " (deactivate to forget it)");
        }
        if (active && before == VpcMode.PRIVATE_SUBNETS && after == VpcMode.EXISTING) {
            notes.add("the VPC agc-infra created in " + region + " will be replaced by " + vpc.get());
        } else if (active && remembered.isPresent() && vpc.isPresent() && !remembered.equals(vpc)) {
            notes.add("switching from VPC " + remembered.get() + " to " + vpc.get());
        }

        putOrRemove(entry, VPC.key(), vpc);
        entry.remove(SUBNETS.key());
        if (!flags.subnets().isEmpty()) {
            flags.subnets().forEach(entry.putArray(SUBNETS.key())::add);
        }
        putOrRemove(entry, AMI.key(), flags.ami());
        if (flags.usePublicSubnets()) {
            entry.put(USE_PUBLIC_SUBNETS.key(), true);
        } else {
            entry.remove(USE_PUBLIC_SUBNETS.key());
        }
        if (flags.bucket().isPresent()) {
            entry.put(BUCKET.key(), flags.bucket().get());
            createBucket.ifPresentOrElse(c -> entry.put(CREATE_BUCKET.key(), c),
                    () -> entry.remove(CREATE_BUCKET.key()));
        }
        if (!flags.tags().isEmpty()) {
            JsonNode existing = entry.get(TAGS.key());
            ObjectNode tags = existing instanceof ObjectNode o ? o : entry.putObject(TAGS.key());
            flags.tags().forEach(tags::put);
        }
        return new Result(document, notes);
    }

    /**
     * Forgets the remembered VPC of {@code region} (and its subnets, which only make sense with it); everything else
     * in the entry stays. Returns the VPC forgotten, if any.
     */
    public static Optional<String> deactivate(ObjectNode document, String region) {
        JsonNode regions = document.get("regions");
        if (!(regions instanceof ObjectNode r) || !(r.get(region) instanceof ObjectNode entry)) {
            return Optional.empty();
        }
        Optional<String> vpc = text(entry, VPC.key());
        entry.remove(VPC.key());
        entry.remove(SUBNETS.key());
        return vpc;
    }

    /** Whether the settings file's entry of {@code region} names a bucket (else the bucket is the default one). */
    public static boolean namesBucket(ObjectNode document, String region) {
        JsonNode bucket = document.path("regions").path(region).get(BUCKET.key());
        return bucket != null && !bucket.isNull();
    }

    private static ObjectNode entry(ObjectNode document, String region) {
        JsonNode regions = document.get("regions");
        ObjectNode r = regions instanceof ObjectNode o ? o : document.putObject("regions");
        JsonNode entry = r.get(region);
        return entry instanceof ObjectNode e ? e : r.putObject(region);
    }

    private static VpcMode modeOf(boolean ownVpc, boolean publicSubnets) {
        return ownVpc ? VpcMode.EXISTING : publicSubnets ? VpcMode.PUBLIC_SUBNETS : VpcMode.PRIVATE_SUBNETS;
    }

    private static String describe(VpcMode mode, Optional<String> vpc) {
        return switch (mode) {
            case EXISTING -> "your own VPC " + vpc.orElse("");
            case PUBLIC_SUBNETS -> "public subnets only (--usePublicSubnets)";
            case PRIVATE_SUBNETS -> "a VPC with private subnets that agc-infra creates";
        };
    }

    private static Optional<String> text(ObjectNode entry, String key) {
        JsonNode v = entry.get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static void putOrRemove(ObjectNode entry, String key, Optional<String> value) {
        value.ifPresentOrElse(v -> entry.put(key, v), () -> entry.remove(key));
    }
}
