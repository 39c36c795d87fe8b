package dev.clicklake.kpi.gold;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The views -> carts -> purchases funnel of a range, by sessions, with the event counts beside it. */
@Schema(description = "Session funnel over [from, to): sessions with a view, of those with a cart, of those with a purchase")
public record Funnel(
        @Schema(example = "rees46") String dataset,
        @Schema(example = "2019-10-01") LocalDate from,
        @Schema(description = "Excluded", example = "2019-11-01") LocalDate to,
        @Schema(description = "Sessions with a view", example = "9232890") long viewingSessions,
        @Schema(description = "Sessions with a view and a cart", example = "585263") long viewingCartingSessions,
        @Schema(description = "Sessions with a view, a cart and a purchase", example = "268210") long viewingCartingPurchasingSessions,
        @Schema(example = "40779399") long views,
        @Schema(example = "926516") long carts,
        @Schema(example = "742849") long purchases,
        @Schema(description = "viewingCartingSessions / viewingSessions", example = "0.063390") BigDecimal viewToCartSessionRate,
        @Schema(description = "viewingCartingPurchasingSessions / viewingCartingSessions", example = "0.458273") BigDecimal cartToPurchaseSessionRate) {

    /** The funnel of [from, to) whose measures are {@code figures}. */
    public static Funnel of(String dataset, LocalDate from, LocalDate to, PeriodFigures figures) {
        return new Funnel(dataset, from, to, figures.viewingSessions(), figures.funnelCartSessions(),
                figures.funnelPurchaseSessions(), figures.views(), figures.carts(), figures.purchases(),
                Ratio.rate(figures.funnelCartSessions(), figures.viewingSessions()),
                Ratio.rate(figures.funnelPurchaseSessions(), figures.funnelCartSessions()));
    }
}
