package dev.agcinfra.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import dev.agcinfra.app.uptodate.SynthStamp;
import software.amazon.jsii.JsiiException;

/**
 * The synth's output folder ({@code cdktf.out}, or what {@value #CDKTF_OUTDIR_ENV} names), which synth owns: a synth
 * writes a complete new output into a fresh folder beside it and swaps that in only when it is complete. So a synth
 * that fails leaves the previous output whole, and no stack's folder outlives its stack.
 *
 * <p>What the swap keeps of the previous output: Terraform's files in the folders of stacks that are still produced
 * ({@code .terraform/}, {@code .terraform.lock.hcl}, a plan file: everything but {@value #STACK_FILE}, which the synth
 * writes), and whatever else the folder holds besides {@value #MANIFEST}, {@value #STACKS} and the synth's stamp
 * ({@link SynthStamp}). The folders of stacks
 * that are no longer produced go, unless one holds Terraform state kept on this machine ({@code *.tfstate}): then
 * nothing is changed and the synth says which file to move. When the CDKTF CLI runs the app ({@value #CDKTF_OUTDIR_ENV}
 * names this folder), those folders are left for the CLI, which removes them itself after the synth (and fails if
 * they are gone already).
 *
 * <p>Every problem with the folder (not a folder, not writable, disk full) is an {@link Unusable} with one line.
 *
 * <pre>{@code
 * OutputFolder out = OutputFolder.of(workingDir, env);
 * out.replace(fresh -> { write manifest.json and stacks/ into fresh; return null; });
 * }</pre>
 */
public final class OutputFolder {

    /** CDKTF's manifest of the synthesized stacks ({@code Manifest.fileName}). */
    public static final String MANIFEST = "manifest.json";
    /** The folder of the stacks' folders ({@code Manifest.stacksFolder}). */
    public static final String STACKS = "stacks";
    /** A stack's Terraform JSON, in its folder ({@code Manifest.stackFileName}). */
    public static final String STACK_FILE = "cdk.tf.json";
    /** Set by the CDKTF CLI to the folder it reads the app's output from. */
    public static final String CDKTF_OUTDIR_ENV = "CDKTF_OUTDIR";
    /** The folder's name when nothing else is said, as CDKTF names it. */
    public static final String DEFAULT_NAME = "cdktf.out";

    /** Node.js's file system error codes in jsii's messages ("ENOSPC: no space left on device, write"). */
    private static final Pattern NODE_FS_ERROR = Pattern.compile(
            "\\b(ENOSPC|EDQUOT|EACCES|EPERM|EROFS|ENOTDIR|EISDIR|EEXIST|ENOENT|EMFILE|ENFILE|EIO|ENAMETOOLONG): ([^,\\n]+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The output folder cannot be used; the message is one line that names it, says why, and how to fix it. */
    public static final class Unusable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unusable(String line) {
            super(line, null, false, false);
        }
    }

    /** Writes a complete output (its {@value #MANIFEST} and {@value #STACKS}) into a fresh, empty folder. */
    @FunctionalInterface
    public interface Writer<T> {
        T write(Path fresh);
    }

    private final Path target;
    private final boolean cliRemovesOrphans;
    private final List<String> warnings = new ArrayList<>();

    /**
     * @param target            the output folder; it need not exist
     * @param cliRemovesOrphans whether the CDKTF CLI runs the app and removes the folders of removed stacks itself
     */
    OutputFolder(Path target, boolean cliRemovesOrphans) {
        this.target = Objects.requireNonNull(target, "target").toAbsolutePath().normalize();
        this.cliRemovesOrphans = cliRemovesOrphans;
    }

    /** The output folder {@code target}, used by agc-infra itself (not by the CDKTF CLI). */
    public static OutputFolder at(Path target) {
        return new OutputFolder(target, false);
    }

    /**
     * The output folder of a synth run in {@code workingDir} with {@code env}: {@value #CDKTF_OUTDIR_ENV} when set (the
     * CDKTF CLI sets it), else {@value #DEFAULT_NAME}.
     */
    public static OutputFolder of(Path workingDir, Map<String, String> env) {
        String configured = env.get(CDKTF_OUTDIR_ENV);
        if (configured == null || configured.isBlank()) {
            return at(workingDir.resolve(DEFAULT_NAME));
        }
        return new OutputFolder(workingDir.resolve(configured), true);
    }

    /** The folder. */
    public Path path() {
        return target;
    }

    /** A stack's folder. */
    public Path stackDir(String stack) {
        return target.resolve(STACKS).resolve(stack);
    }

    /**
     * The stacks {@value #MANIFEST} lists, in its order; empty when there is no manifest.
     *
     * @throws Unusable when the manifest cannot be read
     */
    public Set<String> stacks() {
        Path manifest = target.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Set.of();
        }
        try {
            JsonNode stacks = new ObjectMapper().readTree(manifest.toFile()).path("stacks");
            Set<String> names = new LinkedHashSet<>();
            for (Iterator<String> it = stacks.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            return Collections.unmodifiableSet(names);
        } catch (IOException e) {
            throw new Unusable(manifest + ": cannot be read (" + reason(e) + "); synthesize again");
        }
    }

