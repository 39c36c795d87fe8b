package dev.clicklake.kpi.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of SQL with its bind parameters, in order. The text holds only catalog identifiers, operators and
 * {@code ?} placeholders: every value a request brings travels as a parameter.
 *
 * @param sql      the text
 * @param params   the values of its placeholders
 * @param nullable whether the value it computes can be null (conditions over nullable columns are made two-valued)
 */
public record SqlFragment(String sql, List<Object> params, boolean nullable) {

    public SqlFragment {
        params = java.util.Collections.unmodifiableList(new ArrayList<>(params));
    }

    /** SQL without parameters. */
    public static SqlFragment of(String sql, boolean nullable) {
        return new SqlFragment(sql, List.of(), nullable);
    }

    /** One placeholder bound to a non-null value. */
    public static SqlFragment param(Object value) {
        return new SqlFragment("?", List.of(value), false);
    }

    /** {@code prefix + a + infix + b + suffix}, parameters in that order. */
    public static SqlFragment join(String prefix, SqlFragment a, String infix, SqlFragment b, String suffix,
                                   boolean nullable) {
        List<Object> params = new ArrayList<>(a.params);
        params.addAll(b.params);
        return new SqlFragment(prefix + a.sql + infix + b.sql + suffix, params, nullable);
    }

    /** {@code prefix + this + suffix}. */
    public SqlFragment wrap(String prefix, String suffix, boolean nullable) {
        return new SqlFragment(prefix + sql + suffix, params, nullable);
    }

    /** {@code (this) AND (other)}. */
    public SqlFragment and(SqlFragment other) {
        return join("(", this, ") AND (", other, ")", false);
    }

    /** {@code (this) OR (other)}. */
    public SqlFragment or(SqlFragment other) {
        return join("(", this, ") OR (", other, ")", false);
    }
}
