package dev.agcinfra.audit.security;

import dev.agcinfra.audit.provenance.Provenance;
import dev.agcinfra.settings.AgcNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The drift rules, live only and pure: a resource agc-infra's Terraform state lists as created (its provenance, as
 * {@code retained} proves it) must carry the tags the provider's {@code default_tags} give it, and, when the
 * synthesized stacks are given, have the attributes its stack says at its address.
 */
public final class Drift {

    /** The tags every agc-infra resource carries. */
    static final List<String> TAGS = List.of(AgcNames.APPLICATION_TAG, AgcNames.VERSION_TAG);

    /**
     * What the synthesized stacks say: each stack's resources by Terraform address.
     *
     * @param stacks stack name to (address to resource)
     */
    public record Expected(Map<String, Map<String, Checkable>> stacks) {

        /** No synthesized stacks: only the tags are checked. */
        public static final Expected NONE = new Expected(Map.of());

        public Expected {
            stacks = Map.copyOf(stacks);
        }

        Optional<Checkable> at(String stack, String address) {
            return Optional.ofNullable(stacks.getOrDefault(stack, Map.of()).get(address));
        }
    }

    private Drift() {
    }

    /**
     * The drift findings of a live resource.
     *
     * @param item       the resource as read from the account
     * @param provenance who created it; only agc-infra's (its state lists it) is checked
     * @param expected   the synthesized stacks, or {@link Expected#NONE}
     */
    public static List<Finding> check(Checkable item, Provenance provenance, Expected expected, Target target) {
        if (provenance.source() != Provenance.Source.STATE) {
            return List.of();
        }
        String stack = stackOf(provenance.stateFile());
        List<Finding> findings = new ArrayList<>();
        List<String> missing = TAGS.stream().filter(tag -> !item.tags().containsKey(tag)).toList();
        if (!missing.isEmpty()) {
            findings.add(Finding.of(Rule.DRIFT_TAGS, target, item.resourceType(), item.id(),
                    item.label() + " (" + provenance.address() + " in " + stack + ") has no "
                            + String.join(" or ", missing) + " tag",
                    "terraform apply of " + stack + " puts the provider's default_tags back"));
        }
        expected.at(stack, provenance.address())
                .filter(synthesized -> synthesized.getClass() == item.getClass())
                .ifPresent(synthesized -> {
                    List<String> differences = new ArrayList<>();
                    Map<String, String> live = item.attributes();
                    synthesized.attributes().forEach((name, value) -> {
                        if (live.containsKey(name) && !Objects.equals(live.get(name), value)) {
                            differences.add(name + " is " + live.get(name) + ", synthesized " + value);
                        }
                    });
                    if (!differences.isEmpty()) {
                        findings.add(Finding.of(Rule.DRIFT_ATTRIBUTES, target, item.resourceType(), item.id(),
                                item.label() + " (" + provenance.address() + " in " + stack + ") differs from its "
                                        + "synthesized stack: " + String.join("; ", differences),
                                "terraform plan of " + stack + " shows the change; terraform apply restores the "
                                        + "synthesized value (or change the settings, if the change is wanted)"));
                    }
                });
        return findings;
    }

    /** {@code agc/agc-core-eu-west-1.tfstate} is the state of stack {@code agc-core-eu-west-1}. */
    static String stackOf(String stateFile) {
        String name = stateFile.substring(stateFile.lastIndexOf('/') + 1);
        return name.endsWith(".tfstate") ? name.substring(0, name.length() - ".tfstate".length()) : name;
    }
}