    /** What went wrong after a successful {@link #replace} without failing it (a previous output left behind). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Writes a new output with {@code writer} into a fresh folder beside this one and, once the writer has returned,
     * swaps it in (keeping what the class description says). When the writer throws, this folder is left as it was and
     * the fresh one is removed.
     *
     * @return what the writer returned
     * @throws Unusable when the folder cannot be used or written (the writer's file system errors included)
     */
    public <T> T replace(Writer<T> writer) {
        Path folder = checkedTarget();
        Path fresh = createFresh(folder);
        boolean swapped = false;
        try {
            T result;
            try {
                result = writer.write(fresh);
            } catch (JsiiException | UncheckedIOException e) {
                Optional<String> why = fileSystemProblem(e, fresh);
                if (why.isPresent()) {
                    throw new Unusable(display(folder) + ": the synth could not write its output beside it ("
                            + why.get() + "); " + fixFor(why.get()) + ", then synthesize again");
                }
                throw e;
            }
            if (!Files.isRegularFile(fresh.resolve(MANIFEST))) {
                throw new IllegalStateException("the synth wrote no " + MANIFEST + " into " + fresh);
            }
            swapIn(fresh, folder);
            swapped = true;
            return result;
        } finally {
            if (!swapped) {
                deleteQuietly(fresh);
            }
        }
    }

    /**
     * Checks, before anything else changes, that {@link #replace} can use the folder (the checks it makes first).
     *
     * @throws Unusable when it cannot
     */
    public void check() {
        checkedTarget();
    }

