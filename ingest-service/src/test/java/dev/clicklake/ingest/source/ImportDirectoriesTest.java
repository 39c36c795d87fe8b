package dev.clicklake.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.ingest.landing.InvalidRequestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportDirectoriesTest {

    @TempDir
    Path work;

    @Test
    void aFileInsideAnImportDirectoryIsFoundByRelativeOrAbsolutePath() throws Exception {
        Path imports = Files.createDirectories(work.resolve("imports/monthly"));
        Path other = Files.createDirectories(work.resolve("other"));
        Path file = Files.writeString(imports.resolve("2019-Oct.csv"), "x");
        Path second = Files.writeString(other.resolve("2019-Nov.csv"), "y");
        ImportDirectories dirs = new ImportDirectories(List.of(imports, other));
        assertEquals(file.toRealPath(), dirs.resolve("2019-Oct.csv"));
        assertEquals(file.toRealPath(), dirs.resolve("./2019-Oct.csv"));
        assertEquals(second.toRealPath(), dirs.resolve(second.toString()));
    }

    @Test
    void traversalSymbolicLinksOutDirectoriesAndMissingFilesAreRefused() throws Exception {
        Path imports = Files.createDirectories(work.resolve("imports"));
        Path secret = Files.writeString(work.resolve("secret.csv"), "s");
        Files.createSymbolicLink(imports.resolve("link.csv"), secret);
        Files.createDirectories(imports.resolve("folder"));
        ImportDirectories dirs = new ImportDirectories(List.of(imports));
        for (String bad : List.of("../secret.csv", "link.csv", secret.toString(), "folder", ".", "missing.csv", "", "a\0b")) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> dirs.resolve(bad), bad);
            assertEquals("path", e.field());
        }
        InvalidRequestException none = assertThrows(InvalidRequestException.class,
                () -> new ImportDirectories(List.of()).resolve("a.csv"));
        assertTrue(none.getMessage().contains("import-dirs"), none.getMessage());
    }
}
