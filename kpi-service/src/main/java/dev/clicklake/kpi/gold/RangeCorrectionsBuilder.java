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
 * <li>{@link #endingOnOrAfter}: only the pairs whose last day is one of the given days, from one scan back over
 * the days. A pair (a, b) depends only on the days a..b, so after days changed, the pairs ending before the first
 * changed day stay as they are: adding a day after the others costs one pass over the days, not a rebuild.
 * Memory: the sets of the last days being paired and of the day being read.</li>
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
     * with the stored pairs that end before {@code from}, every pair of the dataset. One scan back from the last day
     * reads each day once and pairs it with every later day from {@code from} on, whose sets are held meanwhile.
     */
    public RangeCorrections endingOnOrAfter(List<LocalDate> days, LocalDate from) throws SQLException {
        RangeCorrections corrections = new RangeCorrections();
        List<PairsEndingAt> lastDays = new ArrayList<>();
        for (int i = days.size() - 1; i >= 0; i--) {
            LocalDate date = days.get(i);
            IdSets daySets = sets.day(date);
            for (PairsEndingAt later : lastDays) {
                later.pairWith(date, daySets, corrections);
            }
            if (!date.isBefore(from)) {
                lastDays.add(new PairsEndingAt(date, daySets));
            }
        }
        for (PairsEndingAt last : lastDays) {
            last.correctSessions(corrections);
        }
        return corrections;
    }

    /** The pairs (a, last) of one last day, as the scan back meets each earlier day a. */
    private final class PairsEndingAt {

        private final LocalDate lastDate;
        private final IdSets lastSets;
        // the ids of the last day not yet seen on a later one of the days met so far
        private final Roaring64NavigableMap users;
        private final Roaring64NavigableMap buyers;
        private final Roaring64NavigableMap sessionsSeenBefore = new Roaring64NavigableMap();
        private final Map<Long, List<SessionDay>> sessionDays = new HashMap<>();

        PairsEndingAt(LocalDate lastDate, IdSets lastSets) {
            this.lastDate = lastDate;
            this.lastSets = lastSets;
            this.users = copy(lastSets.users());
            this.buyers = copy(lastSets.buyers());
        }

        /** Pairs (date, last): the ids of the last day whose latest earlier sighting is {@code date}. */
        void pairWith(LocalDate date, IdSets earlier, RangeCorrections out) throws SQLException {
            long day = date.toEpochDay();
            long lastDay = lastDate.toEpochDay();
            out.add(day, lastDay, CorrectedMeasure.USERS, -takeShared(users, earlier.users()));
            out.add(day, lastDay, CorrectedMeasure.BUYERS, -takeShared(buyers, earlier.buyers()));
            Roaring64NavigableMap shared = copy(lastSets.sessions());
            shared.and(earlier.sessions());
            if (!shared.isEmpty()) {
                sessionsSeenBefore.or(shared);
                collectSessionDays(date, earlier, shared, sessionDays);
            }
        }

        /** After the scan: the corrections of the last day's sessions seen on earlier days. */
        void correctSessions(RangeCorrections out) throws SQLException {
            if (sessionsSeenBefore.isEmpty()) {
                return;
            }
            collectSessionDays(lastDate, lastSets, sessionsSeenBefore, sessionDays);
            for (List<SessionDay> session : sessionDays.values()) {
                session.sort((a, b) -> Long.compare(a.day(), b.day()));
                MultiDaySession.correctLastDay(session, out);
            }
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
