package dev.clicklake.contracts.clickstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ClickstreamOptionsTest {

    @Test
    void defaultsImitateOctober2019() {
        ClickstreamOptions defaults = ClickstreamOptions.defaults();
        assertEquals(LocalDate.of(2019, 10, 1), defaults.startDate());
        assertEquals(31, defaults.days());
        assertEquals(0.022, defaults.cartShare());
        assertEquals(0.0175, defaults.purchaseShare());
        assertEquals(0, defaults.removeFromCartShare());
        assertEquals(0.70, defaults.purchasesAfterCartShare());
        assertEquals(0.0007, defaults.duplicateShare());
        assertTrue(defaults.header() && defaults.finalNewline() && !defaults.cutLastLine());
        assertEquals(LineEnding.LF, defaults.lineEnding());
    }

    @Test
    void toBuilderKeepsEverySettingAndChangesOnlyWhatIsSet() {
        ClickstreamOptions options = ClickstreamOptions.builder().seed(3).rows(10).badRows(2).lineEnding(LineEnding.CRLF)
                .cutLastLine(true).header(false).build();
        assertEquals(options, options.toBuilder().build());
        ClickstreamOptions reseeded = options.toBuilder().seed(4).build();
        assertEquals(4, reseeded.seed());
        assertEquals(options, reseeded.toBuilder().seed(3).build());
    }

    @Test
    void impossibleSettingsAreRejectedWithTheirName() {
        assertMessage("rows must be >= 0", ClickstreamOptions.builder().rows(-1));
        assertMessage("days must be 1..3660", ClickstreamOptions.builder().days(0));
        assertMessage("the time window must lie within the years 1000..9999",
                ClickstreamOptions.builder().startDate(LocalDate.of(9999, 12, 1)).days(31));
        assertMessage("cartShare must be 0..1", ClickstreamOptions.builder().cartShare(1.5));
        assertMessage("purchases after a cart plus removes from cart cannot outnumber carts",
                ClickstreamOptions.builder().cartShare(0.01).purchaseShare(0.05).purchasesAfterCartShare(0.5));
        assertMessage("eventsPerSession must be 1..100", ClickstreamOptions.builder().eventsPerSession(0.5));
        assertMessage("categoryCount must be 2..100,000", ClickstreamOptions.builder().categoryCount(1));
        assertMessage("badRows must be 0..rows", ClickstreamOptions.builder().rows(5).badRows(6));
    }

    private static void assertMessage(String message, ClickstreamOptions.Builder builder) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, builder::build).getMessage());
    }
}
