package dev.clicklake.kpi.gold;

import java.util.List;

/**
 * The {@link RangeCorrections} of one session with events on several days.
 *
 * <p>Take its days d_0 < d_1 < ... < d_(k-1). A range holds a run of them, d_i..d_j, and the session's figures
 * over the range are g(i, j): it counts as one session, viewing if it viewed on one of those days, and so on;
 * its duration is last(d_j) - first(d_i); it bounced if it had one event in all. Each day's own figures are
 * g(i, i). The correction at the pair (d_i, d_j), i < j, is the second difference
 * g(i, j) - g(i+1, j) - g(i, j-1) + g(i+1, j-1) (g = 0 over no day): summed over the pairs within a run, the
 * differences telescope, and together with the days' own figures they give exactly g of the run.
 */
public final class MultiDaySession {

    private MultiDaySession() {
    }

    /** Adds the corrections of the session whose days are {@code days}, in ascending order, to {@code out}. */
    public static void correct(List<SessionDay> days, RangeCorrections out) {
        int k = days.size();
        long[][][] runs = new long[k][k][];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                runs[i][j] = figures(days.subList(i, j + 1));
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                for (CorrectedMeasure measure : CorrectedMeasure.values()) {
                    int m = measure.ordinal();
                    long delta = runs[i][j][m] - runs[i + 1][j][m] - runs[i][j - 1][m]
                            + (i + 1 <= j - 1 ? runs[i + 1][j - 1][m] : 0);
                    out.add(days.get(i).day(), days.get(j).day(), measure, delta);
                }
            }
        }
    }

    /**
     * Adds only the corrections at the pairs that end on the session's last day, (d_i, d_(k-1)) for every i: what
     * a day added after the others brings, the pairs between earlier days being unchanged.
     */
    public static void correctLastDay(List<SessionDay> days, RangeCorrections out) {
        int k = days.size();
        if (k < 2) {
            return;
        }
        int j = k - 1;
        long[][] endingAtJ = new long[k][];
        long[][] endingBeforeJ = new long[k][];
        for (int i = 0; i < k; i++) {
            endingAtJ[i] = figures(days.subList(i, k));
            endingBeforeJ[i] = i <= j - 1 ? figures(days.subList(i, j)) : null;
        }
        for (int i = 0; i < j; i++) {
            for (CorrectedMeasure measure : CorrectedMeasure.values()) {
                int m = measure.ordinal();
                long delta = endingAtJ[i][m] - endingAtJ[i + 1][m] - endingBeforeJ[i][m]
                        + (i + 1 <= j - 1 ? endingBeforeJ[i + 1][m] : 0);
                out.add(days.get(i).day(), days.get(j).day(), measure, delta);
            }
        }
    }

    /** The session's figures over a run of its days, indexed by {@link CorrectedMeasure#ordinal()}. */
    static long[] figures(List<SessionDay> run) {
        boolean viewed = run.stream().anyMatch(SessionDay::viewed);
        boolean carted = run.stream().anyMatch(SessionDay::carted);
        boolean purchased = run.stream().anyMatch(SessionDay::purchased);
        long events = run.stream().mapToLong(SessionDay::events).sum();
        long[] figures = new long[CorrectedMeasure.COUNT];
        figures[CorrectedMeasure.SESSIONS.ordinal()] = 1;
        figures[CorrectedMeasure.VIEWING_SESSIONS.ordinal()] = one(viewed);
        figures[CorrectedMeasure.CARTING_SESSIONS.ordinal()] = one(carted);
        figures[CorrectedMeasure.PURCHASING_SESSIONS.ordinal()] = one(purchased);
        figures[CorrectedMeasure.CART_PURCHASE_SESSIONS.ordinal()] = one(carted && purchased);
        figures[CorrectedMeasure.FUNNEL_CART_SESSIONS.ordinal()] = one(viewed && carted);
        figures[CorrectedMeasure.FUNNEL_PURCHASE_SESSIONS.ordinal()] = one(viewed && carted && purchased);
        figures[CorrectedMeasure.SESSION_DURATION_US.ordinal()] = run.get(run.size() - 1).lastMicros() - run.get(0).firstMicros();
        figures[CorrectedMeasure.BOUNCED_SESSIONS.ordinal()] = one(events == 1);
        return figures;
    }

    private static long one(boolean condition) {
        return condition ? 1 : 0;
    }
}
