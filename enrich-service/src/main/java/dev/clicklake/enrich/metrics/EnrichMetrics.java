package dev.clicklake.enrich.metrics;

import dev.clicklake.contracts.event.RowCounts;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Row and split counters for Prometheus ({@code /q/metrics}): {@code clicklake_enrich_rows_in_total},
 * {@code _written_total}, {@code _duplicates_total}, {@code _quarantined_total{rule=...}},
 * {@code clicklake_enrich_splits_total}, the {@code clicklake_enrich_split_seconds} timer and
 * {@code clicklake_enrich_split_failures_total{kind=transient|deterministic|refused}} (one per failed attempt, so
 * retries and redeliveries are visible).
 * Rows count once, when a split's silver output is first committed; a redelivery that finds it committed
 * adds to the split timer only.
 */
@ApplicationScoped
public class EnrichMetrics {

    private final MeterRegistry registry;

    public EnrichMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void splitProcessed(Duration took) {
        registry.timer("clicklake.enrich.split").record(took);
    }

    /** One failed attempt at a split, of the kind given (a {@code SplitFailure} kind, or {@code refused}). */
    public void splitFailed(String kind) {
        registry.counter("clicklake.enrich.split.failures", "kind", kind).increment();
    }

    public void rowsCommitted(RowCounts counts) {
        registry.counter("clicklake.enrich.splits").increment();
        registry.counter("clicklake.enrich.rows.in").increment(counts.rowsIn());
        registry.counter("clicklake.enrich.rows.written").increment(counts.written());
        registry.counter("clicklake.enrich.rows.duplicates").increment(counts.duplicates());
        counts.quarantinedByRule().forEach((rule, rows) ->
                registry.counter("clicklake.enrich.rows.quarantined", "rule", rule).increment(rows));
    }
}
