package dev.agcinfra.modules.naming;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformElement;
import com.hashicorp.cdktf.TerraformStack;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.constructs.Construct;
import software.constructs.Node;

/**
 * A {@link TerraformStack} whose resources, data sources and outputs get plain snake_case Terraform names derived
 * from their construct paths (see {@link TerraformNames}) instead of CDKTF's hashed ids.
 *
 * <p>Construct ids therefore are Terraform addresses and state keys: renaming one moves a resource in state.
 *
 * <p>Elements created with {@link AddressedScope#add} are named as they are created, from Java. Any other element is
 * named the same way when CDKTF asks the stack for its name ({@link #allocateLogicalId}), which costs a call from
 * Node.js into Java and one back per element; {@link #namesAskedFor()} counts those.
 */
public abstract class AddressedStack extends TerraformStack {

    private final String path;
    private final AtomicInteger namesAskedFor = new AtomicInteger();

    protected AddressedStack(Construct scope, String id) {
        super(scope, id);
        // A stack is normally a child of the app, whose path is empty; else its scope's path is read once.
        String parent = scope instanceof App ? "" : scope.getNode().getPath();
        this.path = parent.isEmpty() ? id.replace("/", "--") : parent + "/" + id.replace("/", "--");
    }

    /** The stack's construct path (its id, for a stack of the app), as {@code getNode().getPath()} gives it. */
    public String constructPath() {
        return path;
    }

    /** How many elements CDKTF asked this stack to name because they were not named as they were created. */
    public int namesAskedFor() {
        return namesAskedFor.get();
    }

    @Override
    protected String allocateLogicalId(Object element) {
        namesAskedFor.incrementAndGet();
        String elementPath = element instanceof TerraformElement e ? e.toString() : ((Node) element).getPath();
        List<String> parts = Arrays.asList(elementPath.split("/"));
        int stackDepth = path.split("/").length;
        return TerraformNames.logicalId(parts.subList(stackDepth, parts.size()));
    }
}
