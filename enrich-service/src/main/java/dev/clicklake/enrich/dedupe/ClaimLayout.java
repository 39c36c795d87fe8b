package dev.clicklake.enrich.dedupe;

import java.time.LocalDate;

/**
 * Where the dedupe state of a dataset lives in the silver container, under {@code <dataset>/_event-keys/}:
 * <ul>
 *   <li>{@code event_date=<date>/<version, 10 digits>.keys}: the numbered claims on one event date
 *       ({@link KeyClaimFile});</li>
 *   <li>{@code event_date=<date>/<version>.void}: the void of that claim ({@link ClaimVoids}): its keys no
 *       longer count;</li>
 *   <li>{@code event_date=<date>/<version>.compact}: claims 1..version in one object
 *       ({@link ClaimCompactionFile}), so that a reader opens it instead of each of them;</li>
 *   <li>{@code splits/<ingestionId>-<index, 5 digits>/<content hash>.dates}: the event dates a split is
 *       about to claim ({@link ClaimedDatesFile}), so that its claims can be found without its bronze.</li>
 * </ul>
 */
final class ClaimLayout {

    static final String CLAIM_SUFFIX = ".keys";
    static final String VOID_SUFFIX = ".void";
    static final String COMPACTION_SUFFIX = ".compact";

    private ClaimLayout() {
    }

    /** The folder of the claims (and voids) on one event date. */
    static String datePrefix(String dataset, LocalDate eventDate) {
        return dataset + "/_event-keys/event_date=" + eventDate + "/";
    }

    static String claimName(long version) {
        return versionText(version) + CLAIM_SUFFIX;
    }

    static String voidName(long version) {
        return versionText(version) + VOID_SUFFIX;
    }

    static String compactionName(long version) {
        return versionText(version) + COMPACTION_SUFFIX;
    }

    /** The folder of the date lists of one split. */
    static String splitDatesPrefix(String dataset, Claimant claimant) {
        return dataset + "/_event-keys/splits/" + claimant.folderName() + "/";
    }

    private static String versionText(long version) {
        return String.format("%010d", version);
    }
}
