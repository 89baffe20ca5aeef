package dev.agcinfra.audit.costs;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.batch.ItemProcessor;
import dev.agcinfra.audit.batch.RegionScope;
import dev.agcinfra.audit.costs.LiveItem.LiveInterfaceEndpoint;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.State;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * Keeps the interface endpoints that bill: type {@code Interface}, carrying the tag, and not on their way out
 * (deleting, deleted, rejected, failed, expired). Gateway endpoints are free and left out.
 */
public final class InterfaceEndpointProcessor implements ItemProcessor<VpcEndpoint, LiveItem> {

    /** States in which an endpoint no longer bills. */
    static final Set<State> GONE = Set.of(State.DELETING, State.DELETED, State.REJECTED, State.FAILED, State.EXPIRED);

    private final RegionScope scope;
    private final TagFilter tag;

    public InterfaceEndpointProcessor(RegionScope scope, TagFilter tag) {
        this.scope = scope;
        this.tag = tag;
    }

    @Override
    public LiveItem process(VpcEndpoint endpoint) {
        if (endpoint.vpcEndpointType() != VpcEndpointType.INTERFACE || GONE.contains(endpoint.state())
                || !Ec2Tags.carries(endpoint.tags(), tag)) {
            return null;
        }
        int interfaces = endpoint.hasNetworkInterfaceIds() && !endpoint.networkInterfaceIds().isEmpty()
                ? endpoint.networkInterfaceIds().size() : endpoint.subnetIds().size();
        return new LiveInterfaceEndpoint(scope.region(), endpoint.vpcEndpointId(), Ec2Tags.name(endpoint.tags()),
                endpoint.serviceName(), interfaces);
    }
}
