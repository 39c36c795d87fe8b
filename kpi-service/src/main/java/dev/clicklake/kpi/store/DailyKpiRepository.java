package dev.clicklake.kpi.store;

import dev.clicklake.kpi.gold.DailyKpi;
import dev.clicklake.kpi.gold.DatasetSummary;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
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

    /** Makes {@code kpi} the day's only row, or removes the day when it has no events; call inside a transaction. */
    public void replaceDay(String dataset, LocalDate date, Optional<DailyKpi> kpi) {
        delete("dataset = ?1 and eventDate = ?2", dataset, date);
        kpi.map(DailyKpiEntity::of).ifPresent(this::persist);
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
