package dev.clicklake.kpi.store;

import dev.clicklake.kpi.gold.DailyKpi;
import dev.clicklake.kpi.gold.DatasetSummary;
import dev.clicklake.kpi.gold.PeriodFigures;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Reads and replaces rows of {@code daily_kpi}. */
@ApplicationScoped
public class DailyKpiRepository implements PanacheRepositoryBase<DailyKpiEntity, DailyKpiEntity.Key> {

    /**
     * Serialises rebuilds of one (dataset, day) across threads and replicas until the current transaction
     * ends. The key is the dataset's {@link String#hashCode()} (stable across JVMs; a collision only
     * serialises two datasets' days) and the day's epoch number.
     */
    public void lockDay(String dataset, LocalDate date) {
        getEntityManager()
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(:dataset, :day)")
                .setParameter("dataset", dataset.hashCode())
                .setParameter("day", Math.toIntExact(date.toEpochDay()))
                .getSingleResult();
    }

    /** Makes {@code figures} the day's only row, or removes the day when it has no events; call inside a transaction. */
    public void replaceDay(String dataset, LocalDate date, Optional<PeriodFigures> figures) {
        delete("dataset = ?1 and eventDate = ?2", dataset, date);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        figures.map(day -> DailyKpiEntity.of(dataset, date, day, now)).ifPresent(this::persist);
        flush();
    }

    /** Up to {@code limit} days (of any dataset) built before gold v3, oldest first. */
    public List<DailyKpiEntity.Key> daysBeforeV3(int limit) {
        return find("viewingSessions is null", Sort.by("eventDate").and("dataset")).page(0, limit).list().stream()
                .map(row -> new DailyKpiEntity.Key(row.dataset, row.eventDate))
                .toList();
    }

    /** The datasets that have days but whose range corrections were never built (gold from before V11), by name. */
    @SuppressWarnings("unchecked")
    public List<String> datasetsWithoutRangeCorrections() {
        return getEntityManager().createNativeQuery("""
                SELECT DISTINCT d.dataset FROM daily_kpi d
                WHERE NOT EXISTS (SELECT 1 FROM range_corrections_built b WHERE b.dataset = d.dataset)
                ORDER BY d.dataset""", String.class).getResultList();
    }

    /** The days of {@code dataset} in [from, to), in date order. */
    public List<DailyKpi> daily(String dataset, LocalDate from, LocalDate to) {
        return list("dataset = ?1 and eventDate >= ?2 and eventDate < ?3", Sort.by("eventDate"), dataset, from, to)
                .stream()
                .map(DailyKpiEntity::toKpi)
                .toList();
    }

    /** Every dataset that has gold, by name. */
    public List<DatasetSummary> datasets() {
        return getEntityManager()
                .createQuery("""
                        select new dev.clicklake.kpi.gold.DatasetSummary(d.dataset, min(d.eventDate), max(d.eventDate), count(d))
                        from DailyKpiEntity d group by d.dataset order by d.dataset""", DatasetSummary.class)
                .getResultList();
    }
}
