package dev.clicklake.kpi.store;

import dev.clicklake.kpi.gold.DailyKpi;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A row of the gold table {@code daily_kpi}; see {@link DailyKpi} for the meaning of each figure. */
@Entity
@Table(name = "daily_kpi")
@IdClass(DailyKpiEntity.Key.class)
public class DailyKpiEntity {

    /** The primary key: one row per dataset and day. */
    public record Key(String dataset, LocalDate eventDate) implements Serializable {
    }

    @Id
    public String dataset;

    @Id
    @Column(name = "event_date")
    public LocalDate eventDate;

    public long events;
    public long views;
    public long carts;
    public long removes;
    public long purchases;

    @Column(precision = 18, scale = 2)
    public BigDecimal revenue;

    public long users;
    public long sessions;

    static DailyKpiEntity of(DailyKpi kpi) {
        DailyKpiEntity row = new DailyKpiEntity();
        row.dataset = kpi.dataset();
        row.eventDate = kpi.eventDate();
        row.events = kpi.events();
        row.views = kpi.views();
        row.carts = kpi.carts();
        row.removes = kpi.removes();
        row.purchases = kpi.purchases();
        row.revenue = kpi.revenue();
        row.users = kpi.users();
        row.sessions = kpi.sessions();
        return row;
    }

    DailyKpi toKpi() {
        return new DailyKpi(dataset, eventDate, events, views, carts, removes, purchases, revenue, users, sessions);
    }
}
