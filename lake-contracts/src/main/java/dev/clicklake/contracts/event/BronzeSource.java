package dev.clicklake.contracts.event;

/**
 * The whole bronze object a split was read from, as its {@code bronze-landed} named it: carried on by
 * {@code silver-ready} (since 1.1) so that services downstream of silver can describe bronze without reading it.
 *
 * @param bytes      size of the whole object
 * @param rows       its data rows (lines after the header)
 * @param sourceName the file name as received
 * @param sourceUri  where it came from, credentials removed; null for uploads
 */
public record BronzeSource(long bytes, long rows, String sha256, String sourceName, String sourceUri) {

    /** The bronze object {@code landed} names. */
    public static BronzeSource of(BronzeLanded landed) {
        return new BronzeSource(landed.file().bytes(), landed.file().rows(), landed.file().sha256(), landed.sourceName(),
                landed.sourceUri());
    }
}
