package dev.agcinfra.audit.security;

import dev.agcinfra.settings.AgcNames;

/**
 * Where the checked resources are: a region of the account (live), or a synthesized stack. Rules word their fixes
 * by it: AWS CLI commands live, Terraform changes in a stack.
 *
 * @param region the region (a stack's provider region; {@code null} when it is not literal)
 * @param stack  the synthesized stack, {@code null} live
 */
public record Target(String region, String stack) {

    /** A region of the account. */
    public static Target live(String region) {
        return new Target(region, null);
    }

    /** A synthesized stack. */
    public static Target synthesized(String stack, String region) {
        return new Target(region, stack);
    }

    public boolean isLive() {
        return stack == null;
    }

    /** The region as AWS CLI commands take it: {@code --region eu-west-1}. */
    String regionFlag() {
        return region == null ? "" : " --region " + region;
    }

    /** The core stack of the region, which holds the network, the endpoints and the table. */
    String coreStack() {
        return stack != null ? stack : AgcNames.coreStack(region);
    }

    /** The data stack of the region, which holds the results bucket. */
    String dataStack() {
        return stack != null ? stack : AgcNames.dataStack(region);
    }
}
