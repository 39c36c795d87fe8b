package dev.clicklake.enrich.dedupe;

import java.time.LocalDate;
import java.util.List;

/**
 * What voiding a dead-lettered split's claims did.
 *
 * @param voided the dates whose claim of the split is now void (its events free for another split)
 * @param keptWritten the dates whose claim stays, because the split's events file of that date is in silver
 */
public record VoidedClaims(List<LocalDate> voided, List<LocalDate> keptWritten) {

    public boolean isEmpty() {
        return voided.isEmpty() && keptWritten.isEmpty();
    }
}
