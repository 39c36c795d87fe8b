package dev.clicklake.ingest.rest;

/** What was wrong with a request: the parameter (if one) and the problem, for a person to fix. */
public record ErrorBody(String error, String field) {
}
