package dev.clicklake.kpi.gold;

import java.util.List;

/** The users and sessions of one UTC day, the raw material of exact distinct counts over any range. */
public record DayIdentities(List<UserFact> users, List<SessionFact> sessions) {
}
