package dev.clicklake.ingest.landing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void aFileNameIsAtMost255CharactersWithoutControlCharacters() {
        assertEquals(Optional.empty(), FileNames.problem("2019-Oct.csv"));
        assertEquals(Optional.empty(), FileNames.problem("é".repeat(255)));
        assertTrue(FileNames.problem("a".repeat(256)).orElseThrow().contains("more than 255"));
        assertTrue(FileNames.problem("a\u0000b").orElseThrow().contains("U+0000 at position 1"));
        assertTrue(FileNames.problem("a\u007Fb").orElseThrow().contains("U+007F"));
    }

    @Test
    void aZipEntryNameIsAPlainRelativeName() {
        assertEquals(Optional.empty(), FileNames.entryProblem("2019/Oct.csv"));
        assertEquals(Optional.empty(), FileNames.entryProblem("a..b.csv"));
        assertTrue(FileNames.entryProblem("../x.csv").orElseThrow().contains(".."));
        assertTrue(FileNames.entryProblem("a\\..\\..\\x.csv").orElseThrow().contains(".."));
        assertTrue(FileNames.entryProblem("/x.csv").orElseThrow().contains("absolute"));
        assertTrue(FileNames.entryProblem("C:/x.csv").orElseThrow().contains("absolute"));
        assertTrue(FileNames.entryProblem("a\nb.csv").orElseThrow().contains("U+000A"));
        assertTrue(FileNames.entryProblem("d/" + "x".repeat(300)).orElseThrow().contains("file name that is 300"));
        assertTrue(FileNames.entryProblem("").orElseThrow().contains("empty"));
    }
}
