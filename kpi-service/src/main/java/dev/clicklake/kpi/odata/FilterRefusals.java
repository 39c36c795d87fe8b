package dev.clicklake.kpi.odata;

import java.util.List;
import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitor;

/**
 * The parts of OData's {@code $filter} grammar no gold feed supports (lambdas, aliases, type literals, enumerations),
 * refused with 501 and a reason, the same way by every translation of a filter ({@link FilterToSql} for tables in
 * PostgreSQL, {@link RowFilter} for rows computed in memory).
 */
abstract class FilterRefusals<T> implements ExpressionVisitor<T> {

    @Override
    public T visitLambdaExpression(String function, String variable, Expression expression)
            throws ODataApplicationException {
        throw ODataRefusal.notImplemented("UnsupportedLambda", "$filter does not support any/all");
    }

    @Override
    public T visitAlias(String aliasName) throws ODataApplicationException {
        throw ODataRefusal.notImplemented("UnsupportedAlias", "$filter does not support parameter aliases");
    }

    @Override
    public T visitTypeLiteral(EdmType type) throws ODataApplicationException {
        throw ODataRefusal.notImplemented("UnsupportedTypeLiteral", "$filter does not support type literals");
    }

    @Override
    public T visitLambdaReference(String variableName) throws ODataApplicationException {
        throw ODataRefusal.notImplemented("UnsupportedLambda", "$filter does not support any/all");
    }

    @Override
    public T visitEnum(EdmEnumType type, List<String> enumValues) throws ODataApplicationException {
        throw ODataRefusal.notImplemented("UnsupportedEnum", "the feed has no enumerations");
    }
}
