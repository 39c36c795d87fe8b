package dev.clicklake.kpi.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a breakdown ranks its members and what one of its rows holds. */
class BreakdownRowTest {

    @Test
    void rankingIsLargestFirstThenByName() {
        MemberFigures a = member("a", 5, "1.00");
        MemberFigures b = member("b", 5, "9.00");
        MemberFigures c = member("c", 7, "2.00");

        assertEquals(List.of(c, a, b), List.of(a, b, c).stream().sorted(Ranking.EVENTS.order()).toList());
        assertEquals(List.of(b, c, a), List.of(a, b, c).stream().sorted(Ranking.REVENUE.order()).toList());
    }

    @Test
    void aMemberWithoutSessionsCartsOrPurchasesHasNullRatios() {
        MemberFigures member = new MemberFigures("nosession");
        member.addCounts(2, 2, 0, 0, 0, new BigDecimal("0.00"));
        member.addUser(42, false);

        BreakdownRow row = BreakdownRow.of(member, false, 1);

        assertEquals(1, row.users());
        assertEquals(0, row.sessions());
        assertEquals(null, row.conversionRate());
        assertEquals(null, row.cartToPurchaseRate());
        assertEquals(null, row.avgPurchasePrice());
        assertEquals(new BigDecimal("0.000000"), row.viewToCartRate());
    }

    private static MemberFigures member(String name, long events, String revenue) {
        MemberFigures member = new MemberFigures(name);
        member.addCounts(events, events, 0, 0, 0, new BigDecimal(revenue));
        return member;
    }
}
