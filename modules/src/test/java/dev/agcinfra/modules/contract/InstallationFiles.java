package dev.agcinfra.modules.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of a made-up AGC installation, written where AGC's layout puts them. */
final class InstallationFiles {

    private InstallationFiles() {
    }

    /** Writes {@code content} at {@code relative} below {@code home}, with its directories. */
    static Path write(Path home, String relative, String content) throws IOException {
        Path file = home.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
