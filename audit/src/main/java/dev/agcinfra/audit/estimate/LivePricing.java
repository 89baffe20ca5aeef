package dev.agcinfra.audit.estimate;

import dev.agcinfra.aws.AwsClientFactory;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.pricing.PricingClient;

/** {@code --pricing live}: prices from the AWS Price List API, read before any report is written. */
public final class LivePricing {

    /** The Price List API answers in us-east-1 (and a few other regions); its prices cover every region. */
    static final String PRICING_REGION = "us-east-1";

    private LivePricing() {
    }

    /**
     * Reads the prices of every region of {@code stacks} with a client of {@code clients} (the command's AWS options),
     * closed before returning.
     *
     * @throws dev.agcinfra.audit.AuditException with exit code 3 when the API cannot be read
     */
    public static PriceSource source(AwsClientFactory clients, List<StackInventory> stacks) {
        try (PricingClient client = clients.build(PricingClient.builder(), PRICING_REGION)) {
            LivePriceSource source = new LivePriceSource(client, Clock.systemUTC());
            stacks.stream().map(StackInventory::region).filter(Objects::nonNull).distinct().forEach(source::prices);
            return source;
        }
    }
}
