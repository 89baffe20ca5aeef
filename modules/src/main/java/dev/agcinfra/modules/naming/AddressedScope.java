package dev.agcinfra.modules.naming;

import com.hashicorp.cdktf.TerraformElement;
import com.hashicorp.cdktf.TerraformStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.constructs.Construct;

/**
 * A construct in which Terraform elements are created under their Terraform names, with its construct path known in
 * Java.
 *
 * <p>Every call into a construct is a synchronous request to jsii's Node.js process. CDKTF asks a stack for each
 * element's name through {@code allocateLogicalId}, which {@link AddressedStack} answers from Java: a call from Node.js
 * into Java that itself has to ask Node.js for the element's path. {@link #add} instead names the element once, as it
 * is created ({@code overrideLogicalId}: one call), from the path this class keeps: the same name
 * ({@link TerraformNames#logicalId}), without the callback. Likewise {@link #path()} is the construct path
 * ({@code getNode().getPath()}) without asking for it.
 *
 * <pre>{@code
 * AddressedScope here = AddressedScope.of(scope).child(this, id);      // in a construct's constructor
 * Vpc vpc = here.add("Resource", (s, n) -> Vpc.Builder.create(s, n).cidrBlock("10.0.0.0/16").build());
 * AddressedScope subnet = here.scope("PublicSubnet1");                 // new Construct(this, "PublicSubnet1")
 * }</pre>
 *
 * <p>In a stack that is not an {@link AddressedStack}, {@link #add} names nothing: CDKTF's own names apply.
 */
public final class AddressedScope {

    /** Creates an element as the child {@code id} of {@code scope}. */
    @FunctionalInterface
    public interface ElementFactory<T extends TerraformElement> {
        T create(Construct scope, String id);
    }

    private final Construct construct;
    private final String path;
    private final List<String> belowStack;
    private final boolean addressed;

    private AddressedScope(Construct construct, String path, List<String> belowStack, boolean addressed) {
        this.construct = construct;
        this.path = path;
        this.belowStack = List.copyOf(belowStack);
        this.addressed = addressed;
    }

    /**
     * The scope of {@code construct}: known at once for a stack, else read from jsii (two calls: its stack and its
     * path), so a construct reads it once and hands its children theirs with {@link #child} and {@link #scope}.
     */
    public static AddressedScope of(Construct construct) {
        Objects.requireNonNull(construct, "construct");
        if (construct instanceof AddressedStack stack) {
            return new AddressedScope(stack, stack.constructPath(), List.of(), true);
        }
        TerraformStack stack = TerraformStack.of(construct);
        String path = construct.toString();
        if (construct == stack) {
            return new AddressedScope(construct, path, List.of(), false);
        }
        String stackPath = stack instanceof AddressedStack addressedStack ? addressedStack.constructPath() : stack.toString();
        if (!path.startsWith(stackPath + "/")) {
            throw new IllegalStateException("the construct " + path + " is not below its stack " + stackPath);
        }
        List<String> below = List.of(path.substring(stackPath.length() + 1).split("/"));
        return new AddressedScope(construct, path, below, stack instanceof AddressedStack);
    }

    /** The scope of {@code child}, a construct just created as the child {@code id} of this scope's construct. */
    public AddressedScope child(Construct child, String id) {
        String sanitized = sanitize(id);
        List<String> below = new ArrayList<>(belowStack);
        below.add(sanitized);
        return new AddressedScope(child, path + "/" + sanitized, below, addressed);
    }

    /** A new plain construct, the child {@code id} of this scope's construct (which groups elements under one name). */
    public AddressedScope scope(String id) {
        return child(new Construct(construct, id), id);
    }

    /**
     * Creates an element as the child {@code id} of this scope's construct and, in an {@link AddressedStack}, gives it
     * its Terraform name at once (before anything can read a reference to it, which fixes its name).
     */
    public <T extends TerraformElement> T add(String id, ElementFactory<T> factory) {
        T element = factory.create(construct, id);
        if (addressed) {
            List<String> below = new ArrayList<>(belowStack);
            below.add(sanitize(id));
            element.overrideLogicalId(TerraformNames.logicalId(below));
        }
        return element;
    }

    /** The construct. */
    public Construct construct() {
        return construct;
    }

    /** The construct's path, as {@code getNode().getPath()} gives it, e.g. {@code agc-core-us-east-1/Vpc}. */
    public String path() {
        return path;
    }

    /** A construct id as the construct tree keeps it: a path separator {@code /} becomes {@code --}. */
    private static String sanitize(String id) {
        return id.replace("/", "--");
    }
}
