package dev.clicklake.kpi.support;

import java.math.BigDecimal;
import java.time.Instant;

/** One silver event as a test writes it; user_session may be null. */
public record SilverRow(Instant eventTime, String eventType, long productId, long categoryId, String categoryCode,
        String brand, BigDecimal price, long userId, String userSession) {
}
