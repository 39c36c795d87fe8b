package dev.clicklake.enrich.pipeline;

import dev.clicklake.contracts.event.RowCounts;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counts where the rows of one split went, for {@code silver-ready} and the metrics. */
public final class RowTally {

    private long rowsIn;
    private long duplicates;
    private final Map<Rule, Long> quarantined = new EnumMap<>(Rule.class);

    public void countIn() {
        rowsIn++;
    }

    /** Counts rows that are events another row already stands for (in this split, or written by another). */
    public void countDuplicates(long rows) {
        duplicates += rows;
    }

    public void countQuarantined(Rule rule) {
        quarantined.merge(rule, 1L, Long::sum);
    }

    public long rowsIn() {
        return rowsIn;
    }

    public long quarantined() {
        return quarantined.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The split's row accounting, once the writer has said how many cleaned rows it wrote.
     *
     * @throws IllegalArgumentException when rows in != written + duplicates + quarantined
     */
    public RowCounts counts(long written) {
        Map<String, Long> byRule = new LinkedHashMap<>();
        quarantined.forEach((rule, count) -> byRule.put(rule.id(), count));
        return new RowCounts(rowsIn, written, duplicates, quarantined(), byRule);
    }
}
