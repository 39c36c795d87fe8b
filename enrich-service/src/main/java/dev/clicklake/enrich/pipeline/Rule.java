package dev.clicklake.enrich.pipeline;

/** The silver rules a row can fail; {@link #id()} is what quarantine records and metrics name. */
public enum Rule {
    ROW_FIELD_COUNT("row.field_count"),
    ROW_UNTERMINATED_QUOTE("row.unterminated_quote"),
    ROW_TOO_LONG("row.too_long"),
    EVENT_TIME_FORMAT("event_time.format"),
    EVENT_TIME_RANGE("event_time.range"),
    EVENT_TYPE_UNKNOWN("event_type.unknown"),
    PRODUCT_ID_INVALID("product_id.invalid"),
    PRODUCT_ID_NEGATIVE("product_id.negative"),
    CATEGORY_ID_INVALID("category_id.invalid"),
    PRICE_INVALID("price.invalid"),
    PRICE_NEGATIVE("price.negative"),
    PRICE_SCALE("price.scale"),
    PRICE_RANGE("price.range"),
    USER_ID_INVALID("user_id.invalid"),
    USER_ID_NEGATIVE("user_id.negative");

    private final String id;

    Rule(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
