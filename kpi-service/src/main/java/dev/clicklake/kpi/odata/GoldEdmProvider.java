package dev.clicklake.kpi.odata;

import dev.clicklake.kpi.catalog.GoldCatalog;
import dev.clicklake.kpi.catalog.GoldColumn;
import dev.clicklake.kpi.catalog.GoldTable;
import dev.clicklake.kpi.catalog.ValueType;
import java.util.List;
import java.util.Optional;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainer;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainerInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;

/** The feed's Entity Data Model, derived from the {@link GoldCatalog}: one entity type and set per gold table. */
final class GoldEdmProvider extends CsdlAbstractEdmProvider {

    static final String NAMESPACE = "Clicklake";
    static final FullQualifiedName CONTAINER = new FullQualifiedName(NAMESPACE, "Gold");

    /** The entity type of a table: its entity set's name followed by {@code Row}. */
    static FullQualifiedName typeName(GoldTable table) {
        return new FullQualifiedName(NAMESPACE, table.entitySet() + "Row");
    }

    @Override
    public CsdlEntityType getEntityType(FullQualifiedName name) {
        return GoldCatalog.ENTITY_SETS.stream()
                .filter(table -> typeName(table).equals(name))
                .findFirst()
                .map(GoldEdmProvider::entityType)
                .orElse(null);
    }

    @Override
    public CsdlEntitySet getEntitySet(FullQualifiedName container, String name) {
        if (!CONTAINER.equals(container)) {
            return null;
        }
        return GoldCatalog.byEntitySet(name).map(GoldEdmProvider::entitySet).orElse(null);
    }

    @Override
    public CsdlEntityContainerInfo getEntityContainerInfo(FullQualifiedName name) {
        return name == null || CONTAINER.equals(name) ? new CsdlEntityContainerInfo().setContainerName(CONTAINER) : null;
    }

    @Override
    public CsdlEntityContainer getEntityContainer() {
        return new CsdlEntityContainer()
                .setName(CONTAINER.getName())
                .setEntitySets(GoldCatalog.ENTITY_SETS.stream().map(GoldEdmProvider::entitySet).toList());
    }

    @Override
    public List<CsdlSchema> getSchemas() {
        return List.of(new CsdlSchema()
                .setNamespace(NAMESPACE)
                .setEntityTypes(GoldCatalog.ENTITY_SETS.stream().map(GoldEdmProvider::entityType).toList())
                .setEntityContainer(getEntityContainer()));
    }

    private static CsdlEntitySet entitySet(GoldTable table) {
        return new CsdlEntitySet().setName(table.entitySet()).setType(typeName(table));
    }

    private static CsdlEntityType entityType(GoldTable table) {
        return new CsdlEntityType()
                .setName(typeName(table).getName())
                .setKey(table.keys().stream().map(key -> new CsdlPropertyRef().setName(key)).toList())
                .setProperties(table.columns().stream().map(GoldEdmProvider::property).toList());
    }

    private static CsdlProperty property(GoldColumn column) {
        CsdlProperty property = new CsdlProperty()
                .setName(column.name())
                .setType(kind(column.type()).getFullQualifiedName())
                .setNullable(column.nullable());
        Optional.ofNullable(column.type().precision()).ifPresent(property::setPrecision);
        Optional.ofNullable(column.type().scale()).ifPresent(property::setScale);
        if (column.type() == ValueType.TIMESTAMP) {
            property.setPrecision(6);
        }
        return property;
    }

    /** The EDM type of each kind of value. */
    static EdmPrimitiveTypeKind kind(ValueType type) {
        return switch (type) {
            case TEXT -> EdmPrimitiveTypeKind.String;
            case DATE -> EdmPrimitiveTypeKind.Date;
            case TIMESTAMP -> EdmPrimitiveTypeKind.DateTimeOffset;
            case MONEY, RATE -> EdmPrimitiveTypeKind.Decimal;
            case INT64 -> EdmPrimitiveTypeKind.Int64;
            case INT32 -> EdmPrimitiveTypeKind.Int32;
            case INT16 -> EdmPrimitiveTypeKind.Int16;
        };
    }
}
