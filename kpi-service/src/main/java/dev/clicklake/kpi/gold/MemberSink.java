package dev.clicklake.kpi.gold;

import java.sql.SQLException;

/** Receives a day's breakdown one member at a time, complete, in member order. */
@FunctionalInterface
public interface MemberSink {

    void accept(MemberFigures member) throws SQLException;
}
