package dev.clicklake.kpi.odata;

import dev.clicklake.kpi.catalog.GoldCatalog;
import dev.clicklake.kpi.catalog.GoldColumn;
import dev.clicklake.kpi.catalog.GoldTable;
import dev.clicklake.kpi.gold.RangePairs;
import dev.clicklake.kpi.query.GoldQuery;
import dev.clicklake.kpi.query.GoldSql;
import dev.clicklake.kpi.query.SortKey;
import dev.clicklake.kpi.store.GoldReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.EntityCollection;
import org.apache.olingo.commons.api.data.Property;
import org.apache.olingo.commons.api.data.ValueType;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;

/**
 * The {@code RangePairs} entity set, computed in memory ({@link RangePairs}): for each dataset (by name) the pairs
 * of its most recent {@code clicklake.kpi.range-pairs.max-days} days, in (dataset, first_date, last_date) order.
 * {@code $filter} is evaluated in memory ({@link RowFilter}); {@code $orderby} only in that order;
 * {@code $select}, {@code $top}, {@code $skip}, {@code $count} and server paging ({@code $skiptoken}: the key of
 * the page's last row) as on the stored entity sets.
 */
final class RangePairsCollection {

    private static final GoldTable TABLE = GoldCatalog.RANGE_PAIRS;
    private static final List<String> ORDER = TABLE.keys();

    /** One page: its entities, whether more rows match, and the count when asked. */
    record Page(EntityCollection entities, String nextToken, long count) {
    }

    private final GoldReader reader;
    private final RangePairs pairs;

    RangePairsCollection(GoldReader reader, RangePairs pairs) {
        this.reader = reader;
        this.pairs = pairs;
    }

    Page read(UriInfo uriInfo, int pageSize, boolean rowsWanted) throws ODataApplicationException {
        refuseOrder(uriInfo);
        RowFilter.Term filter = uriInfo.getFilterOption() == null ? row -> true
                : new RowFilter(TABLE).translate(uriInfo.getFilterOption().getExpression());
        Token token = uriInfo.getSkipTokenOption() == null ? null : Token.decode(uriInfo.getSkipTokenOption().getValue());
        long served = token == null ? 0 : token.served();
        long top = uriInfo.getTopOption() == null ? Long.MAX_VALUE : uriInfo.getTopOption().getValue();
        long limit = rowsWanted ? Math.max(0, Math.min(pageSize, top - served)) : 0;
        long skip = token == null && uriInfo.getSkipOption() != null ? uriInfo.getSkipOption().getValue() : 0;
        boolean withCount = !rowsWanted || uriInfo.getCountOption() != null && uriInfo.getCountOption().getValue();

        EntityCollection collection = new EntityCollection();
        long[] counters = {0, 0}; // rows matched after the token, rows skipped
        long[] total = {0};
        Object[][] last = {null};
        boolean[] more = {false};
        try {
            Optional<String> only = uriInfo.getFilterOption() == null ? Optional.empty()
                    : RowFilter.requiredText(uriInfo.getFilterOption().getExpression(), "dataset");
            for (String dataset : datasets()) {
                if (only.isPresent() && !only.get().equals(dataset)) {
                    continue;
                }
                RangePairs.Window window = pairs.recent(dataset);
                boolean before = token != null && dataset.compareTo(token.dataset()) < 0;
                boolean at = token != null && dataset.equals(token.dataset());
                if (before && !withCount) {
                    continue;
                }
                // without a count, the pairs up to the token's are not even computed
                boolean resume = at && !withCount;
                window.forEach(resume ? token.first() : null, resume ? token.last() : null, pair -> {
                    Object[] row = pair.values();
                    if (!RowFilter.matches(filter, row)) {
                        return true;
                    }
                    total[0]++;
                    boolean afterToken = token == null || !before && (!at
                            || pair.firstDate().isAfter(token.first())
                            || pair.firstDate().equals(token.first()) && pair.lastDate().isAfter(token.last()));
                    if (!afterToken) {
                        return true;
                    }
                    if (counters[1] < skip) {
                        counters[1]++;
                        return true;
                    }
                    if (counters[0] < limit) {
                        collection.getEntities().add(entity(row));
                        last[0] = row;
                        counters[0]++;
                        return true;
                    }
                    if (served + counters[0] < top && counters[0] > 0) {
                        more[0] = true;
                    }
                    return withCount;
                });
                if (more[0] && !withCount) {
                    break;
                }
            }
        } catch (RangePairs.TooManyDaysException e) {
            throw new ODataApplicationException(e.getMessage(), 422, Locale.ROOT, "TooManyDays");
        } catch (dev.clicklake.kpi.gold.GoldNotReadyException e) {
            throw new ODataApplicationException(e.getMessage(), HttpStatusCode.SERVICE_UNAVAILABLE.getStatusCode(),
                    Locale.ROOT, "GoldNotReady");
        } catch (ODataApplicationException e) {
            throw e;
        } catch (Exception e) {
            throw new ODataApplicationException("reading gold failed", HttpStatusCode.INTERNAL_SERVER_ERROR.getStatusCode(),
                    Locale.ROOT, e, "GoldUnavailable");
        }
        String next = more[0] ? new Token((String) last[0][0], (LocalDate) last[0][1], (LocalDate) last[0][2],
                served + counters[0]).encode() : null;
        return new Page(collection, next, withCount ? total[0] : -1);
    }

