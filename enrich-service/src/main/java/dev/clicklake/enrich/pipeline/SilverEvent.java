package dev.clicklake.enrich.pipeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One cleaned clickstream event, as silver stores it (silver-events/1).
 *
 * @param priceCents the price in hundredths (exact: DECIMAL(12,2) in silver)
 * @param userSession null when the source row had none
 */
public record SilverEvent(
        Instant eventTime,
        String eventType,
        long productId,
        long categoryId,
        String categoryCode,
        String mainCategory,
        String subCategory,
        String itemCategory,
        String brand,
        long priceCents,
        long userId,
        String userSession) {

    private static final int SECONDS_PER_DAY = 86_400;

    public BigDecimal price() {
        return BigDecimal.valueOf(priceCents, 2);
    }

    /** The UTC date of the event: silver's partition. */
    public LocalDate eventDate() {
        return LocalDate.ofEpochDay(Math.floorDiv(eventTime.getEpochSecond(), SECONDS_PER_DAY));
    }

    /** The UTC hour of the event, 0..23. */
    public int eventHour() {
        return (int) (Math.floorMod(eventTime.getEpochSecond(), SECONDS_PER_DAY) / 3600);
    }
}
