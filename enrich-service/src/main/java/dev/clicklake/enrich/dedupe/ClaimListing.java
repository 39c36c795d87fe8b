package dev.clicklake.enrich.dedupe;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the listing of one event date's claim folder says: which claim versions exist, in order, and which
 * of them are void. A void without its claim (never written by {@link ClaimVoids}) is ignored.
 */
record ClaimListing(List<ListedClaim> claims) {

    /** One claim object: its version, its path, and whether a void of it was listed beside it. */
    record ListedClaim(long version, String path, boolean voided) {
    }

    /** Sorts the paths of one claim folder (any order) into claims; anything but a claim or a void is refused. */
    static ClaimListing of(List<String> paths) throws IOException {
        TreeMap<Long, String> claimPaths = new TreeMap<>();
        Set<Long> voids = new TreeSet<>();
        for (String path : paths) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.endsWith(ClaimLayout.CLAIM_SUFFIX)) {
                claimPaths.put(version(path, name, ClaimLayout.CLAIM_SUFFIX), path);
            } else if (name.endsWith(ClaimLayout.VOID_SUFFIX)) {
                voids.add(version(path, name, ClaimLayout.VOID_SUFFIX));
            } else {
                throw new IOException("not a claim file: " + path);
            }
        }
        List<ListedClaim> claims = new ArrayList<>();
        claimPaths.forEach((version, path) -> claims.add(new ListedClaim(version, path, voids.contains(version))));
        return new ClaimListing(List.copyOf(claims));
    }

    private static long version(String path, String name, String suffix) throws IOException {
        try {
            return Long.parseLong(name.substring(0, name.length() - suffix.length()));
        } catch (NumberFormatException e) {
            throw new IOException("not a claim file: " + path, e);
        }
    }
}
