package dev.clicklake.kpi.odata;

import dev.clicklake.kpi.catalog.GoldColumn;
import dev.clicklake.kpi.catalog.GoldTable;
import dev.clicklake.kpi.query.SqlFragment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.olingo.commons.api.edm.EdmPrimitiveType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.Literal;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.apache.olingo.server.api.uri.queryoption.expression.MethodKind;
import org.apache.olingo.server.api.uri.queryoption.expression.UnaryOperatorKind;

/**
 * Translates the expression tree Olingo parsed from {@code $filter} into a parametrised SQL condition over the
 * served columns of one table. Supported: {@code eq ne gt ge lt le and or not}, parentheses, properties and
 * literals; comparisons follow OData's null rules ({@code null eq null} is true, any order comparison with null is
 * false); {@code in} is the {@code or} of {@code eq}s; the functions Power Query folds its text and date functions
 * into: {@code contains startswith endswith} (a SQL {@code LIKE} whose pattern escapes {@code % _ \}),
 * {@code tolower toupper}, and {@code year month day}; a function of null is null, so a row whose column is null
 * matches neither {@code contains(c,'x')} nor {@code not contains(c,'x')}. Anything else is refused with 501, never
 * ignored.
 */
final class FilterToSql extends FilterRefusals<SqlFragment> {

    private static final SqlFragment NULL = SqlFragment.of("NULL", true);

    private final GoldTable table;

    FilterToSql(GoldTable table) {
        this.table = table;
    }

    /** The SQL condition of {@code expression}. */
    SqlFragment translate(Expression expression) throws ODataApplicationException {
        try {
            return expression.accept(this);
        } catch (org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitException e) {
            throw ODataRefusal.badRequest("InvalidFilter", e.getMessage());
        }
    }

    @Override
    public SqlFragment visitBinaryOperator(BinaryOperatorKind operator, SqlFragment left, SqlFragment right)
            throws ODataApplicationException {
        return switch (operator) {
            case AND -> left.and(right);
            case OR -> left.or(right);
            case EQ -> equality(left, right, " = ", " IS NOT DISTINCT FROM ", " IS NULL");
            case NE -> equality(left, right, " <> ", " IS DISTINCT FROM ", " IS NOT NULL");
            case GT -> order(left, right, " > ");
            case GE -> order(left, right, " >= ");
            case LT -> order(left, right, " < ");
            case LE -> order(left, right, " <= ");
            default -> throw ODataRefusal.notImplemented("UnsupportedOperator",
                    "$filter supports eq, ne, gt, ge, lt, le, and, or and not; not '" + operator + "'");
        };
    }

    @Override
    public SqlFragment visitBinaryOperator(BinaryOperatorKind operator, SqlFragment left, List<SqlFragment> right)
            throws ODataApplicationException {
        if (operator != BinaryOperatorKind.IN || right.isEmpty()) {
            throw ODataRefusal.notImplemented("UnsupportedOperator",
                    "$filter supports eq, ne, gt, ge, lt, le, in, and, or and not; not '" + operator + "'");
        }
        SqlFragment any = null;
        for (SqlFragment item : right) {
            SqlFragment equal = equality(left, item, " = ", " IS NOT DISTINCT FROM ", " IS NULL");
            any = any == null ? equal : any.or(equal);
        }
        return any;
    }

    @Override
    public SqlFragment visitUnaryOperator(UnaryOperatorKind operator, SqlFragment operand) throws ODataApplicationException {
        if (operator == UnaryOperatorKind.NOT) {
            return operand.wrap("NOT (", ")", false);
        }
        throw ODataRefusal.notImplemented("UnsupportedOperator", "$filter does not support the operator '" + operator + "'");
    }

    @Override
    public SqlFragment visitMethodCall(MethodKind method, List<SqlFragment> parameters) throws ODataApplicationException {
        return switch (method) {
            case CONTAINS -> like(parameters, "'%' || ", " || '%'");
            case STARTSWITH -> like(parameters, "", " || '%'");
            case ENDSWITH -> like(parameters, "'%' || ", "");
            case TOLOWER -> function("LOWER(", parameters, ")");
            case TOUPPER -> function("UPPER(", parameters, ")");
            case YEAR -> function("CAST(EXTRACT(YEAR FROM ", parameters, ") AS INTEGER)");
            case MONTH -> function("CAST(EXTRACT(MONTH FROM ", parameters, ") AS INTEGER)");
            case DAY -> function("CAST(EXTRACT(DAY FROM ", parameters, ") AS INTEGER)");
            default -> throw ODataRefusal.notImplemented("UnsupportedFunction", "$filter supports the functions "
                    + "contains, startswith, endswith, tolower, toupper, year, month and day; not '"
                    + method.toString().toLowerCase(java.util.Locale.ROOT) + "'");
        };
    }

