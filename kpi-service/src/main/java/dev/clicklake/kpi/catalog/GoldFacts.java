package dev.clicklake.kpi.catalog;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What gold holds of a dataset.
 *
 * @param firstDay       its first day, or null when it has no gold
 * @param lastDay        its last day, or null
 * @param builtAt        when its dataset grain was last rebuilt, or null
 * @param rowsByRelation the dataset's rows in each table of {@link GoldCatalog#TABLES}, by relation
 */
public record GoldFacts(LocalDate firstDay, LocalDate lastDay, OffsetDateTime builtAt, Map<String, Long> rowsByRelation) {

    public GoldFacts {
        rowsByRelation = Map.copyOf(rowsByRelation);
    }
}
