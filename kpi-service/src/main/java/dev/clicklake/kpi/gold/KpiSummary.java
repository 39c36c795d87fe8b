package dev.clicklake.kpi.gold;

import java.math.BigDecimal;
import java.time.LocalDate;
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

    /** Decimal places of money. */
    public static final int MONEY_SCALE = 2;

    /** The summary of [from, to) whose measures are {@code figures}. */
    public static KpiSummary of(String dataset, LocalDate from, LocalDate to, PeriodFigures figures) {
        long sessions = figures.sessions();
        long users = figures.users();
        BigDecimal durationSeconds = figures.sessionDurationSeconds();
        return new KpiSummary(dataset, from, to, figures.events(), figures.views(), figures.carts(), figures.removes(),
                figures.purchases(), figures.revenue(), users, sessions, figures.buyers(), figures.viewingSessions(),
                figures.cartingSessions(), figures.purchasingSessions(), figures.cartPurchaseSessions(),
                figures.sessionEvents(), figures.bouncedSessions(), durationSeconds,
                Ratio.of(figures.revenue(), figures.purchases(), MONEY_SCALE),
                Ratio.rate(figures.purchases(), sessions),
                Ratio.rate(figures.purchasingSessions(), sessions),
                Ratio.rate(figures.buyers(), users),
                Ratio.rate(figures.purchases(), figures.carts()),
                Ratio.complement(figures.cartPurchaseSessions(), figures.cartingSessions()),
                Ratio.rate(figures.carts(), figures.views()),
                Ratio.rate(figures.sessionEvents(), sessions),
                Ratio.rate(sessions, users),
                Ratio.of(durationSeconds, sessions, Ratio.RATE_SCALE),
                Ratio.rate(figures.bouncedSessions(), sessions));
    }
}
