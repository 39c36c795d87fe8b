package dev.clicklake.kpi.export;

import dev.clicklake.kpi.catalog.GoldTable;
import dev.clicklake.kpi.query.GoldQuery;
import dev.clicklake.kpi.query.SqlFragment;
import dev.clicklake.kpi.rest.DailyQuery;
import dev.clicklake.kpi.rest.InvalidParameterException;
import dev.clicklake.kpi.rest.RequestLimits;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The query of {@code /export/{table}.*}: every served column of the table, in key order, restricted by the
 * optional {@code dataset}, {@code from} and {@code to} parameters.
 */
public final class ExportRequest {

    /** What {@code dataset} does, for the API description. */
    public static final String DATASET = "Only this dataset's rows (all datasets when absent)";
    /** What {@code from} does, for the API description. */
    public static final String FROM = "Rows from this UTC day on (a month row by its first day): an ISO-8601 date "
            + "(2019-10-01) or date-time (2019-10-01T00:00:00, offset optional, UTC without one); a date-time past midnight "
            + "counts from the next day. Only tables with a date column.";
    /** What {@code to} does, for the API description. */
    public static final String TO = "Rows before this UTC day (excluded), written as from; from must be before to.";
    private static final Set<String> PARAMETERS = Set.of("dataset", "from", "to");

    private ExportRequest() {
    }

    /**
     * Checks the query parameters (days within {@code limits}; an export may span any number of them: it streams)
     * and builds the query.
     *
     * @throws InvalidParameterException for an unknown, repeated, malformed or out-of-range parameter, or
     *     {@code from >= to}
     */
    public static GoldQuery parse(GoldTable table, Map<String, List<String>> parameters, RequestLimits limits) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!PARAMETERS.contains(name)) {
                throw new InvalidParameterException(name, "unknown parameter '" + name + "'; an export reads only dataset, "
                        + "from and to");
            }
            if (parameter.getValue().size() != 1) {
                throw new InvalidParameterException(name, name + " may be given once");
            }
        }
        Optional<String> dataset = single(parameters, "dataset");
        Optional<LocalDate> from = single(parameters, "from").map(v -> limits.day("from", PeriodBound.firstDayFrom("from", v)));
        Optional<LocalDate> to = single(parameters, "to").map(v -> limits.day("to", PeriodBound.firstDayFrom("to", v)));
        dataset.ifPresent(DailyQuery::checkDataset);
        if ((from.isPresent() || to.isPresent()) && table.periodColumn().isEmpty()) {
            throw new InvalidParameterException(from.isPresent() ? "from" : "to",
                    table.exportName() + " has no date column; it takes dataset only");
        }
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new InvalidParameterException("from", "from must be before to (the first days they reach are "
                    + from.get() + " and " + to.get() + "); the range [from, to) excludes to");
        }

        Optional<SqlFragment> filter = Optional.empty();
        filter = and(filter, dataset.map(d -> SqlFragment.param(d).wrap("dataset = ", "", false)));
        String period = table.periodColumn().orElse(null);
        filter = and(filter, from.map(d -> SqlFragment.param(d).wrap(period + " >= ", "", false)));
        filter = and(filter, to.map(d -> SqlFragment.param(d).wrap(period + " < ", "", false)));
        return new GoldQuery(table, table.columns(), filter, GoldQuery.totalOrder(table, List.of()), Optional.empty(), 0,
                OptionalLong.empty());
    }

    private static Optional<String> single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null) {
            return Optional.empty();
        }
        if (values.get(0).isBlank()) {
            throw new InvalidParameterException(name, name + " is empty");
        }
        return Optional.of(values.get(0));
    }

    private static Optional<SqlFragment> and(Optional<SqlFragment> left, Optional<SqlFragment> right) {
        if (left.isPresent() && right.isPresent()) {
            return Optional.of(left.get().and(right.get()));
        }
        return left.isPresent() ? left : right;
    }
}
