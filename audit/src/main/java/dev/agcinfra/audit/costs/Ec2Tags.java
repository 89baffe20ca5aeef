package dev.agcinfra.audit.costs;

import dev.agcinfra.audit.TagFilter;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Tag;

/** Reading EC2 tag lists. */
final class Ec2Tags {

    private Ec2Tags() {
    }

    /** Whether the list carries {@code tag} (the API filter, checked again: emulators do not always honour it). */
    static boolean carries(List<Tag> tags, TagFilter tag) {
        return tags.stream().anyMatch(t -> tag.key().equals(t.key()) && tag.value().equals(t.value()));
    }

    /** The Name tag's value, or {@code null}. */
    static String name(List<Tag> tags) {
        return tags.stream().filter(t -> "Name".equals(t.key())).map(Tag::value).findFirst().orElse(null);
    }
}
