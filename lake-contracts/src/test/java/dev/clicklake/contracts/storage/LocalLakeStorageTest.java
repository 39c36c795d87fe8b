package dev.clicklake.contracts.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract against a temporary folder, plus what is particular to the local layout. */
class LocalLakeStorageTest extends LakeStorageContractTest {

    @TempDir
    static Path root;

    @Override
    protected LakeStorage createStorage() {
        return LakeStorageFactory.create(new LakeSettings.Local(root));
    }

    @Test
    void eachContainerIsASubfolderAndEachObjectAFileAtItsPath() throws IOException {
        storage.create(at("a/b.txt"), new ByteArrayInputStream(new byte[] {1, 2, 3}));

        Path file = root.resolve(CONTAINER).resolve(at("a/b.txt").path());
        assertTrue(Files.isRegularFile(file), file::toString);
        assertEquals(3, Files.size(file));
    }

    @Test
    void anEmptyFolderIsDeletedAndOneThatHoldsAnythingIsKept() throws IOException {
        storage.create(at("f/one/a.csv"), new ByteArrayInputStream(new byte[1]));
        storage.create(at("f/two/b.csv"), new ByteArrayInputStream(new byte[1]));

        assertFalse(storage.deleteFolderIfEmpty(at("f/one/")), "it holds an object");
        assertTrue(storage.delete(at("f/one/a.csv")));
        assertTrue(storage.deleteFolderIfEmpty(at("f/one/")));
        assertFalse(Files.exists(root.resolve(CONTAINER).resolve(at("f/one").path())), "the empty folder is gone");
        assertFalse(storage.deleteFolderIfEmpty(at("f/one/")), "no longer there");
        assertFalse(storage.deleteFolderIfEmpty(at("f/")), "it holds a folder with an object");
        assertTrue(storage.stat(at("f/two/b.csv")).isPresent());
        assertThrows(IllegalArgumentException.class, () -> storage.deleteFolderIfEmpty(at("f/two/b.csv")));
    }

    @Test
    void stagingFilesAreRemovedAfterEveryWriteAndNeverListed() throws IOException {
        LakeLocation location = at("x");
        storage.create(location, new ByteArrayInputStream(new byte[10]));
        assertThrows(ObjectAlreadyExistsException.class, () -> storage.create(location, new ByteArrayInputStream(new byte[10])));
        IOException failure = new IOException("broken source");
        assertThrows(IOException.class, () -> storage.create(at("y"), GeneratedContent.withHook(1, 100, 50, () -> {
            throw failure;
        })));

        try (Stream<Path> staged = Files.list(root.resolve(".staging"))) {
            assertEquals(List.of(), staged.toList());
        }
        assertEquals(List.of(location), storage.list(testPrefix()).stream().map(LakeObject::location).toList());
    }

    @Test
    void aFolderAtAnObjectPathIsNotAnObject() throws IOException {
        storage.create(at("dir/file"), new ByteArrayInputStream(new byte[1]));

        assertEquals(Optional.empty(), storage.stat(at("dir")));
        assertThrows(NoSuchFileException.class, () -> storage.open(at("dir")));
        assertFalse(storage.delete(at("dir")));
        assertThrows(ObjectAlreadyExistsException.class, () -> storage.create(at("dir"), new ByteArrayInputStream(new byte[1])));
    }

    @Test
    void describesItselfByItsRoot() {
        assertEquals("local:" + root.toAbsolutePath().normalize(), storage.describe());
    }
}
