package dev.clicklake.ingest.rest;

/**
 * Body of {@code POST /ingestions} for a URL source.
 *
 * @param columns column order of a header-less file, comma-separated; omit when the file has a header
 */
public record UrlIngestionRequest(String dataset, String url, String columns) {
}
