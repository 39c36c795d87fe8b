package dev.clicklake.kpi.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** A checked request for the daily rows of a dataset over the half-open day range [from, to). */
public record DailyQuery(String dataset, LocalDate from, LocalDate to) {

    /** Dataset names as the message contracts allow them. */
    private static final Pattern DATASET = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    /**
     * Reads the raw query parameters and checks them against {@code limits}.
     *
     * @throws InvalidParameterException naming the first parameter that is missing, wrong or beyond the limits
     */
    public static DailyQuery parse(String dataset, String from, String to, RequestLimits limits) {
        if (dataset == null || dataset.isBlank()) {
            throw new InvalidParameterException("dataset", "dataset is required");
        }
        checkDataset(dataset);
        LocalDate start = limits.day("from", date("from", from));
        LocalDate end = limits.day("to", date("to", to));
        if (!start.isBefore(end)) {
            throw new InvalidParameterException("from", "from (" + start + ") must be before to (" + end
                    + "); the range [from, to) excludes to");
        }
        limits.range(start, end);
        return new DailyQuery(dataset, start, end);
    }

    /**
     * Checks a dataset name.
     *
     * @throws InvalidParameterException when it is not one the message contracts allow
     */
    public static void checkDataset(String dataset) {
        if (dataset.length() > 63 || !DATASET.matcher(dataset).matches()) {
            throw new InvalidParameterException("dataset",
                    "dataset must be 1-63 characters of a-z, 0-9, '_' or '-', starting with a letter or digit");
        }
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException(name, name + " is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, name + " must be a date as YYYY-MM-DD, not '" + value + "'");
        }
    }
}
