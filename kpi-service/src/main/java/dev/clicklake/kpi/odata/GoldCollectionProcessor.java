package dev.clicklake.kpi.odata;

import dev.clicklake.kpi.catalog.GoldCatalog;
import dev.clicklake.kpi.catalog.GoldColumn;
import dev.clicklake.kpi.catalog.GoldTable;
import dev.clicklake.kpi.query.GoldQuery;
import dev.clicklake.kpi.query.GoldSql;
import dev.clicklake.kpi.query.SortKey;
import dev.clicklake.kpi.query.SqlFragment;
import dev.clicklake.kpi.store.GoldReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.EntityCollection;
import org.apache.olingo.commons.api.data.Property;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.prefer.PreferencesApplied;
import org.apache.olingo.server.api.processor.CountEntityCollectionProcessor;
import org.apache.olingo.server.api.serializer.EntityCollectionSerializerOptions;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.SelectItem;
import org.apache.olingo.server.api.uri.queryoption.SelectOption;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;

/**
 * Answers {@code /odata/<EntitySet>} and {@code /odata/<EntitySet>/$count} from PostgreSQL: the query options
 * become one parametrised query ({@link GoldSql}), a page holds at most {@code pageSize} entities and ends with a
 * {@code @odata.nextLink} whose {@code $skiptoken} is the keyset of its last row.
 */
final class GoldCollectionProcessor implements CountEntityCollectionProcessor {

    private final GoldReader reader;
    private final RangePairsCollection rangePairs;
    private final int pageSize;
    private OData odata;
    private ServiceMetadata metadata;

    GoldCollectionProcessor(GoldReader reader, RangePairsCollection rangePairs, int pageSize) {
        this.reader = reader;
        this.rangePairs = rangePairs;
        this.pageSize = pageSize;
    }

    @Override
    public void init(OData odata, ServiceMetadata metadata) {
        this.odata = odata;
        this.metadata = metadata;
    }

    @Override
    public void readEntityCollection(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType format)
            throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet edmSet = entitySet(uriInfo, 1);
        GoldTable table = GoldCatalog.byEntitySet(edmSet.getName()).orElseThrow();
        refuseUnsupported(uriInfo);
        if (GoldCatalog.computed(table)) {
            RangePairsCollection.Page page = rangePairs.read(uriInfo, pageSize(request, response), true);
            EntityCollection computed = page.entities();
            if (page.count() >= 0) {
                computed.setCount(Math.toIntExact(page.count()));
            }
            if (page.nextToken() != null) {
                String kept = QueryOptions.without(request.getRawQueryPath(), "$skiptoken");
                computed.setNext(URI.create(request.getRawBaseUri() + "/" + edmSet.getName() + "?"
                        + (kept == null ? "" : kept + "&") + "$skiptoken=" + page.nextToken()));
            }
            serialize(request, response, uriInfo, format, edmSet, computed);
            return;
        }
        Optional<SqlFragment> filter = filter(table, uriInfo);
        List<SortKey> order = GoldQuery.totalOrder(table, requestedOrder(table, uriInfo));
        List<GoldColumn> columns = GoldQuery.readColumns(table, selected(table, uriInfo.getSelectOption()), order);
        String orderText = order.stream().map(k -> k.column() + (k.descending() ? " desc" : ""))
                .collect(Collectors.joining(","));
        Optional<SkipToken> token = skipToken(uriInfo, orderText, table, order);

        int pageSize = pageSize(request, response);
        long served = token.map(SkipToken::served).orElse(0L);
        long limit = uriInfo.getTopOption() == null ? pageSize
                : Math.max(0, Math.min(pageSize, uriInfo.getTopOption().getValue() - served));
        long skip = token.isEmpty() && uriInfo.getSkipOption() != null ? uriInfo.getSkipOption().getValue() : 0;
        boolean withCount = uriInfo.getCountOption() != null && uriInfo.getCountOption().getValue();
        // one row beyond the page tells whether a next page exists
        GoldQuery query = new GoldQuery(table, columns, filter, order, token.map(SkipToken::lastRow), skip,
                OptionalLong.of(limit + 1));

        List<Object[]> rows = new ArrayList<>();
        long count = read(session -> {
            if (limit > 0) {
                session.stream(GoldSql.select(query), columns, rows::add);
            }
            return withCount ? session.count(GoldSql.count(table, filter)) : -1L;
        });

