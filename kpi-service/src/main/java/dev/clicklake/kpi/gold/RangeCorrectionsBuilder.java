package dev.clicklake.kpi.gold;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * Builds the {@link RangeCorrections} of a dataset from its days' id sets ({@link DaySets}), one day's sets in
 * memory at a time, in one of two ways:
 * <ul>
 * <li>{@link #all}: two passes over the days in date order. Users and buyers seen again after an earlier day give
 * their corrections ({@link ReturningIds}); sessions seen again are collected (the multi-day sessions), then each
 * one's days give its corrections ({@link MultiDaySession}). Memory: one bitmap entry per distinct user and session
 * of the dataset, plus the days of its multi-day sessions.</li>
 * <li>{@link #endingOnOrAfter}: only the pairs whose last day is one of the given days, each from a scan back over
 * the earlier days. A pair (a, b) depends only on the days a..b, so after days changed, the pairs ending before
 * the first changed day stay as they are: adding a day after the others costs one scan back, not a rebuild.
 * Memory: one day's sets and the ids of the day being paired.</li>
 * </ul>
 */
public final class RangeCorrectionsBuilder {

    private final DaySets sets;

    public RangeCorrectionsBuilder(DaySets sets) {
        this.sets = sets;
    }

    /** Every pair of {@code days} (ascending). */
    public RangeCorrections all(List<LocalDate> days) throws SQLException {
        RangeCorrections corrections = new RangeCorrections();
        ReturningIds users = new ReturningIds();
        ReturningIds buyers = new ReturningIds();
        ReturningIds sessions = new ReturningIds();
        Roaring64NavigableMap multiDaySessions = new Roaring64NavigableMap();
        for (LocalDate date : days) {
            long day = date.toEpochDay();
            IdSets daySets = sets.day(date);
            users.add(day, daySets.users(), (previous, ids) -> corrections.add(previous, day, CorrectedMeasure.USERS, -ids));
            buyers.add(day, daySets.buyers(), (previous, ids) -> corrections.add(previous, day, CorrectedMeasure.BUYERS, -ids));
            multiDaySessions.or(sessions.add(day, daySets.sessions(), (previous, ids) -> { }));
        }
        if (!multiDaySessions.isEmpty()) {
            Map<Long, List<SessionDay>> sessionDays = new HashMap<>();
            for (LocalDate date : days) {
                collectSessionDays(date, sets.day(date), multiDaySessions, sessionDays);
            }
            for (List<SessionDay> session : sessionDays.values()) {
                MultiDaySession.correct(session, corrections);
            }
        }
        return corrections;
    }

    /**
     * The pairs of {@code days} (ascending, every day of the dataset) whose last day is {@code from} or later:
     * with the stored pairs that end before {@code from}, every pair of the dataset.
     */
    public RangeCorrections endingOnOrAfter(List<LocalDate> days, LocalDate from) throws SQLException {
        RangeCorrections corrections = new RangeCorrections();
        for (int last = 0; last < days.size(); last++) {
            if (!days.get(last).isBefore(from)) {
                addPairsEndingAt(days, last, corrections);
            }
        }
        return corrections;
    }

    /** The pairs (a, days[last]) for every earlier day a: a scan back from the day before. */
    private void addPairsEndingAt(List<LocalDate> days, int last, RangeCorrections out) throws SQLException {
        LocalDate lastDate = days.get(last);
        long lastDay = lastDate.toEpochDay();
        IdSets lastSets = sets.day(lastDate);
        Roaring64NavigableMap users = copy(lastSets.users());
        Roaring64NavigableMap buyers = copy(lastSets.buyers());
        Roaring64NavigableMap sessionsSeenBefore = new Roaring64NavigableMap();
        Map<Long, List<SessionDay>> sessionDays = new HashMap<>();
        for (int i = last - 1; i >= 0; i--) {
            LocalDate date = days.get(i);
            long day = date.toEpochDay();
            IdSets earlier = sets.day(date);
            // the ids of the last day whose latest earlier sighting is this day
            out.add(day, lastDay, CorrectedMeasure.USERS, -takeShared(users, earlier.users()));
            out.add(day, lastDay, CorrectedMeasure.BUYERS, -takeShared(buyers, earlier.buyers()));
            Roaring64NavigableMap shared = copy(lastSets.sessions());
            shared.and(earlier.sessions());
            if (!shared.isEmpty()) {
                sessionsSeenBefore.or(shared);
                collectSessionDays(date, earlier, shared, sessionDays);
            }
        }
        if (sessionsSeenBefore.isEmpty()) {
            return;
        }
        collectSessionDays(lastDate, lastSets, sessionsSeenBefore, sessionDays);
        for (List<SessionDay> session : sessionDays.values()) {
            session.sort((a, b) -> Long.compare(a.day(), b.day()));
            MultiDaySession.correctLastDay(session, out);
        }
    }

    /** Removes from {@code ids} those also in {@code earlier} and returns how many. */
    private static long takeShared(Roaring64NavigableMap ids, Roaring64NavigableMap earlier) {
        if (ids.isEmpty()) {
            return 0;
        }
        Roaring64NavigableMap shared = copy(ids);
        shared.and(earlier);
        ids.andNot(shared);
        return shared.getLongCardinality();
    }

    /** Adds what {@code date} ({@code daySets}) holds of each of {@code wanted} to its list of days. */
    private void collectSessionDays(LocalDate date, IdSets daySets, Roaring64NavigableMap wanted,
            Map<Long, List<SessionDay>> sessionDays) throws SQLException {
        Roaring64NavigableMap here = copy(wanted);
        here.and(daySets.sessions());
        if (here.isEmpty()) {
            return;
        }
        long day = date.toEpochDay();
        sets.sessionFacts(date, here, (session, first, last, events) ->
                sessionDays.computeIfAbsent(session, s -> new ArrayList<>(2)).add(new SessionDay(day, first, last,
                        events, daySets.viewingSessions().contains(session), daySets.cartingSessions().contains(session),
                        daySets.purchasingSessions().contains(session))));
    }

    private static Roaring64NavigableMap copy(Roaring64NavigableMap bitmap) {
        Roaring64NavigableMap copy = new Roaring64NavigableMap();
        copy.or(bitmap);
        return copy;
    }
}
