package dev.agcinfra.modules.naming;

import java.util.Optional;

/**
 * Text that must reach Terraform as the text it is, such as a path or a file name.
 *
 * <p>Terraform's JSON syntax reads every string as a template: {@code ${...}} in it is an interpolation and
 * {@code %{...}} a directive, both evaluated; the literal forms are {@code $${} and {@code %%{}. CDKTF 0.19.2 writes a
 * string set on a construct into {@code cdk.tf.json} as it is (that is how CDKTF code writes a reference by hand,
 * {@code "${aws_vpc.x.id}"}), so text from outside must be written with {@link #of}. Inside one of CDKTF's functions
 * ({@code Fn.join} and the others) CDKTF escapes {@code ${} of a literal argument itself, but not {@code %{}: such an
 * argument is written with {@link #ofFunctionArgument}.
 *
 * <p>CDKTF also finds its own token markers ({@code ${TfToken[TOKEN.1]}}, and {@code #{TfToken[} and {@code &{TfToken[}
 * for lists and maps) in any string and puts what the token stands for in their place, escaped or not; text holding
 * one cannot be written through CDKTF as it is, and {@link #problem} says so.
 */
public final class TerraformLiteral {

    /** What CDKTF's token markers have in common. */
    private static final String TOKEN_MARKER = "{TfToken[";

    private TerraformLiteral() {
    }

    /**
     * {@code text} as a string attribute that Terraform reads as {@code text}: {@code ${} as {@code $${} and
     * {@code %{} as {@code %%{}. A string that holds a CDKTF token is a value built by code (a reference, or text
     * around one) and is returned as it is.
     */
    public static String of(String text) {
        if (holdsToken(text)) {
            return text;
        }
        return text.replace("${", "$${").replace("%{", "%%{");
    }

    /**
     * {@code text} as a literal argument of a CDKTF function, which Terraform reads as {@code text}: {@code %{} as
     * {@code %%{} (CDKTF escapes {@code ${} there itself). A string that holds a CDKTF token is returned as it is.
     */
    public static String ofFunctionArgument(String text) {
        if (holdsToken(text)) {
            return text;
        }
        return text.replace("%{", "%%{");
    }

    /** Why {@code text} cannot be written through CDKTF as it is, when it holds a CDKTF token marker; empty when it can. */
    public static Optional<String> problem(String text) {
        if (!holdsToken(text)) {
            return Optional.empty();
        }
        return Optional.of("it holds \"" + TOKEN_MARKER + "\", which CDKTF reads as one of its tokens and replaces");
    }

    private static boolean holdsToken(String text) {
        return text.contains(TOKEN_MARKER);
    }
}
