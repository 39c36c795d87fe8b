package dev.clicklake.kpi.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** The dashboard's currency is an ISO 4217 code, or the service does not start, saying which key and why. */
class DisplaySettingsTest {

    @Test
    void takesEveryIso4217Code() {
        Currency.getAvailableCurrencies().forEach(currency ->
                assertEquals(currency.getCurrencyCode(), DisplaySettings.of(currency.getCurrencyCode()).currency()));
    }

    @Test
    void refusesWhatIsNotAnIso4217CodeNamingTheKey() {
        for (String wrong : Arrays.asList("", "usd", "US", "EURO", "€", null)) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> DisplaySettings.of(wrong));
            assertTrue(refused.getMessage().startsWith("clicklake.kpi.dashboard.currency: '" + wrong + "'"), refused::getMessage);
        }
    }
}
