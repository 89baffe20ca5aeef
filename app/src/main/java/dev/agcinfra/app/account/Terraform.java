package dev.agcinfra.app.account;

import dev.agcinfra.cli.ProblemLine;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agcinfra.cli.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the {@code terraform} binary in a synthesized stack's directory, streaming its output.
 *
 * <p>The binary is {@value #BINARY_ENV} when set, else {@code terraform} from the PATH. It must be 1.10 or newer
 * (the S3 backend's {@code use_lockfile}). With an endpoint override, the S3 backend gets it through
 * {@code -backend-config} (a file {@value #BACKEND_FILE} written beside the stack), not through the synthesized
 * JSON, and the process gets {@code AWS_ENDPOINT_URL} for the provider.
 */
public final class Terraform {

    /** The environment variable that names the terraform binary. */
    public static final String BINARY_ENV = "AGC_TERRAFORM";
    /** The oldest Terraform agc-infra's stacks work with. */
    public static final int[] MINIMUM = {1, 10};
    /** The backend settings file written beside a stack when the endpoint is overridden. */
    public static final String BACKEND_FILE = "agc-backend.tfbackend";

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    /** Options of every run. */
    public record Options(Optional<URI> endpoint, Optional<String> profile, String region, boolean autoApprove) {
    }

    private final String binary;
    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;
    private final ProcessBuilder.Redirect input;

    /**
     * A runner whose terraform reads the terminal when it asks for approval.
     *
     * @param env the environment of the terraform process (the caller's, with any test overrides); also where
     *            {@value #BINARY_ENV} is read
     */
    public Terraform(Map<String, String> env, PrintWriter out, PrintWriter err) {
        this(env, out, err, ProcessBuilder.Redirect.INHERIT);
    }

    /** @param input where terraform reads its answer to "Do you want to perform these actions?" (without --yes) */
    public Terraform(Map<String, String> env, PrintWriter out, PrintWriter err, ProcessBuilder.Redirect input) {
        String configured = env.get(BINARY_ENV);
        this.binary = configured == null || configured.isBlank() ? "terraform" : configured;
        this.env = Map.copyOf(env);
        this.out = out;
        this.err = err;
        this.input = input;
    }

    /** The binary that runs. */
    public String binary() {
        return binary;
    }

    /**
     * Checks the binary is there and is 1.10 or newer; returns its version.
     *
     * @throws AccountException (invalid input) with one line otherwise
     */
    public String requireVersion() {
        String text;
        int status;
        try {
            ProcessBuilder pb = new ProcessBuilder(binary, "version", "-json")
                    .redirectError(ProcessBuilder.Redirect.DISCARD); // CLI configuration warnings
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AccountException(ExitCode.INVALID_INPUT, binary + " version did not answer within 60 s");
            }
            status = p.exitValue();
        } catch (IOException e) {
            throw new AccountException(ExitCode.INVALID_INPUT, "terraform not found (" + binary + "): install "
                    + "Terraform 1.10 or newer, or set " + BINARY_ENV + " to its path");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccountException(ExitCode.INTERNAL_ERROR, "interrupted while asking " + binary + " its version");
        }
        String version = null;
        try {
            version = new ObjectMapper().readTree(text).path("terraform_version").asText(null);
        } catch (IOException notJson) {
            Matcher m = VERSION.matcher(text);
            if (m.find()) {
                version = m.group();
            }
        }
        Matcher m = version == null ? null : VERSION.matcher(version);
        if (status != 0 || m == null || !m.find()) {
            throw new AccountException(ExitCode.INVALID_INPUT, binary + " does not look like Terraform ('version -json' "
                    + "answered status " + status + "); install Terraform 1.10 or newer, or set " + BINARY_ENV);
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major < MINIMUM[0] || (major == MINIMUM[0] && minor < MINIMUM[1])) {
            throw new AccountException(ExitCode.INVALID_INPUT, "terraform " + version + " (" + binary + ") is older than "
                    + MINIMUM[0] + "." + MINIMUM[1] + ", which the S3 backend's use_lockfile needs; install Terraform "
                    + MINIMUM[0] + "." + MINIMUM[1] + " or newer, or set " + BINARY_ENV);
        }
        return version;
    }

    /** {@code terraform init -input=false -reconfigure [-backend-config=agc-backend.tfbackend]}. */
    public int init(Path stackDir, Options options) {
        List<String> args = new ArrayList<>(List.of("init", "-input=false", "-reconfigure"));
        Optional<String> backend = backendConfig(options);
        if (backend.isPresent()) {
            try {
                Files.writeString(stackDir.resolve(BACKEND_FILE), backend.get());
            } catch (IOException e) {
                throw new AccountException(ExitCode.INTERNAL_ERROR, "cannot write " + stackDir.resolve(BACKEND_FILE)
                        + ": " + e.getMessage());
            }
            args.add("-backend-config=" + BACKEND_FILE);
        }
        return run(stackDir, args, options);
    }

    /** {@code terraform apply -input=false [-auto-approve]}. */
    public int apply(Path stackDir, Options options) {
        return run(stackDir, withApproval(List.of("apply", "-input=false"), options), options);
    }

    /** {@code terraform plan -input=false}. */
    public int plan(Path stackDir, Options options) {
        return run(stackDir, List.of("plan", "-input=false"), options);
    }

    /** {@code terraform destroy -input=false [-auto-approve]}. */
    public int destroy(Path stackDir, Options options) {
        return run(stackDir, withApproval(List.of("destroy", "-input=false"), options), options);
    }

    private static List<String> withApproval(List<String> args, Options options) {
        List<String> all = new ArrayList<>(args);
        if (options.autoApprove()) {
            all.add("-auto-approve");
        }
        return all;
    }

    /**
     * The S3 backend settings for an endpoint override (Terraform 1.10+ names), or empty when there is none: the
     * endpoint, path-style addressing, and no calls to STS, IAM or the instance metadata service.
     */
    static Optional<String> backendConfig(Options options) {
        if (options.endpoint().isEmpty() && options.profile().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder("# written by agc-infra account for terraform init -backend-config\n");
        options.endpoint().ifPresent(e -> b.append("endpoints = { s3 = \"").append(e).append("\" }\n")
                .append("use_path_style = true\n")
                .append("skip_credentials_validation = true\n")
                .append("skip_requesting_account_id = true\n")
                .append("skip_region_validation = true\n")
                .append("skip_metadata_api_check = true\n"));
        options.profile().ifPresent(p -> b.append("profile = \"").append(p.replace("\"", "")).append("\"\n"));
        return Optional.of(b.toString());
    }

    /** Runs one command in {@code dir}, streaming stdout and stderr; returns terraform's exit status. */
    int run(Path dir, List<String> args, Options options) {
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(args);
        ProblemLine.println(out, "agc-infra: " + dir.getFileName() + ": terraform " + String.join(" ", args));
        out.flush();
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> childEnv = pb.environment();
        childEnv.clear();
        childEnv.putAll(childEnvironment(options));
        pb.redirectInput(options.autoApprove() ? ProcessBuilder.Redirect.PIPE : input);
        try {
            Process p = pb.start();
            if (options.autoApprove()) {
                p.getOutputStream().close();
            }
            Thread o = pump(p.getInputStream(), out);
            Thread e = pump(p.getErrorStream(), err);
            int status = p.waitFor();
            o.join();
            e.join();
            return status;
        } catch (IOException e) {
            throw new AccountException(ExitCode.INVALID_INPUT, "cannot run " + binary + " (" + e.getMessage()
                    + "); install Terraform 1.10 or newer, or set " + BINARY_ENV);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccountException(ExitCode.INTERNAL_ERROR, "interrupted while terraform was running");
        }
    }

    Map<String, String> childEnvironment(Options options) {
        Map<String, String> child = new HashMap<>(env);
        child.put("AWS_REGION", options.region());
        child.put("TF_IN_AUTOMATION", "1");
        options.profile().ifPresent(p -> child.put("AWS_PROFILE", p));
        options.endpoint().ifPresent(e -> child.put("AWS_ENDPOINT_URL", e.toString()));
        return child;
    }

    private static Thread pump(InputStream in, PrintWriter to) {
        Thread t = new Thread(() -> {
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                char[] buf = new char[4096];
                int n;
                while ((n = r.read(buf)) >= 0) {
                    synchronized (to) {
                        to.write(buf, 0, n);
                        to.flush();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "terraform-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
