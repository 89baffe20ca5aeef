package dev.agcinfra.modules.naming;

import com.hashicorp.cdktf.TerraformElement;
import com.hashicorp.cdktf.TerraformStack;
import java.util.Arrays;
import java.util.List;
import software.constructs.Construct;
import software.constructs.Node;

/**
 * A {@link TerraformStack} whose resources, data sources and outputs get plain snake_case Terraform names derived
 * from their construct paths (see {@link TerraformNames}) instead of CDKTF's hashed ids.
 *
 * <p>Construct ids therefore are Terraform addresses and state keys: renaming one moves a resource in state.
 */
public abstract class AddressedStack extends TerraformStack {

    /** Path components of this stack; each call into jsii is a round trip to Node.js, so it is read once. */
    private int stackDepth = -1;

    protected AddressedStack(Construct scope, String id) {
        super(scope, id);
    }

    @Override
    protected String allocateLogicalId(Object element) {
        Node node = element instanceof TerraformElement e ? e.getNode() : (Node) element;
        List<String> path = Arrays.asList(node.getPath().split("/"));
        if (stackDepth < 0) {
            stackDepth = getNode().getPath().split("/").length;
        }
        return TerraformNames.logicalId(path.subList(stackDepth, path.size()));
    }
}
