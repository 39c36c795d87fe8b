package dev.clicklake.kpi.odata;

import dev.clicklake.kpi.catalog.GoldTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
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
 * {@code $filter} evaluated in memory over the rows of a computed entity set (values in the table's column
 * order, none null): {@code eq ne gt ge lt le in and or not}, parentheses, properties, literals and
 * {@code year month day} of a date; a comparison with {@code null} is false (eq, order) or true (ne). Anything
 * else is refused with 501, as {@link FilterToSql} does for the stored tables.
 */
final class RowFilter extends FilterRefusals<RowFilter.Term> {

    /** A value of the expression for one row. */
    @FunctionalInterface
    interface Term {
        Object of(Object[] row);
    }

    private final GoldTable table;

    RowFilter(GoldTable table) {
        this.table = table;
    }

    /** The condition of {@code expression}: true when a row matches. */
    Term translate(Expression expression) throws ODataApplicationException {
        try {
            return expression.accept(this);
        } catch (org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitException e) {
            throw ODataRefusal.badRequest("InvalidFilter", e.getMessage());
        }
    }

    /**
     * The value {@code column} must equal for any row to match: a top-level {@code and} operand
     * {@code column eq 'literal'} (as Power Query folds {@code [dataset] = Dataset}); empty when there is none.
     */
    static java.util.Optional<String> requiredText(Expression expression, String column) {
        if (expression instanceof org.apache.olingo.server.api.uri.queryoption.expression.Binary binary) {
            if (binary.getOperator() == BinaryOperatorKind.AND) {
                return requiredText(binary.getLeftOperand(), column)
                        .or(() -> requiredText(binary.getRightOperand(), column));
            }
            if (binary.getOperator() == BinaryOperatorKind.EQ) {
                Expression left = binary.getLeftOperand();
                Expression right = binary.getRightOperand();
                if (right instanceof Member && left instanceof Literal) {
                    Expression swap = left;
                    left = right;
                    right = swap;
                }
                if (left instanceof Member member && right instanceof Literal literal
                        && member.getResourcePath().getUriResourceParts().size() == 1
                        && member.getResourcePath().getUriResourceParts().get(0).getSegmentValue().equals(column)
                        && literal.getType() instanceof EdmPrimitiveType type
                        && EdmPrimitiveTypeKind.valueOfFQN(type.getFullQualifiedName()) == EdmPrimitiveTypeKind.String) {
                    try {
                        return java.util.Optional.of(type.fromUriLiteral(literal.getText()));
                    } catch (org.apache.olingo.commons.api.edm.EdmPrimitiveTypeException e) {
                        return java.util.Optional.empty();
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    static boolean matches(Term condition, Object[] row) {
        return Boolean.TRUE.equals(condition.of(row));
    }

    @Override
    public Term visitBinaryOperator(BinaryOperatorKind operator, Term left, Term right) throws ODataApplicationException {
        return switch (operator) {
            case AND -> row -> matches(left, row) && matches(right, row);
            case OR -> row -> matches(left, row) || matches(right, row);
            case EQ -> row -> Objects.equals(normal(left.of(row)), normal(right.of(row)))
                    || compare(left.of(row), right.of(row)) == 0;
            case NE -> row -> !(Objects.equals(normal(left.of(row)), normal(right.of(row)))
                    || compare(left.of(row), right.of(row)) == 0);
            case GT -> row -> compare(left.of(row), right.of(row)) > 0;
            case GE -> row -> compare(left.of(row), right.of(row)) >= 0 && compare(left.of(row), right.of(row)) != NONE;
            case LT -> row -> compare(left.of(row), right.of(row)) < 0 && compare(left.of(row), right.of(row)) != NONE;
            case LE -> row -> compare(left.of(row), right.of(row)) <= 0 && compare(left.of(row), right.of(row)) != NONE;
            default -> throw ODataRefusal.notImplemented("UnsupportedOperator",
                    "$filter supports eq, ne, gt, ge, lt, le, in, and, or and not; not '" + operator + "'");
        };
    }

    /** What {@link #compare} answers when two values do not compare (null, or of different kinds). */
    private static final int NONE = Integer.MIN_VALUE;

    private static Object normal(Object value) {
        return value instanceof Number number ? decimal(number) : value;
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal d ? d.stripTrailingZeros()
                : BigDecimal.valueOf(number.longValue()).stripTrailingZeros();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object left, Object right) {
        Object a = normal(left);
        Object b = normal(right);
        if (a == null || b == null || a.getClass() != b.getClass() || !(a instanceof Comparable)) {
            return NONE;
        }
        int c = ((Comparable) a).compareTo(b);
        return Integer.signum(c);
    }

    @Override
    public Term visitBinaryOperator(BinaryOperatorKind operator, Term left, List<Term> right)
            throws ODataApplicationException {
        if (operator != BinaryOperatorKind.IN || right.isEmpty()) {
            throw ODataRefusal.notImplemented("UnsupportedOperator",
                    "$filter supports eq, ne, gt, ge, lt, le, in, and, or and not; not '" + operator + "'");
        }
        return row -> right.stream().anyMatch(item -> compare(left.of(row), item.of(row)) == 0);
    }

    @Override
    public Term visitUnaryOperator(UnaryOperatorKind operator, Term operand) throws ODataApplicationException {
        if (operator == UnaryOperatorKind.NOT) {
            return row -> !matches(operand, row);
        }
        throw ODataRefusal.notImplemented("UnsupportedOperator", "$filter does not support the operator '" + operator + "'");
    }

    @Override
    public Term visitMethodCall(MethodKind method, List<Term> parameters) throws ODataApplicationException {
        return switch (method) {
            case YEAR -> date(parameters, d -> (long) d.getYear());
            case MONTH -> date(parameters, d -> (long) d.getMonthValue());
            case DAY -> date(parameters, d -> (long) d.getDayOfMonth());
            default -> throw ODataRefusal.notImplemented("UnsupportedFunction", "$filter on " + table.entitySet()
                    + " supports the functions year, month and day; not '"
                    + method.toString().toLowerCase(java.util.Locale.ROOT) + "'");
        };
    }

    private static Term date(List<Term> parameters, java.util.function.Function<LocalDate, Long> part) {
        Term operand = parameters.get(0);
        return row -> operand.of(row) instanceof LocalDate d ? part.apply(d) : null;
    }

    @Override
    public Term visitLiteral(Literal literal) throws ODataApplicationException {
        if (literal.getType() == null) {
            return row -> null;
        }
        if (!(literal.getType() instanceof EdmPrimitiveType type)) {
            throw ODataRefusal.notImplemented("UnsupportedLiteral", "$filter supports primitive literals only");
        }
        try {
            String text = type.fromUriLiteral(literal.getText());
            Object value = switch (EdmPrimitiveTypeKind.valueOfFQN(type.getFullQualifiedName())) {
                case String -> text;
                case Date -> LocalDate.parse(text);
                case SByte, Byte, Int16, Int32, Int64, Decimal, Double, Single -> new BigDecimal(text);
                default -> throw ODataRefusal.notImplemented("UnsupportedLiteral",
                        "$filter has no property to compare with a literal of type " + type.getFullQualifiedName());
            };
            return row -> value;
        } catch (org.apache.olingo.commons.api.edm.EdmPrimitiveTypeException | DateTimeParseException
                 | NumberFormatException e) {
            throw ODataRefusal.badRequest("InvalidLiteral", "$filter has an invalid literal of type "
                    + type.getFullQualifiedName() + ": " + e.getMessage());
        }
    }

    @Override
    public Term visitMember(Member member) throws ODataApplicationException {
        List<UriResource> parts = member.getResourcePath().getUriResourceParts();
        if (parts.size() != 1 || !(parts.get(0) instanceof UriResourcePrimitiveProperty property)) {
            throw ODataRefusal.notImplemented("UnsupportedMember", "$filter supports the entity's own properties only");
        }
        String name = property.getProperty().getName();
        int at = table.columns().indexOf(table.column(name).orElseThrow(
                () -> ODataRefusal.badRequest("UnknownProperty", "unknown property " + name)));
        return row -> row[at];
    }
}
