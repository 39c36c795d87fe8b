package dev.clicklake.kpi.store;

import dev.clicklake.kpi.gold.DailyKpi;
import dev.clicklake.kpi.gold.PeriodFigures;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

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

    // gold v3: null on a day built before v3, until the startup backfill rebuilds it
    public Long buyers;
    @Column(name = "viewing_sessions")
    public Long viewingSessions;
    @Column(name = "carting_sessions")
    public Long cartingSessions;
    @Column(name = "purchasing_sessions")
    public Long purchasingSessions;
    @Column(name = "cart_purchase_sessions")
    public Long cartPurchaseSessions;
    @Column(name = "funnel_cart_sessions")
    public Long funnelCartSessions;
    @Column(name = "funnel_purchase_sessions")
    public Long funnelPurchaseSessions;
    @Column(name = "session_events")
    public Long sessionEvents;
    @Column(name = "session_duration_us")
    public Long sessionDurationUs;
    @Column(name = "bounced_sessions")
    public Long bouncedSessions;
    @Column(name = "built_at")
    public OffsetDateTime builtAt;

    static DailyKpiEntity of(String dataset, LocalDate date, PeriodFigures day, OffsetDateTime builtAt) {
        DailyKpiEntity row = new DailyKpiEntity();
        row.dataset = dataset;
        row.eventDate = date;
        row.events = day.events();
        row.views = day.views();
        row.carts = day.carts();
        row.removes = day.removes();
        row.purchases = day.purchases();
        row.revenue = day.revenue();
        row.users = day.users();
        row.sessions = day.sessions();
        row.buyers = day.buyers();
        row.viewingSessions = day.viewingSessions();
        row.cartingSessions = day.cartingSessions();
        row.purchasingSessions = day.purchasingSessions();
        row.cartPurchaseSessions = day.cartPurchaseSessions();
        row.funnelCartSessions = day.funnelCartSessions();
        row.funnelPurchaseSessions = day.funnelPurchaseSessions();
        row.sessionEvents = day.sessionEvents();
        row.sessionDurationUs = day.sessionDurationMicros();
        row.bouncedSessions = day.bouncedSessions();
        row.builtAt = builtAt;
        return row;
    }

    DailyKpi toKpi() {
        return new DailyKpi(dataset, eventDate, events, views, carts, removes, purchases, revenue, users, sessions);
    }
}