    @Override
    public SqlFragment visitLiteral(Literal literal) throws ODataApplicationException {
        if (literal.getType() == null) {
            return NULL;
        }
        if (!(literal.getType() instanceof EdmPrimitiveType type)) {
            throw ODataRefusal.notImplemented("UnsupportedLiteral", "$filter supports primitive literals only");
        }
        try {
            String text = type.fromUriLiteral(literal.getText());
            return SqlFragment.param(value(type, text));
        } catch (org.apache.olingo.commons.api.edm.EdmPrimitiveTypeException | DateTimeParseException
                 | NumberFormatException e) {
            throw ODataRefusal.badRequest("InvalidLiteral", "$filter has an invalid literal of type "
                    + type.getFullQualifiedName() + ": " + e.getMessage());
        }
    }

    @Override
    public SqlFragment visitMember(Member member) throws ODataApplicationException {
        List<UriResource> parts = member.getResourcePath().getUriResourceParts();
        if (parts.size() != 1 || !(parts.get(0) instanceof UriResourcePrimitiveProperty property)) {
            throw ODataRefusal.notImplemented("UnsupportedMember", "$filter supports the entity's own properties only");
        }
        GoldColumn column = table.column(property.getProperty().getName()).orElseThrow(
                () -> ODataRefusal.badRequest("UnknownProperty", "unknown property " + property.getProperty().getName()));
        return SqlFragment.of(column.name(), column.nullable());
    }

    /**
     * {@code text LIKE prefix || escaped(pattern) || suffix}: the pattern (a literal or any text expression) has
     * its {@code \}, {@code %} and {@code _} escaped, so it matches only itself. Null when either side is null.
     */
    private static SqlFragment like(List<SqlFragment> parameters, String prefix, String suffix) {
        SqlFragment text = parameters.get(0);
        SqlFragment pattern = parameters.get(1);
        if (text == NULL || pattern == NULL) {
            return NULL;
        }
        SqlFragment escaped = pattern.wrap("REPLACE(REPLACE(REPLACE(", ", '\\', '\\\\'), '%', '\\%'), '_', '\\_')", false);
        return SqlFragment.join("(", text, " LIKE " + prefix, escaped, suffix + " ESCAPE '\\')",
                text.nullable() || pattern.nullable());
    }

    /** A one-argument SQL function of a value: null of null. */
    private static SqlFragment function(String prefix, List<SqlFragment> parameters, String suffix) {
        SqlFragment argument = parameters.get(0);
        return argument == NULL ? NULL : argument.wrap(prefix, suffix, argument.nullable());
    }

    /** {@code eq}/{@code ne}: with a null literal an IS [NOT] NULL test, with a nullable side a DISTINCT test. */
    private static SqlFragment equality(SqlFragment left, SqlFragment right, String plain, String nullSafe, String isNull) {
        if (left == NULL && right == NULL) {
            return SqlFragment.of(isNull.equals(" IS NULL") ? "TRUE" : "FALSE", false);
        }
        if (right == NULL || left == NULL) {
            return (right == NULL ? left : right).wrap("", isNull, false);
        }
        return SqlFragment.join("", left, left.nullable() || right.nullable() ? nullSafe : plain, right, "", false);
    }

    /** {@code gt ge lt le}: false, never unknown, when a side is null. */
    private static SqlFragment order(SqlFragment left, SqlFragment right, String operator) {
        if (left == NULL || right == NULL) {
            return SqlFragment.of("FALSE", false);
        }
        SqlFragment compared = SqlFragment.join("", left, operator, right, "", false);
        return left.nullable() || right.nullable() ? compared.wrap("COALESCE(", ", FALSE)", false) : compared;
    }

    /** A literal's value as the JDBC parameter PostgreSQL compares with the column. */
    private static Object value(EdmPrimitiveType type, String text) throws ODataApplicationException {
        EdmPrimitiveTypeKind kind = EdmPrimitiveTypeKind.valueOfFQN(type.getFullQualifiedName());
        return switch (kind) {
            case String -> text;
            case Date -> LocalDate.parse(text);
            case DateTimeOffset -> OffsetDateTime.parse(text);
            case SByte, Byte, Int16, Int32, Int64 -> Long.valueOf(text);
            case Decimal, Double, Single -> new BigDecimal(text);
            default -> throw ODataRefusal.notImplemented("UnsupportedLiteral",
                    "$filter has no property to compare with a literal of type " + type.getFullQualifiedName());
        };
    }
}
