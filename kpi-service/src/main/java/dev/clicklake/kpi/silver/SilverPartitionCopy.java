package dev.clicklake.kpi.silver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Local copies of one silver partition's files, in a folder that {@link #close()} deletes. */
public record SilverPartitionCopy(Path folder, List<Path> files) implements AutoCloseable {

    public SilverPartitionCopy {
        files = List.copyOf(files);
    }

    @Override
    public void close() {
        deleteRecursively(folder);
    }

    /** Deletes {@code folder} and everything in it (a rebuild's or a snapshot's local work folder). */
    public static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}
