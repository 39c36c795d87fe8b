package dev.clicklake.enrich.dedupe;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the listing of one event date's claim folder says: which claim versions exist, in order, which of
 * them are void, and which compactions of them exist ({@link ClaimCompactionFile}). A void without its claim
 * (never written by {@link ClaimVoids}) is ignored.
 */
record ClaimListing(List<ListedClaim> claims, List<ListedCompaction> compactions) {

    /** One claim object: its version, its path, and whether a void of it was listed beside it. */
    record ListedClaim(long version, String path, boolean voided) {
    }

    /** One compaction object: the claims 1..version. */
    record ListedCompaction(long version, String path) {
    }

    /**
     * Sorts the paths of one claim folder (any order) into claims and compactions; anything but a claim, a
     * void or a compaction is refused.
     */
    static ClaimListing of(List<String> paths) throws IOException {
        TreeMap<Long, String> claimPaths = new TreeMap<>();
        TreeMap<Long, String> compactionPaths = new TreeMap<>();
        Set<Long> voids = new TreeSet<>();
        for (String path : paths) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.endsWith(ClaimLayout.CLAIM_SUFFIX)) {
                claimPaths.put(version(path, name, ClaimLayout.CLAIM_SUFFIX), path);
            } else if (name.endsWith(ClaimLayout.VOID_SUFFIX)) {
                voids.add(version(path, name, ClaimLayout.VOID_SUFFIX));
            } else if (name.endsWith(ClaimLayout.COMPACTION_SUFFIX)) {
                compactionPaths.put(version(path, name, ClaimLayout.COMPACTION_SUFFIX), path);
            } else {
                throw new IOException("not a claim file: " + path);
            }
        }
        List<ListedClaim> claims = new ArrayList<>();
        claimPaths.forEach((version, path) -> claims.add(new ListedClaim(version, path, voids.contains(version))));
        List<ListedCompaction> compactions = new ArrayList<>();
        compactionPaths.forEach((version, path) -> compactions.add(new ListedCompaction(version, path)));
        return new ClaimListing(List.copyOf(claims), List.copyOf(compactions));
    }

    /** The highest claim version listed, 0 when there is none. */
    long lastVersion() {
        return claims.isEmpty() ? 0 : claims.get(claims.size() - 1).version();
    }

    /** Whether the claim {@code version} is listed with its void (claims are in version order). */
    boolean voided(long version) {
        int at = Collections.binarySearch(claims, new ListedClaim(version, "", false),
                Comparator.comparingLong(ListedClaim::version));
        return at >= 0 && claims.get(at).voided();
    }

    /** The compaction of the most claims, of those that hold no claim above {@code version}. */
    Optional<ListedCompaction> lastCompaction(long version) {
        return compactions.stream().filter(compaction -> compaction.version() <= version)
                .reduce((earlier, later) -> later);
    }

    private static long version(String path, String name, String suffix) throws IOException {
        try {
            return Long.parseLong(name.substring(0, name.length() - suffix.length()));
        } catch (NumberFormatException e) {
            throw new IOException("not a claim file: " + path, e);
        }
    }
}
