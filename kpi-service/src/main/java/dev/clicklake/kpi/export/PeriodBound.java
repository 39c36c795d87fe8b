package dev.clicklake.kpi.export;

import dev.clicklake.kpi.rest.InvalidParameterException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A {@code from} or {@code to} bound of an export, as Power BI's RangeStart/RangeEnd send it: an ISO-8601 date, or a
 * date-time with or without an offset (without one it is UTC). Gold rows are UTC days (or months, by their first
 * day); a row belongs to [from, to) when its day starts at or after {@code from} and before {@code to}, so a bound
 * becomes the first day that starts at or after it.
 */
public final class PeriodBound {

    private PeriodBound() {
    }

    /**
     * The first UTC day starting at or after {@code value}.
     *
     * @throws InvalidParameterException naming {@code parameter} when the value is not such a date or date-time
     */
    public static LocalDate firstDayFrom(String parameter, String value) {
        try {
            Instant instant = instant(value);
            LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
            return day.atStartOfDay(ZoneOffset.UTC).toInstant().equals(instant) ? day : day.plusDays(1);
        } catch (DateTimeException e) {
            // a parse error, or a value past what java.time holds (year +999999999 with an offset)
            throw new InvalidParameterException(parameter, parameter + " must be an ISO-8601 date (2019-10-01) or date-time "
                    + "(2019-10-01T00:00:00, 2019-10-01T00:00:00+01:00), not '" + value + "'");
        }
    }

    private static Instant instant(String value) {
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
            return OffsetDateTime.parse(value).toInstant();
        }
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    }
}
