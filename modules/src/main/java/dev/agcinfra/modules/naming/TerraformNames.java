package dev.agcinfra.modules.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns construct paths into Terraform names.
 *
 * <p>CDKTF's default logical ids append a hash ({@code Vpc_PublicSubnet1_Subnet_1A2B3C4D}). agc-infra uses plain
 * snake_case paths instead ({@code aws_subnet.vpc_public_subnet1}): readable in plans, stable as long as the construct
 * ids are, and what a team would write by hand if it left CDKTF. A child named {@link #DEFAULT_CHILD_ID} is the main
 * resource of its parent and adds nothing to the name, as in AWS CDK.
 */
public final class TerraformNames {

    /** The id of a construct's main resource, left out of its Terraform name. */
    public static final String DEFAULT_CHILD_ID = "Resource";

    private TerraformNames() {
    }

    /**
     * The Terraform name of a construct, from its path below the stack.
     *
     * @param pathBelowStack the construct ids from the stack's child down to the element, e.g. {@code [Vpc, PublicSubnet1, Resource]}
     * @return e.g. {@code vpc_public_subnet1}
     */
    public static String logicalId(List<String> pathBelowStack) {
        List<String> parts = new ArrayList<>();
        for (String id : pathBelowStack) {
            if (!DEFAULT_CHILD_ID.equals(id)) {
                parts.add(snakeCase(id));
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a construct path of only '" + DEFAULT_CHILD_ID + "' has no Terraform name");
        }
        return String.join("_", parts);
    }

    /** {@code PublicSubnet1} → {@code public_subnet1}, {@code NATGateway} → {@code nat_gateway}, {@code ecr.api} → {@code ecr_api}. */
    public static String snakeCase(String id) {
        // every element's name is made of a few dozen distinct ids: each is converted once
        return SNAKE_CASE.computeIfAbsent(id, TerraformNames::toSnakeCase);
    }

    private static final Map<String, String> SNAKE_CASE = new ConcurrentHashMap<>();

    /**
     * A word boundary before an upper-case letter after a lower-case letter or digit, or before the last capital of
     * an acronym followed by a lower-case letter; every other character than a letter or digit is {@code _}; runs of
     * {@code _} are one, none at either end.
     */
    private static String toSnakeCase(String id) {
        StringBuilder out = new StringBuilder(id.length() + 8);
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                char prev = id.charAt(i - 1);
                boolean nextIsLower = i + 1 < id.length() && Character.isLowerCase(id.charAt(i + 1));
                if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextIsLower)) {
                    appendSeparator(out);
                }
            }
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            } else {
                appendSeparator(out);
            }
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == '_') {
            out.setLength(end - 1);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** A {@code _}, unless the name is empty so far or already ends with one. */
    private static void appendSeparator(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
            out.append('_');
        }
    }
}
