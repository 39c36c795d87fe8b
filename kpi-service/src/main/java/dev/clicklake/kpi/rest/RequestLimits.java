package dev.clicklake.kpi.rest;

import dev.clicklake.kpi.config.KpiConfig;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The days a request may name and the longest range it may ask for: beyond them a request is a 400 naming the
 * parameter, before any loop or allocation sized by the range runs (a month per element of {@code /kpi/monthly}).
 *
 * @param earliestDay the first day a {@code from} or {@code to} may be
 * @param latestDay the last day a {@code from} or {@code to} may be
 * @param maxRangeDays the most days a range [from, to) of the KPI endpoints may hold
 */
public record RequestLimits(LocalDate earliestDay, LocalDate latestDay, int maxRangeDays) {

    public RequestLimits {
        if (!earliestDay.isBefore(latestDay) || maxRangeDays < 1) {
            throw new IllegalArgumentException("request limits need earliest-day < latest-day and max-range-days >= 1");
        }
    }

    /** The limits {@code clicklake.kpi.limits.*} configure. */
    public static RequestLimits of(KpiConfig.Limits config) {
        return new RequestLimits(config.earliestDay(), config.latestDay(), config.maxRangeDays());
    }

    /**
     * Checks one day.
     *
     * @throws InvalidParameterException naming {@code parameter} when it is outside [earliestDay, latestDay]
     */
    public LocalDate day(String parameter, LocalDate day) {
        if (day.isBefore(earliestDay) || day.isAfter(latestDay)) {
            throw new InvalidParameterException(parameter, parameter + " (" + day + ") must be from " + earliestDay
                    + " to " + latestDay);
        }
        return day;
    }

    /**
     * Checks the length of [from, to).
     *
     * @throws InvalidParameterException naming {@code to} when the range holds more than {@link #maxRangeDays} days
     */
    public void range(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days > maxRangeDays) {
            throw new InvalidParameterException("to", "the range [from, to) holds " + days + " days; at most "
                    + maxRangeDays + " may be asked for at once");
        }
    }
}
