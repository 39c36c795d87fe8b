package dev.clicklake.kpi.dashboard;

import java.util.Currency;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the dashboard needs to show the figures it reads: the currency of revenue and prices. */
@Schema(description = "How figures are shown")
public record DisplaySettings(
        @Schema(description = "ISO 4217 code of the currency revenue and prices are in", example = "USD") String currency) {

    /** The settings for {@code currencyCode}; an unknown code is refused here, naming the configuration key. */
    public static DisplaySettings of(String currencyCode) {
        try {
            return new DisplaySettings(Currency.getInstance(currencyCode).getCurrencyCode());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("clicklake.kpi.dashboard.currency: '" + currencyCode
                    + "' is not an ISO 4217 currency code (e.g. USD, EUR)", e);
        }
    }
}
