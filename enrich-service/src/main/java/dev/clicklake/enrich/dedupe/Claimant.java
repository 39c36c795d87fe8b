package dev.clicklake.enrich.dedupe;

/**
 * The split that claims events: {@code <ingestionId>/<split index>} in a claim's header, and
 * {@code <ingestionId>-<index, 5 digits>} where it names a folder.
 */
public record Claimant(String ingestionId, int index) {

    /** As claims record it. */
    @Override
    public String toString() {
        return ingestionId + "/" + index;
    }

    String folderName() {
        return ingestionId + "-" + String.format("%05d", index);
    }
}
