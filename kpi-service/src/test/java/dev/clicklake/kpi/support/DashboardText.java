package dev.clicklake.kpi.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * How the dashboard's README says figures are written, in Java (the JDK's CLDR locale data, independent of the
 * browser's): in the browser's language, counts whole with its thousands separators, money in the configured
 * currency with its decimals, rates as percentages to 2 decimals, other ratios to 2 decimals, each rounded half
 * away from zero; days as that language's date input writes them, months as its short month and year; null as a dash.
 */
public final class DashboardText {

    public static final String NONE = "—";
    /** How a date input writes a day in the languages the tests use (Chromium's, as a user sees them). */
    private static final Map<Locale, String> DATE_INPUT = Map.of(Locale.US, "MM/dd/yyyy", Locale.GERMANY, "dd.MM.yyyy");

    private final Locale locale;
    private final Currency currency;

    public DashboardText(Locale locale, Currency currency) {
        if (!DATE_INPUT.containsKey(locale)) {
            throw new IllegalArgumentException("no date input format known for " + locale + ": " + DATE_INPUT.keySet());
        }
        this.locale = locale;
        this.currency = currency;
    }

    /** The browser language tag, e.g. {@code de-DE}. */
    public String languageTag() {
        return locale.toLanguageTag();
    }

    public String count(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    public String money(BigDecimal value) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return written(format, value);
    }

    public String percent(BigDecimal rate) {
        return written(twoPlaces(NumberFormat.getPercentInstance(locale)), rate);
    }

    public String decimal(BigDecimal value) {
        return written(twoPlaces(NumberFormat.getNumberInstance(locale)), value);
    }

    public String day(LocalDate day) {
        return DateTimeFormatter.ofPattern(DATE_INPUT.get(locale), locale).format(day);
    }

    public String month(YearMonth month) {
        return DateTimeFormatter.ofPattern("MMM yyyy", locale).format(month);
    }

    private static NumberFormat twoPlaces(NumberFormat format) {
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format;
    }

    private static String written(NumberFormat format, BigDecimal value) {
        if (value == null) {
            return NONE;
        }
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