    private List<String> datasets() throws Exception {
        GoldTable datasets = GoldCatalog.byEntitySet("Datasets").orElseThrow();
        List<GoldColumn> columns = List.of(datasets.required("dataset"));
        GoldQuery query = new GoldQuery(datasets, columns, Optional.empty(), List.of(new SortKey("dataset", false)),
                Optional.empty(), 0, OptionalLong.empty());
        List<String> names = new ArrayList<>();
        reader.read(session -> {
            session.stream(GoldSql.select(query), columns, row -> names.add((String) row[0]));
            return null;
        });
        return names;
    }

    /** Only the entity set's own order (dataset, first_date, last_date), ascending, or a prefix of it. */
    private static void refuseOrder(UriInfo uriInfo) throws ODataApplicationException {
        if (uriInfo.getOrderByOption() == null) {
            return;
        }
        List<OrderByItem> items = uriInfo.getOrderByOption().getOrders();
        for (int i = 0; i < items.size(); i++) {
            OrderByItem item = items.get(i);
            boolean inOrder = !item.isDescending() && i < ORDER.size() && item.getExpression() instanceof Member member
                    && member.getResourcePath().getUriResourceParts().size() == 1
                    && member.getResourcePath().getUriResourceParts().get(0).getSegmentValue().equals(ORDER.get(i));
            if (!inOrder) {
                throw ODataRefusal.notImplemented("UnsupportedOrderBy", TABLE.entitySet()
                        + " is served in the order dataset, first_date, last_date only; sort in the client");
            }
        }
    }

    private static Entity entity(Object[] row) {
        Entity entity = new Entity();
        List<GoldColumn> columns = TABLE.columns();
        for (int i = 0; i < row.length; i++) {
            entity.addProperty(new Property(null, columns.get(i).name(), ValueType.PRIMITIVE, row[i]));
        }
        return entity;
    }

    /** The key of the last row served and how many rows were served, as an opaque token. */
    record Token(String dataset, LocalDate first, LocalDate last, long served) {

        String encode() {
            String text = served + "|" + first + "|" + last + "|" + dataset;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Token decode(String token) throws ODataApplicationException {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 4);
                return new Token(parts[3], LocalDate.parse(parts[1]), LocalDate.parse(parts[2]), Long.parseLong(parts[0]));
            } catch (RuntimeException e) {
                throw ODataRefusal.badRequest("InvalidSkipToken", "$skiptoken is not one this feed issued");
            }
        }
    }
}
