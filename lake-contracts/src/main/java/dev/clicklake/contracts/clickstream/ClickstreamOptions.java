package dev.clicklake.contracts.clickstream;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything that shapes a generated clickstream file. Defaults imitate the REES46 October 2019
 * file; build with {@link #builder()} or change one with {@link #toBuilder()}.
 *
 * @param seed                    same seed and options give a byte-identical file
 * @param rows                    complete data lines to write, duplicates and bad rows included
 * @param startDate               first day of the time window (UTC)
 * @param days                    length of the time window; every event falls inside it
 * @param cartShare               share of {@code cart} events among good rows
 * @param purchaseShare           share of {@code purchase} events among good rows
 * @param removeFromCartShare     share of {@code remove_from_cart} events (0 in REES46 electronics)
 * @param purchasesAfterCartShare share of purchases that follow a cart of the same product in the same session
 * @param eventsPerSession        mean events per session (long tail, a few sessions with thousands)
 * @param sessionsPerUser         mean sessions per user (long tail)
 * @param catalogSize             number of products
 * @param categoryCount           number of distinct {@code category_id} values
 * @param brandCount              number of distinct brands
 * @param emptyCategoryCodeShare  share of products whose category has no {@code category_code}
 * @param emptyBrandShare         share of products without a brand
 * @param zeroPriceViewShare      share of views that show a price of {@code 0.00}
 * @param duplicateShare          share of rows that are exact repeats of the row before them
 * @param emptySessionShare       share of sessions written with an empty {@code user_session}
 * @param multiUserSessionShare   share of sessions whose second half carries another {@code user_id}
 * @param longSessionShare        share of sessions lasting 24 to 48 hours
 * @param maxActiveSessions       bound on sessions in progress at once, and so on memory
 * @param badRows                 broken rows to inject among {@code rows}, cycling through {@link BadRowKind}
 * @param header                  write the header line first
 * @param lineEnding              LF or CRLF
 * @param finalNewline            end the last line with a line ending
 * @param cutLastLine             after {@code rows} lines, add one more line cut mid-field, without a line ending
 */
public record ClickstreamOptions(
        long seed,
        long rows,
        LocalDate startDate,
        int days,
        double cartShare,
        double purchaseShare,
        double removeFromCartShare,
        double purchasesAfterCartShare,
        double eventsPerSession,
        double sessionsPerUser,
        int catalogSize,
        int categoryCount,
        int brandCount,
        double emptyCategoryCodeShare,
        double emptyBrandShare,
        double zeroPriceViewShare,
        double duplicateShare,
        double emptySessionShare,
        double multiUserSessionShare,
        double longSessionShare,
        int maxActiveSessions,
        long badRows,
        boolean header,
        LineEnding lineEnding,
        boolean finalNewline,
        boolean cutLastLine) {

    public ClickstreamOptions {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(lineEnding, "lineEnding");
        require(rows >= 0, "rows must be >= 0");
        require(days >= 1 && days <= 3660, "days must be 1..3660");
        require(startDate.getYear() >= 1000 && startDate.plusDays(days).getYear() <= 9999,
                "the time window must lie within the years 1000..9999");
        share(cartShare, "cartShare");
        share(purchaseShare, "purchaseShare");
        share(removeFromCartShare, "removeFromCartShare");
        share(purchasesAfterCartShare, "purchasesAfterCartShare");
        require(cartShare + purchaseShare + removeFromCartShare < 1, "cart, purchase and remove_from_cart shares must sum below 1");
        require(purchasesAfterCartShare * purchaseShare + removeFromCartShare <= cartShare,
                "purchases after a cart plus removes from cart cannot outnumber carts");
        require(eventsPerSession >= 1 && eventsPerSession <= 100, "eventsPerSession must be 1..100");
        require(sessionsPerUser >= 1, "sessionsPerUser must be >= 1");
        require(catalogSize >= 1 && catalogSize <= 10_000_000, "catalogSize must be 1..10,000,000");
        require(categoryCount >= 2 && categoryCount <= 100_000, "categoryCount must be 2..100,000");
        require(brandCount >= 1 && brandCount <= 1_000_000, "brandCount must be 1..1,000,000");
        share(emptyCategoryCodeShare, "emptyCategoryCodeShare");
        share(emptyBrandShare, "emptyBrandShare");
        share(zeroPriceViewShare, "zeroPriceViewShare");
        require(duplicateShare >= 0 && duplicateShare < 0.5, "duplicateShare must be 0..0.5");
        share(emptySessionShare, "emptySessionShare");
        share(multiUserSessionShare, "multiUserSessionShare");
        share(longSessionShare, "longSessionShare");
        require(maxActiveSessions >= 1, "maxActiveSessions must be >= 1");
        require(badRows >= 0 && badRows <= rows, "badRows must be 0..rows");
    }

    /** The defaults: one million rows over October 2019, seed 46. */
    public static ClickstreamOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void share(double value, String name) {
        require(value >= 0 && value <= 1, name + " must be 0..1");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Mutable builder of {@link ClickstreamOptions}; see the record components for each setting. */
    public static final class Builder {
        private long seed = 46;
        private long rows = 1_000_000;
        private LocalDate startDate = LocalDate.of(2019, 10, 1);
        private int days = 31;
        private double cartShare = 0.022;
        private double purchaseShare = 0.0175;
        private double removeFromCartShare = 0;
        private double purchasesAfterCartShare = 0.70;
        private double eventsPerSession = 4.6;
        private double sessionsPerUser = 3.0;
        private int catalogSize = 167_000;
        private int categoryCount = 624;
        private int brandCount = 3_400;
        private double emptyCategoryCodeShare = 0.32;
        private double emptyBrandShare = 0.14;
        private double zeroPriceViewShare = 0.001;
        private double duplicateShare = 0.0007;
        private double emptySessionShare = 0.00001;
        private double multiUserSessionShare = 0.0005;
        private double longSessionShare = 0.0001;
        private int maxActiveSessions = 100_000;
        private long badRows = 0;
        private boolean header = true;
        private LineEnding lineEnding = LineEnding.LF;
        private boolean finalNewline = true;
        private boolean cutLastLine = false;

        private Builder() {
        }

        private Builder(ClickstreamOptions o) {
            seed = o.seed;
            rows = o.rows;
            startDate = o.startDate;
            days = o.days;
            cartShare = o.cartShare;
            purchaseShare = o.purchaseShare;
            removeFromCartShare = o.removeFromCartShare;
            purchasesAfterCartShare = o.purchasesAfterCartShare;
            eventsPerSession = o.eventsPerSession;
            sessionsPerUser = o.sessionsPerUser;
            catalogSize = o.catalogSize;
            categoryCount = o.categoryCount;
            brandCount = o.brandCount;
            emptyCategoryCodeShare = o.emptyCategoryCodeShare;
            emptyBrandShare = o.emptyBrandShare;
            zeroPriceViewShare = o.zeroPriceViewShare;
            duplicateShare = o.duplicateShare;
            emptySessionShare = o.emptySessionShare;
            multiUserSessionShare = o.multiUserSessionShare;
            longSessionShare = o.longSessionShare;
            maxActiveSessions = o.maxActiveSessions;
            badRows = o.badRows;
            header = o.header;
            lineEnding = o.lineEnding;
            finalNewline = o.finalNewline;
            cutLastLine = o.cutLastLine;
        }

        public Builder seed(long value) { seed = value; return this; }
        public Builder rows(long value) { rows = value; return this; }
        public Builder startDate(LocalDate value) { startDate = value; return this; }
        public Builder days(int value) { days = value; return this; }
        public Builder cartShare(double value) { cartShare = value; return this; }
        public Builder purchaseShare(double value) { purchaseShare = value; return this; }
        public Builder removeFromCartShare(double value) { removeFromCartShare = value; return this; }
        public Builder purchasesAfterCartShare(double value) { purchasesAfterCartShare = value; return this; }
        public Builder eventsPerSession(double value) { eventsPerSession = value; return this; }
        public Builder sessionsPerUser(double value) { sessionsPerUser = value; return this; }
        public Builder catalogSize(int value) { catalogSize = value; return this; }
        public Builder categoryCount(int value) { categoryCount = value; return this; }
        public Builder brandCount(int value) { brandCount = value; return this; }
        public Builder emptyCategoryCodeShare(double value) { emptyCategoryCodeShare = value; return this; }
        public Builder emptyBrandShare(double value) { emptyBrandShare = value; return this; }
        public Builder zeroPriceViewShare(double value) { zeroPriceViewShare = value; return this; }
        public Builder duplicateShare(double value) { duplicateShare = value; return this; }
        public Builder emptySessionShare(double value) { emptySessionShare = value; return this; }
        public Builder multiUserSessionShare(double value) { multiUserSessionShare = value; return this; }
        public Builder longSessionShare(double value) { longSessionShare = value; return this; }
        public Builder maxActiveSessions(int value) { maxActiveSessions = value; return this; }
        public Builder badRows(long value) { badRows = value; return this; }
        public Builder header(boolean value) { header = value; return this; }
        public Builder lineEnding(LineEnding value) { lineEnding = value; return this; }
        public Builder finalNewline(boolean value) { finalNewline = value; return this; }
        public Builder cutLastLine(boolean value) { cutLastLine = value; return this; }

        /** @throws IllegalArgumentException when a setting is out of range */
        public ClickstreamOptions build() {
            return new ClickstreamOptions(seed, rows, startDate, days, cartShare, purchaseShare, removeFromCartShare,
                    purchasesAfterCartShare, eventsPerSession, sessionsPerUser, catalogSize, categoryCount, brandCount,
                    emptyCategoryCodeShare, emptyBrandShare, zeroPriceViewShare, duplicateShare, emptySessionShare,
                    multiUserSessionShare, longSessionShare, maxActiveSessions, badRows, header, lineEnding,
                    finalNewline, cutLastLine);
        }
    }
}
