package dev.agcinfra.audit.batch;

import java.util.List;
import java.util.Objects;

/**
 * A named sequence of steps, run for every region (partition); all steps write the same item type.
 *
 * <p>Within a region the steps run in order, so an earlier step's items come first (which lets a later, coarser
 * step be deduplicated against an earlier, richer one). Regions run in parallel.
 *
 * @param name  the job's name, e.g. {@code resources}
 * @param steps the steps, in order
 * @param <O>   the item type the job writes
 */
public record Job<O>(String name, List<Step<?, O>> steps) {

    public Job {
        Objects.requireNonNull(name, "name must be non-null");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("job " + name + " has no steps");
        }
    }
}
