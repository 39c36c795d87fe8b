package dev.clicklake.kpi.rest;

import dev.clicklake.kpi.catalog.GoldCatalog;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What {@code GET /} lists: every feed a client can read, by path relative to the service's root (so the index
 * is right behind any ingress). Power BI's Web connector tests a connection on the root URL, so this is also what
 * it finds there.
 *
 * @param service what answers
 * @param feeds   each feed, OData first
 */
@Schema(description = "The feeds kpi-service serves")
public record FeedIndex(@Schema(example = "clicklake kpi-service") String service, List<Feed> feeds) {

    /** One feed: its kind ({@code odata}, {@code json}, {@code csv} or {@code html}), its path, the parameters it requires. */
    public record Feed(@Schema(example = "odata") String kind, @Schema(example = "odata") String path, String description,
                       List<String> required) {
    }

    /** The index of this service: the OData feed, the JSON API, one CSV export per gold table, the dashboard. */
    public static FeedIndex of() {
        List<Feed> feeds = new ArrayList<>();
        List<String> range = List.of("dataset", "from", "to");
        feeds.add(new Feed("odata", "odata", "OData v4 service document (Power BI: Get data, OData feed)", List.of()));
        feeds.add(new Feed("odata", "odata/$metadata", "OData v4 metadata (CSDL)", List.of()));
        feeds.add(new Feed("json", "kpi/datasets", "datasets with gold", List.of()));
        for (String endpoint : List.of("daily", "summary", "monthly", "funnel", "compare")) {
            feeds.add(new Feed("json", "kpi/" + endpoint, "JSON API over the UTC days [from, to)", range));
        }
        feeds.add(new Feed("json", "kpi/breakdown", "JSON API: per main_category, brand or hour over [from, to)",
                List.of("dataset", "from", "to", "dimension")));
        feeds.add(new Feed("json", "kpi/range-pairs", "JSON API: exact figures of every (first day, last day) pair of "
                + "the dataset's days (at most clicklake.kpi.range-pairs.max-days; format=csv for CSV)", List.of("dataset")));
        GoldCatalog.TABLES.forEach(table -> feeds.add(new Feed("csv", "export/" + table.exportName() + ".csv",
                "CSV export of " + table.entitySet(), List.of())));
        feeds.add(new Feed("html", "dashboard/", "the dashboard", List.of()));
        return new FeedIndex("clicklake kpi-service", List.copyOf(feeds));
    }
}
