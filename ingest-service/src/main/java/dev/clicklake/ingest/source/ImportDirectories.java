package dev.clicklake.ingest.source;

import dev.clicklake.ingest.landing.InvalidRequestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Resolves a requested path to a file inside one of the configured import directories. The path is
 * taken relative to the first directory unless absolute, and checked after every {@code ..} and
 * symbolic link is resolved, so that nothing outside the directories can be named.
 */
public final class ImportDirectories {

    private final List<Path> roots;

    public ImportDirectories(List<Path> roots) {
        this.roots = roots;
    }

    public Path resolve(String requested) throws InvalidRequestException {
        if (roots.isEmpty()) {
            throw new InvalidRequestException("path", "cannot be used: no clicklake.ingest.import-dirs is configured");
        }
        if (requested == null || requested.isBlank() || requested.indexOf('\0') >= 0) {
            throw new InvalidRequestException("path", "must name a file in an import directory");
        }
        Path real;
        try {
            real = roots.get(0).resolve(requested.strip()).toRealPath();
        } catch (IOException | RuntimeException e) {
            throw new InvalidRequestException("path", "names no readable file in an import directory");
        }
        for (Path root : roots) {
            Path realRoot;
            try {
                realRoot = root.toRealPath();
            } catch (IOException e) {
                continue;
            }
            if (real.startsWith(realRoot) && !real.equals(realRoot)) {
                if (!Files.isRegularFile(real)) {
                    throw new InvalidRequestException("path", "names no regular file in an import directory");
                }
                return real;
            }
        }
        throw new InvalidRequestException("path", "is outside the import directories (clicklake.ingest.import-dirs)");
    }

    /** Opens a resolved file; its name and size come from the file system. */
    public static OpenedSource open(Path file) throws IOException {
        return new OpenedSource(Files.newInputStream(file), Files.size(file), file.getFileName().toString(),
                "file://" + file);
    }
}