    /** The folder to replace (a symbolic link to it is followed), checked before anything is written. */
    private Path checkedTarget() {
        Path folder = target;
        try {
            if (Files.isSymbolicLink(folder) && Files.exists(folder)) {
                folder = folder.toRealPath();
            }
        } catch (IOException e) {
            throw new Unusable(display(folder) + ": cannot be read (" + reason(e) + "); check the folder");
        }
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new Unusable(display(folder) + ": is " + kind(folder) + ", not a folder; the synth writes its output "
                    + "there: move it away, then synthesize again");
        }
        Path stacks = folder.resolve(STACKS);
        if (Files.exists(stacks, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(stacks, LinkOption.NOFOLLOW_LINKS)) {
            throw new Unusable(display(stacks) + ": is " + kind(stacks) + ", not the folder of the stacks' folders; "
                    + "move it out of " + display(folder) + ", then synthesize again");
        }
        for (Path entry : list(stacks)) {
            if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                throw new Unusable(display(entry) + ": is " + kind(entry) + ", not a stack's folder; move it out of "
                        + display(folder) + ", then synthesize again");
            }
        }
        return folder;
    }

    private Path createFresh(Path folder) {
        Path parent = folder.getParent();
        try {
            Files.createDirectories(parent);
            while (true) {
                Path fresh = parent.resolve("." + folder.getFileName() + ".new-" + Long.toHexString(RANDOM.nextLong()));
                try {
                    return Files.createDirectory(fresh);
                } catch (FileAlreadyExistsException taken) {
                    // another name
                }
            }
        } catch (IOException e) {
            throw new Unusable(display(folder) + ": the synth cannot create its new output beside it in "
                    + display(parent) + " (" + reason(e) + "); " + fixFor(reason(e)) + ", then synthesize again");
        }
    }

    /**
     * Moves the previous output aside, carries over what it keeps into {@code fresh}, moves {@code fresh} in, and
     * deletes the previous output. On a failure before {@code fresh} is in place, everything is moved back.
     */
    private void swapIn(Path fresh, Path folder) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            move(fresh, folder, folder);
            return;
        }
        Set<String> produced = names(list(fresh.resolve(STACKS)));
        if (!cliRemovesOrphans) {
            for (Path orphan : list(folder.resolve(STACKS))) {
                if (!produced.contains(orphan.getFileName().toString())) {
                    refuseLocalState(orphan, folder);
                }
            }
        }
        Path previous = aside(folder);
        move(folder, previous, folder);
        List<Path[]> carried = new ArrayList<>();
        try {
            carryOver(previous, fresh, produced, carried);
            Files.move(fresh, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            String why = e instanceof IOException io ? reason(io) : e.getMessage();
            for (int i = carried.size() - 1; i >= 0; i--) {
                try {
                    Files.move(carried.get(i)[1], carried.get(i)[0], StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException ignored) {
                    // best effort; the previous output is reported below
                }
            }
            try {
                Files.move(previous, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException restore) {
                throw new Unusable(display(folder) + ": the synth could not move its new output in (" + why
                        + ") nor the previous output back (" + reason(restore) + "); the previous output is in "
                        + display(previous) + ": move it back to " + display(folder));
            }
            throw new Unusable(display(folder) + ": the synth could not move its new output in (" + why + "); "
                    + fixFor(why) + ", then synthesize again");
        }
        try {
            deleteRecursively(previous);
        } catch (IOException e) {
            warnings.add("the previous output, moved to " + display(previous) + ", could not be removed (" + reason(e)
                    + "); delete it yourself");
        }
    }

    /** Moves into {@code fresh} what the previous output keeps (see the class description). */
    private void carryOver(Path previous, Path fresh, Set<String> produced, List<Path[]> carried) throws IOException {
        for (Path entry : list(previous)) {
            String name = entry.getFileName().toString();
            if (name.equals(MANIFEST) || name.equals(SynthStamp.FILE_NAME)) {
                continue; // the new output's own (a stamp describes the output it was written with)
            }
            if (!name.equals(STACKS)) {
                carry(entry, fresh.resolve(name), carried);
                continue;
            }
            for (Path stack : list(entry)) {
                Path freshStack = fresh.resolve(STACKS).resolve(stack.getFileName().toString());
                if (produced.contains(stack.getFileName().toString())) {
                    for (Path file : list(stack)) {
                        if (!file.getFileName().toString().equals(STACK_FILE)) {
                            carry(file, freshStack.resolve(file.getFileName().toString()), carried);
                        }
                    }
                } else if (cliRemovesOrphans) {
                    carry(stack, freshStack, carried);
                }
            }
        }
    }

    private static void carry(Path from, Path to, List<Path[]> carried) throws IOException {
        if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            return; // the new output's own
        }
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        carried.add(new Path[] {from, to});
    }

    /** A stack no longer produced whose folder holds Terraform state kept on this machine is not deleted. */
    private void refuseLocalState(Path orphan, Path folder) {
        for (Path file : list(orphan)) {
            String name = file.getFileName().toString();
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && (name.endsWith(".tfstate")
                    || name.endsWith(".tfstate.backup"))) {
                throw new Unusable(display(file) + ": the settings no longer produce the stack " + orphan.getFileName()
                        + ", so the synth would remove its folder, but this file is Terraform state kept on this "
                        + "machine; move it out of " + display(folder) + " (or the whole folder, if you still need it), "
                        + "then synthesize again");
            }
        }
    }

    private Path aside(Path folder) {
        while (true) {
            Path previous = folder.resolveSibling("." + folder.getFileName() + ".old-" + Long.toHexString(RANDOM.nextLong()));
            if (!Files.exists(previous, LinkOption.NOFOLLOW_LINKS)) {
                return previous;
            }
        }
    }

    private void move(Path from, Path to, Path folder) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new Unusable(display(folder) + ": the synth could not replace it with its new output (" + reason(e)
                    + "); " + fixFor(reason(e)) + ", then synthesize again");
        }
    }

    /**
     * The file system problem behind a failed write into {@code fresh}, in the operating system's words ("no space left
     * on device", "permission denied"), when there is one: from Java's file system exceptions about a file in it, or
     * from the Node.js error that jsii passes on when CDKTF cannot write.
     */
    static Optional<String> fileSystemProblem(Throwable failure, Path fresh) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException fs && fs.getFile() != null && Path.of(fs.getFile()).toAbsolutePath()
                    .startsWith(fresh)) {
                return Optional.of(reason(fs));
            }
            if (t instanceof JsiiException && t.getMessage() != null) {
                Matcher m = NODE_FS_ERROR.matcher(t.getMessage());
                if (m.find()) {
                    return Optional.of(m.group(2).strip() + " (" + m.group(1) + ")");
                }
            }
        }
        return Optional.empty();
    }

    private static String fixFor(String reason) {
        String r = reason.toLowerCase(java.util.Locale.ROOT);
        if (r.contains("space") || r.contains("quota")) {
            return "free some space on that disk";
        }
        if (r.contains("permission") || r.contains("not permitted") || r.contains("read-only")) {
            return "make the folder writable, or synthesize where you can write (the working directory, or "
                    + CDKTF_OUTDIR_ENV + ")";
        }
        return "check the folder and its disk";
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "a folder that is not empty is in the way";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String kind(Path path) {
        if (Files.isSymbolicLink(path)) {
            return "a symbolic link";
        }
        return Files.isRegularFile(path) ? "a file" : "not a folder (a device, a pipe or a socket)";
    }

    /** {@code path} relative to the working directory when it is below it, else as it is. */
    static String display(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) && !path.equals(cwd) ? cwd.relativize(path).toString() : path.toString();
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new Unusable(display(dir) + ": cannot be read (" + reason(e) + "); check its permissions");
        }
    }

    private static Set<String> names(List<Path> paths) {
        Set<String> names = new LinkedHashSet<>();
        paths.forEach(p -> names.add(p.getFileName().toString()));
        return names;
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteRecursively(dir);
        } catch (IOException ignored) {
            // a fresh folder that could not be written cannot always be removed either; it is hidden and harmless
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
