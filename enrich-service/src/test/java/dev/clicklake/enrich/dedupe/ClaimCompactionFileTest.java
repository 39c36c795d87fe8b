package dev.clicklake.enrich.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compaction file format: sections copied from claims (or from an earlier compaction) and read back. */
class ClaimCompactionFileTest {

    private static final Claimant ONE = new Claimant("0f8fad5b-d9cb-469f-a165-70867728950e", 2);
    private static final Claimant TWO = new Claimant("7c9e6679-7425-40de-944b-e07fc1f90ae7", 0);

    @TempDir
    Path folder;

    private int files;

    /** One section as read back. */
    record Section(long version, boolean voided, String claimant, Set<Long> keys) {
    }

    @Test
    void holdsEveryClaimInVersionOrderAndNoKeysOfAVoidOne() throws IOException {
        Path compaction = folder.resolve("3.compact");
        try (ClaimCompactionFile.Writer out = new ClaimCompactionFile.Writer(compaction, 3)) {
            add(out, 1, false, ONE, 1, 2, 3);
            add(out, 2, true, TWO, 4, 5);
            add(out, 3, false, TWO);
        }

        assertEquals(List.of(new Section(1, false, ONE.toString(), Set.of(1L, 2L, 3L)),
                new Section(2, true, TWO.toString(), Set.of()),
                new Section(3, false, TWO.toString(), Set.of())), sections(compaction, 3));
    }

    @Test
    void aCompactionCopiedFromAnEarlierOneKeepsItsSectionsAndMarksTheClaimsVoidSince() throws IOException {
        Path earlier = folder.resolve("2.compact");
        try (ClaimCompactionFile.Writer out = new ClaimCompactionFile.Writer(earlier, 2)) {
            add(out, 1, false, ONE, 1, 2);
            add(out, 2, false, TWO, 3);
        }
        Path later = folder.resolve("3.compact");
        try (ClaimCompactionFile.Writer out = new ClaimCompactionFile.Writer(later, 3);
                InputStream in = Files.newInputStream(earlier)) {
            ClaimCompactionFile.read(in, 2, (version, voided, claim) -> out.add(version, voided || version == 1, claim));
            add(out, 3, false, ONE, 7);
        }

        assertEquals(List.of(new Section(1, true, ONE.toString(), Set.of()),
                new Section(2, false, TWO.toString(), Set.of(3L)),
                new Section(3, false, ONE.toString(), Set.of(7L))), sections(later, 3));
    }

    @Test
    void refusesClaimsOutOfOrderOrMissing() throws IOException {
        ClaimCompactionFile.Writer skipping = new ClaimCompactionFile.Writer(folder.resolve("a.compact"), 3);
        assertThrows(IOException.class, () -> add(skipping, 2, false, ONE, 1));

        ClaimCompactionFile.Writer stopping = new ClaimCompactionFile.Writer(folder.resolve("b.compact"), 3);
        add(stopping, 1, false, ONE, 1);
        assertThrows(IOException.class, stopping::close);
    }

    @Test
    void refusesACompactionOfOtherClaimsThanItsName() throws IOException {
        Path compaction = folder.resolve("1.compact");
        try (ClaimCompactionFile.Writer out = new ClaimCompactionFile.Writer(compaction, 1)) {
            add(out, 1, false, ONE, 1);
        }

        assertThrows(IOException.class, () -> sections(compaction, 2));
        assertThrows(IOException.class, () -> sections(claimFile(ONE, 1), 1)); // a claim is no compaction
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private void add(ClaimCompactionFile.Writer out, long version, boolean voided, Claimant claimant, long... keys)
            throws IOException {
        try (InputStream in = Files.newInputStream(claimFile(claimant, keys))) {
            out.add(version, voided, KeyClaimFile.input(in));
        }
    }

    private Path claimFile(Claimant claimant, long... keys) throws IOException {
        Path file = folder.resolve("claim-" + files++ + ".keys");
        KeyClaimFile.write(file, claimant.toString(), Keys.of(keys));
        return file;
    }

    private static List<Section> sections(Path compaction, long version) throws IOException {
        List<Section> sections = new ArrayList<>();
        try (InputStream in = Files.newInputStream(compaction)) {
            ClaimCompactionFile.read(in, version, (claimVersion, voided, claim) -> sections.add(section(claimVersion, voided, claim)));
        }
        return sections;
    }

    private static Section section(long version, boolean voided, DataInputStream claim) throws IOException {
        var keys = Keys.of();
        String claimant = KeyClaimFile.readFrom(claim, who -> keys::add);
        return new Section(version, voided, claimant, Keys.numbers(keys));
    }
}
