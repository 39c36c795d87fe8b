package dev.clicklake.ingest.rest;

import java.util.List;

/**
 * Body of {@code POST /ingestions} for sources the service fetches itself: one ({@code url} or
 * {@code path}), or several ({@code sources}, one ingestion each, the seed pipeline's "for each month").
 *
 * @param columns column order of header-less files, comma-separated; omit when the files have a header
 */
public record SourcesRequest(String dataset, String url, String path, String columns, List<Source> sources) {

    /**
     * One source: an allowed HTTP(S) URL or a path in an import directory.
     *
     * @param columns overrides the request's column order for this source
     */
    public record Source(String url, String path, String columns) {
    }

    public boolean batch() {
        return sources != null;
    }

    /** The sources named, each with its column order; empty when none is. */
    public List<Source> all() {
        if (batch()) {
            // a null entry stays null, for the resource to name it
            return sources.stream().map(s -> s == null || s.columns() != null ? s : new Source(s.url(), s.path(), columns))
                    .toList();
        }
        return url == null && path == null ? List.of() : List.of(new Source(url, path, columns));
    }
}