        EntityCollection collection = new EntityCollection();
        rows.stream().limit(limit).map(row -> entity(columns, row)).forEach(collection.getEntities()::add);
        if (withCount) {
            collection.setCount(Math.toIntExact(count));
        }
        boolean topReached = uriInfo.getTopOption() != null && served + limit >= uriInfo.getTopOption().getValue();
        if (rows.size() > limit && !topReached) {
            Object[] last = rows.get((int) limit - 1);
            List<Object> lastValues = order.stream().map(k -> last[indexOf(columns, k.column())]).toList();
            collection.setNext(nextLink(request, edmSet, new SkipToken(orderText, served + limit, lastValues)));
        }
        serialize(request, response, uriInfo, format, edmSet, collection);
    }

    private void serialize(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType format,
                           EdmEntitySet edmSet, EntityCollection collection) throws ODataLibraryException {
        String serviceRoot = request.getRawBaseUri() + "/";
        SelectOption select = uriInfo.getSelectOption();
        ContextURL context = ContextURL.with()
                .serviceRoot(URI.create(serviceRoot))
                .entitySet(edmSet)
                .selectList(odata.createUriHelper().buildContextURLSelectList(edmSet.getEntityType(), null, select))
                .build();
        EntityCollectionSerializerOptions options = EntityCollectionSerializerOptions.with()
                .id(request.getRawRequestUri())
                .contextURL(context)
                .select(select)
                .count(uriInfo.getCountOption())
                .build();
        response.setContent(odata.createSerializer(format)
                .entityCollection(metadata, edmSet.getEntityType(), collection, options).getContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }

    @Override
    public void countEntityCollection(ODataRequest request, ODataResponse response, UriInfo uriInfo)
            throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet edmSet = entitySet(uriInfo, 2);
        GoldTable table = GoldCatalog.byEntitySet(edmSet.getName()).orElseThrow();
        refuseUnsupported(uriInfo);
        if (GoldCatalog.computed(table)) {
            long pairs = rangePairs.read(uriInfo, pageSize, false).count();
            response.setContent(odata.createFixedFormatSerializer().count(Math.toIntExact(pairs)));
            response.setStatusCode(HttpStatusCode.OK.getStatusCode());
            response.setHeader(HttpHeader.CONTENT_TYPE, ContentType.TEXT_PLAIN.toContentTypeString());
            return;
        }
        Optional<SqlFragment> filter = filter(table, uriInfo);
        long count = read(session -> session.count(GoldSql.count(table, filter)));
        response.setContent(odata.createFixedFormatSerializer().count(Math.toIntExact(count)));
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, ContentType.TEXT_PLAIN.toContentTypeString());
    }

    /** The configured page size, or the client's smaller {@code Prefer: odata.maxpagesize}, which is then acknowledged. */
    private int pageSize(ODataRequest request, ODataResponse response) {
        Integer preferred = odata.createPreferences(request.getHeaders(HttpHeader.PREFER)).getMaxPageSize();
        if (preferred == null || preferred <= 0 || preferred >= pageSize) {
            return pageSize;
        }
        response.setHeader(HttpHeader.PREFERENCE_APPLIED, PreferencesApplied.with().maxPageSize(preferred).build().toValueString());
        return preferred;
    }

    private <T> T read(GoldReader.Work<T> work) throws ODataApplicationException {
        try {
            return reader.read(work);
        } catch (Exception e) {
            throw new ODataApplicationException("reading gold failed", HttpStatusCode.INTERNAL_SERVER_ERROR.getStatusCode(),
                    Locale.ROOT, e, "GoldUnavailable");
        }
    }

    /** The entity set of a path of {@code parts} segments (the set, then possibly {@code $count}). */
    private static EdmEntitySet entitySet(UriInfo uriInfo, int parts) throws ODataApplicationException {
        List<UriResource> resources = uriInfo.getUriResourceParts();
        if (resources.size() != parts || !(resources.get(0) instanceof UriResourceEntitySet set)
                || !set.getKeyPredicates().isEmpty()) {
            throw ODataRefusal.notImplemented("UnsupportedPath", "the feed serves entity sets and their /$count only");
        }
        return set.getEntitySet();
    }

    /** Options Olingo parses but the feed does not implement: refused, never ignored. */
    private static void refuseUnsupported(UriInfo uriInfo) throws ODataApplicationException {
        if (uriInfo.getApplyOption() != null) {
            throw ODataRefusal.notImplemented("UnsupportedApply", "$apply is not supported; aggregate in the client");
        }
        if (uriInfo.getSearchOption() != null) {
            throw ODataRefusal.notImplemented("UnsupportedSearch", "$search is not supported; use $filter");
        }
        if (uriInfo.getExpandOption() != null) {
            throw ODataRefusal.notImplemented("UnsupportedExpand", "$expand is not supported; the feed has no navigation");
        }
        if (!uriInfo.getCustomQueryOptions().isEmpty()) {
            throw ODataRefusal.badRequest("UnknownQueryOption", "unknown query option '"
                    + uriInfo.getCustomQueryOptions().get(0).getName() + "'; see $metadata and the kpi-service README");
        }
        if (uriInfo.getDeltaTokenOption() != null) {
            throw ODataRefusal.notImplemented("UnsupportedDelta", "$deltatoken is not supported");
        }
        if (uriInfo.getSelectOption() != null && uriInfo.getSelectOption().getSelectItems().stream()
                .anyMatch(item -> item.isAllOperationsInSchema() || item.getResourcePath() == null && !item.isStar())) {
            throw ODataRefusal.notImplemented("UnsupportedSelect", "$select supports property names and * only");
        }
    }

    private static Optional<SqlFragment> filter(GoldTable table, UriInfo uriInfo) throws ODataApplicationException {
        if (uriInfo.getFilterOption() == null) {
            return Optional.empty();
        }
        return Optional.of(new FilterToSql(table).translate(uriInfo.getFilterOption().getExpression()));
    }

    private static List<SortKey> requestedOrder(GoldTable table, UriInfo uriInfo) throws ODataApplicationException {
        List<SortKey> order = new ArrayList<>();
        if (uriInfo.getOrderByOption() == null) {
            return order;
        }
        for (OrderByItem item : uriInfo.getOrderByOption().getOrders()) {
            if (!(item.getExpression() instanceof Member member) || member.getResourcePath().getUriResourceParts().size() != 1) {
                throw ODataRefusal.notImplemented("UnsupportedOrderBy", "$orderby supports property names only");
            }
            String name = member.getResourcePath().getUriResourceParts().get(0).getSegmentValue();
            if (table.column(name).isEmpty()) {
                throw ODataRefusal.badRequest("UnknownProperty", "unknown property " + name);
            }
            if (order.stream().noneMatch(k -> k.column().equals(name))) {
                order.add(new SortKey(name, item.isDescending()));
            }
        }
        return order;
    }

    /** The selected property names; every column without {@code $select} or with {@code *}. */
    private static Set<String> selected(GoldTable table, SelectOption select) {
        if (select == null || select.getSelectItems().stream().anyMatch(SelectItem::isStar)) {
            return table.columns().stream().map(GoldColumn::name).collect(Collectors.toSet());
        }
        return select.getSelectItems().stream()
                .map(item -> item.getResourcePath().getUriResourceParts().get(0).getSegmentValue())
                .collect(Collectors.toSet());
    }

    private static Optional<SkipToken> skipToken(UriInfo uriInfo, String orderText, GoldTable table, List<SortKey> order)
            throws ODataApplicationException {
        if (uriInfo.getSkipTokenOption() == null) {
            return Optional.empty();
        }
        List<GoldColumn> orderColumns = order.stream().map(k -> table.required(k.column())).toList();
        try {
            return Optional.of(SkipToken.decode(uriInfo.getSkipTokenOption().getValue(), orderText, orderColumns));
        } catch (IllegalArgumentException e) {
            throw ODataRefusal.badRequest("InvalidSkipToken", e.getMessage());
        }
    }

    private static Entity entity(List<GoldColumn> columns, Object[] row) {
        Entity entity = new Entity();
        for (int i = 0; i < row.length; i++) {
            entity.addProperty(new Property(null, columns.get(i).name(),
                    org.apache.olingo.commons.api.data.ValueType.PRIMITIVE, row[i]));
        }
        return entity;
    }

    private static int indexOf(List<GoldColumn> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /**
     * The same request under the same service root, with its query options as sent (the api-key parameter was
     * already removed by {@link ODataResource}) and the next page's {@code $skiptoken}.
     */
    private static URI nextLink(ODataRequest request, EdmEntitySet edmSet, SkipToken token) {
        String kept = QueryOptions.without(request.getRawQueryPath(), "$skiptoken");
        return URI.create(request.getRawBaseUri() + "/" + edmSet.getName() + "?" + (kept == null ? "" : kept + "&")
                + "$skiptoken=" + token.encode());
    }
}
