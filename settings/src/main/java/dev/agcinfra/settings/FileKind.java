package dev.agcinfra.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a path that is not a regular file is, in words for a problem line. A file that agc-infra reads (the settings,
 * the lookup cache) must be a regular file: a named pipe or a device could block the read or never end.
 */
public final class FileKind {

    /** The mode bits of a file's type ({@code stat}'s {@code S_IFMT}), and the types that are not regular files. */
    private static final int S_IFMT = 0170000;
    private static final Map<Integer, String> NOT_REGULAR = Map.of(
            0010000, "a named pipe (FIFO)", 0020000, "a character device", 0060000, "a block device",
            0140000, "a socket", 0040000, "a directory");

    private FileKind() {
    }

    /** {@code a named pipe (FIFO)}, {@code a character device}, ..., {@code a directory}, else {@code something else}. */
    public static String of(Path file) {
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer bits && NOT_REGULAR.containsKey(bits & S_IFMT)) {
                return NOT_REGULAR.get(bits & S_IFMT);
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException unknown) {
            // no unix attributes here: say what is known
        }
        return Files.isDirectory(file) ? "a directory" : "something else";
    }
}
