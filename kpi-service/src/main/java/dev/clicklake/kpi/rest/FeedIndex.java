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

    /** One feed: its kind ({@code odata}, {@code json}, {@code csv} or {@code html}) and its path. */
    public record Feed(@Schema(example = "odata") String kind, @Schema(example = "odata") String path, String description) {
    }

    /** The index of this service: the OData feed, the JSON API, one CSV export per gold table, the dashboard. */
    public static FeedIndex of() {
        List<Feed> feeds = new ArrayList<>();
        feeds.add(new Feed("odata", "odata", "OData v4 service document (Power BI: Get data, OData feed)"));
        feeds.add(new Feed("odata", "odata/$metadata", "OData v4 metadata (CSDL)"));
        feeds.add(new Feed("json", "kpi/datasets", "datasets with gold"));
        for (String endpoint : List.of("daily", "summary", "monthly", "funnel", "compare", "breakdown")) {
            feeds.add(new Feed("json", "kpi/" + endpoint, "JSON API; dataset, from and to required"));
        }
        GoldCatalog.TABLES.forEach(table -> feeds.add(new Feed("csv", "export/" + table.exportName() + ".csv",
                "CSV export of " + table.entitySet())));
        feeds.add(new Feed("html", "dashboard/", "the dashboard"));
        return new FeedIndex("clicklake kpi-service", List.copyOf(feeds));
    }
}
