package dev.clicklake.kpi.gold;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One member of a breakdown over a range (or the "other" row: every member not listed, together), exact. */
@Schema(description = "A member of a breakdown over [from, to), or the 'other' row that folds the members not listed")
public record BreakdownRow(
        @Schema(description = "The member (category, brand, or UTC hour 0-23); null on the 'other' row", example = "samsung") String member,
        @Schema(description = "Whether this row folds every member not listed", example = "false") boolean other,
        @Schema(description = "How many members the row holds: 1, or those folded into 'other'", example = "1") int members,
        @Schema(example = "5282813") long events,
        @Schema(example = "5039023") long views,
        @Schema(example = "141326") long carts,
        @Schema(example = "0") long removes,
        @Schema(example = "102464") long purchases,
        @Schema(description = "Sum of price over purchases", example = "26471852.53") BigDecimal revenue,
        @Schema(description = "Distinct users with an event of the member", example = "1080562") long users,
        @Schema(description = "Distinct sessions with an event of the member", example = "1769422") long sessions,
        @Schema(description = "Distinct users who purchased the member", example = "84931") long buyers,
        @Schema(description = "Sessions that carted the member", example = "101258") long cartingSessions,
        @Schema(description = "Sessions that purchased the member", example = "89025") long purchasingSessions,
        @Schema(description = "revenue / purchases", example = "258.35") BigDecimal avgPurchasePrice,
        @Schema(description = "purchases / sessions", example = "0.057908") BigDecimal conversionRate,
        @Schema(description = "purchasingSessions / sessions", example = "0.050313") BigDecimal sessionConversionRate,
        @Schema(description = "buyers / users", example = "0.078599") BigDecimal userConversionRate,
        @Schema(description = "purchases / carts", example = "0.725019") BigDecimal cartToPurchaseRate,
        @Schema(description = "carts / views", example = "0.028046") BigDecimal viewToCartRate) {

    /** The row of {@code figures}; ratios are null where their denominator is zero. */
    public static BreakdownRow of(MemberFigures figures, boolean other, int members) {
        long users = figures.users().getLongCardinality();
        long sessions = figures.sessions().getLongCardinality();
        long buyers = figures.buyers().getLongCardinality();
        long purchasingSessions = figures.purchasingSessions().getLongCardinality();
        return new BreakdownRow(other ? null : figures.member(), other, members, figures.events(), figures.views(),
                figures.carts(), figures.removes(), figures.purchases(), figures.revenue(), users, sessions, buyers,
                figures.cartingSessions().getLongCardinality(), purchasingSessions,
                Ratio.of(figures.revenue(), figures.purchases(), KpiSummary.MONEY_SCALE),
                Ratio.rate(figures.purchases(), sessions),
                Ratio.rate(purchasingSessions, sessions),
                Ratio.rate(buyers, users),
                Ratio.rate(figures.purchases(), figures.carts()),
                Ratio.rate(figures.carts(), figures.views()));
    }
}
