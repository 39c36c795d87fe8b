package dev.clicklake.kpi.gold;

import dev.clicklake.kpi.store.IdSetsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * Builds the {@link RangeCorrections} of a dataset from its days' id sets, in two passes over the days in date
 * order, one day's sets in memory at a time:
 * <ol>
 * <li>users and buyers seen again after an earlier day give their corrections ({@link ReturningIds}); sessions
 * seen again are collected: the multi-day sessions;</li>
 * <li>each multi-day session's days (first and last event time, events from {@code daily_session_facts}; view,
 * cart, purchase from the day's sets) give its corrections ({@link MultiDaySession}).</li>
 * </ol>
 * Memory: one bitmap entry per distinct user and session of the dataset, plus the days of its multi-day sessions.
 */
@ApplicationScoped
public class RangeCorrectionsBuilder {

    private final IdSetsRepository idSets;

    RangeCorrectionsBuilder(IdSetsRepository idSets) {
        this.idSets = idSets;
    }

    /** The corrections of {@code dataset}'s days as they are in the current transaction. */
    public RangeCorrections build(String dataset, List<LocalDate> days) throws SQLException {
        RangeCorrections corrections = new RangeCorrections();
        ReturningIds users = new ReturningIds();
        ReturningIds buyers = new ReturningIds();
        ReturningIds sessions = new ReturningIds();
        Roaring64NavigableMap multiDaySessions = new Roaring64NavigableMap();
        for (LocalDate date : days) {
            long day = date.toEpochDay();
            IdSets sets = idSets.day(dataset, date);
            users.add(day, sets.users(), (previous, ids) -> corrections.add(previous, day, CorrectedMeasure.USERS, -ids));
            buyers.add(day, sets.buyers(), (previous, ids) -> corrections.add(previous, day, CorrectedMeasure.BUYERS, -ids));
            multiDaySessions.or(sessions.add(day, sets.sessions(), (previous, ids) -> { }));
        }
        if (!multiDaySessions.isEmpty()) {
            for (List<SessionDay> session : sessionDays(dataset, days, multiDaySessions).values()) {
                MultiDaySession.correct(session, corrections);
            }
        }
        return corrections;
    }

    private Map<Long, List<SessionDay>> sessionDays(String dataset, List<LocalDate> days,
            Roaring64NavigableMap multiDaySessions) throws SQLException {
        Map<Long, List<SessionDay>> sessions = new HashMap<>();
        for (LocalDate date : days) {
            IdSets sets = idSets.day(dataset, date);
            Roaring64NavigableMap here = new Roaring64NavigableMap();
            here.or(multiDaySessions);
            here.and(sets.sessions());
            if (here.isEmpty()) {
                continue;
            }
            long day = date.toEpochDay();
            idSets.sessionFacts(dataset, date, here, (session, first, last, events) ->
                    sessions.computeIfAbsent(session, s -> new ArrayList<>(2)).add(new SessionDay(day, first, last,
                            events, sets.viewingSessions().contains(session), sets.cartingSessions().contains(session),
                            sets.purchasingSessions().contains(session))));
        }
        return sessions;
    }
}
