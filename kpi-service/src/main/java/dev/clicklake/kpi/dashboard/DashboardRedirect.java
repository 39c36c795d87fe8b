package dev.clicklake.kpi.dashboard;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code /dashboard} answers 301 to {@code /dashboard/} (with the query string kept, so an {@code ?api_key=}
 * reaches the page): the page's files are relative to the folder, and a typed address without the slash must
 * not end in a 404.
 */
@ApplicationScoped
public class DashboardRedirect {

    void addRoute(@Observes Router router) {
        router.get("/dashboard").handler(context -> {
            if (!context.request().path().equals("/dashboard")) {
                context.next(); // Vert.x matches /dashboard/ here too: that is the page itself
                return;
            }
            String query = context.request().query();
            context.response().setStatusCode(301)
                    .putHeader("Location", "/dashboard/" + (query == null || query.isEmpty() ? "" : "?" + query))
                    .end();
        });
    }
}
