package dev.clicklake.kpi.gold;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Every KPI card of one dataset over [from, to), with the additive numerators and denominators they are
 * computed from. Ratios are null when their denominator is zero.
 */
@Schema(description = "KPI cards of a dataset over [from, to), exact, with their numerators and denominators")
public record KpiSummary(
        @Schema(example = "rees46") String dataset,
        @Schema(example = "2019-10-01") LocalDate from,
        @Schema(description = "Excluded", example = "2019-11-01") LocalDate to,
        @Schema(example = "42448764") long events,
        @Schema(example = "40779399") long views,
        @Schema(example = "926516") long carts,
        @Schema(example = "0") long removes,
        @Schema(example = "742849") long purchases,
        @Schema(description = "Sum of price over purchases", example = "229335875.93") BigDecimal revenue,
        @Schema(description = "Distinct user_id", example = "3022290") long users,
        @Schema(description = "Distinct non-null user_session", example = "9244421") long sessions,
        @Schema(description = "Distinct users with a purchase", example = "347118") long buyers,
        @Schema(description = "Sessions with a view", example = "9232890") long viewingSessions,
        @Schema(description = "Sessions with a cart", example = "589430") long cartingSessions,
        @Schema(description = "Sessions with a purchase", example = "491398") long purchasingSessions,
        @Schema(description = "Sessions with both a cart and a purchase", example = "270081") long cartingAndPurchasingSessions,
        @Schema(description = "Events that have a session", example = "42448762") long sessionEvents,
        @Schema(description = "Sessions with exactly one event in the range", example = "2917351") long bouncedSessions,
        @Schema(description = "Sum over sessions of (last - first event time in the range), seconds",
                example = "2520839510.000000") BigDecimal sessionDurationSeconds,
        @Schema(description = "revenue / purchases", example = "308.72") BigDecimal avgPurchasePrice,
        @Schema(description = "purchases / sessions", example = "0.080357") BigDecimal conversionRate,
        @Schema(description = "purchasingSessions / sessions", example = "0.053156") BigDecimal sessionConversionRate,
        @Schema(description = "buyers / users", example = "0.114853") BigDecimal userConversionRate,
        @Schema(description = "purchases / carts", example = "0.801766") BigDecimal cartToPurchaseRate,
        @Schema(description = "1 - cartingAndPurchasingSessions / cartingSessions", example = "0.541793") BigDecimal cartAbandonmentRate,
        @Schema(description = "carts / views", example = "0.022720") BigDecimal viewToCartRate,
        @Schema(description = "sessionEvents / sessions", example = "4.591864") BigDecimal eventsPerSession,
        @Schema(description = "sessions / users", example = "3.058715") BigDecimal sessionsPerUser,
        @Schema(description = "sessionDurationSeconds / sessions", example = "272.684032") BigDecimal avgSessionDurationS,
        @Schema(description = "bouncedSessions / sessions", example = "0.315584") BigDecimal bounceRate) {

    private static final int MONEY_SCALE = 2;

    /**
     * The summary of {@code days} (the daily rows of the range), {@code ids} (their merged id sets) and the
     * range's session {@code timing}.
     */
    public static KpiSummary of(String dataset, LocalDate from, LocalDate to, List<DailyKpi> days, IdSets ids,
            SessionTiming timing) {
        long events = 0;
        long views = 0;
        long carts = 0;
        long removes = 0;
        long purchases = 0;
        BigDecimal revenue = new BigDecimal("0.00");
        for (DailyKpi day : days) {
            events += day.events();
            views += day.views();
            carts += day.carts();
            removes += day.removes();
            purchases += day.purchases();
            revenue = revenue.add(day.revenue());
        }
        long sessions = ids.sessions().getLongCardinality();
        long users = ids.users().getLongCardinality();
        long buyers = ids.buyers().getLongCardinality();
        long purchasingSessions = ids.purchasingSessions().getLongCardinality();
        long cartingSessions = ids.cartingSessions().getLongCardinality();
        long cartingAndPurchasing = ids.cartingAndPurchasingSessions();
        BigDecimal durationSeconds = timing.durationSeconds();
        return new KpiSummary(dataset, from, to, events, views, carts, removes, purchases, revenue, users, sessions,
                buyers, ids.viewingSessions().getLongCardinality(), cartingSessions, purchasingSessions,
                cartingAndPurchasing, ids.sessionEvents(), timing.bouncedSessions(), durationSeconds,
                Ratio.of(revenue, purchases, MONEY_SCALE),
                Ratio.rate(purchases, sessions),
                Ratio.rate(purchasingSessions, sessions),
                Ratio.rate(buyers, users),
                Ratio.rate(purchases, carts),
                Ratio.complement(cartingAndPurchasing, cartingSessions),
                Ratio.rate(carts, views),
                Ratio.rate(ids.sessionEvents(), sessions),
                Ratio.rate(sessions, users),
                Ratio.of(durationSeconds, sessions, Ratio.RATE_SCALE),
                Ratio.rate(timing.bouncedSessions(), sessions));
    }
}
