package dev.agcinfra.audit.estimate;

import dev.agcinfra.audit.AuditException;
import dev.agcinfra.audit.ExitCode;
import java.net.URI;
import java.util.List;

/** {@code --pricing live}: prices from the AWS Price List API. */
final class LivePricing {

    private LivePricing() {
    }

    static PriceSource source(String profile, URI endpoint, List<StackInventory> stacks) {
        throw new AuditException(ExitCode.INTERNAL_ERROR,
                "--pricing live is not available in this build (the AWS SDK pricing module is missing)");
    }
}
