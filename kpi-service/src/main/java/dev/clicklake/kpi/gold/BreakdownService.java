package dev.clicklake.kpi.gold;

import dev.clicklake.kpi.store.BreakdownRepository;
import dev.clicklake.kpi.store.IdSetsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers breakdowns over any range, exact: counts summed over days, distinct ids ORed over days and members. */
@ApplicationScoped
public class BreakdownService {

    private final IdSetsRepository idSets;
    private final BreakdownRepository breakdowns;

    BreakdownService(IdSetsRepository idSets, BreakdownRepository breakdowns) {
        this.idSets = idSets;
        this.breakdowns = breakdowns;
    }

    /**
     * The {@code top} members of {@code dimension} over [from, to) ranked by {@code by}, then one "other" row
     * whose distinct counts are those of the union of the remaining members' ids; every hour for the hour
     * dimension. Read from one snapshot of gold.
     */
    @Transactional
    public Breakdown breakdown(String dataset, LocalDate from, LocalDate to, Dimension dimension, int top, Ranking by)
            throws SQLException {
        idSets.readOneSnapshot();
        List<MemberFigures> members = new ArrayList<>(breakdowns.counts(dataset, dimension, from, to).values());
        members.sort(dimension.ranked() ? by.order() : Comparator.comparingInt(m -> Integer.parseInt(m.member())));
        List<MemberFigures> listed = dimension.ranked() ? members.subList(0, Math.min(top, members.size())) : members;
        Map<String, MemberFigures> byName = new LinkedHashMap<>();
        listed.forEach(member -> byName.put(member.member(), member));
        breakdowns.mergeIds(dataset, dimension, from, to, byName.keySet(), false, byName);
        List<BreakdownRow> rows = new ArrayList<>(listed.stream().map(member -> BreakdownRow.of(member, false, 1)).toList());
        List<MemberFigures> rest = members.subList(listed.size(), members.size());
        if (!rest.isEmpty()) {
            rows.add(BreakdownRow.of(other(dataset, from, to, dimension, byName, rest), true, rest.size()));
        }
        return new Breakdown(dataset, from, to, dimension.parameter(), by.parameter(), top, rows);
    }

    /** The remaining members as one: counts added, ids ORed from every stored row not of a listed member. */
    private MemberFigures other(String dataset, LocalDate from, LocalDate to, Dimension dimension,
            Map<String, MemberFigures> listed, List<MemberFigures> rest) throws SQLException {
        MemberFigures other = new MemberFigures(null);
        Map<String, MemberFigures> into = new HashMap<>();
        for (MemberFigures member : rest) {
            other.addCounts(member.events(), member.views(), member.carts(), member.removes(), member.purchases(),
                    member.revenue());
            into.put(member.member(), other);
        }
        breakdowns.mergeIds(dataset, dimension, from, to, listed.keySet(), true, into);
        return other;
    }
}
