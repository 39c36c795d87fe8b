package dev.clicklake.contracts.clickstream;

import java.util.List;

/**
 * The nine columns of a REES46 clickstream CSV file, in file order, shared by every service that
 * writes or reads such a file.
 *
 * <p>Fields are separated by commas and never quoted; {@code category_code}, {@code brand} and
 * (rarely) {@code user_session} may be empty. {@code category_id} is a 19-digit integer above
 * 2<sup>53</sup>, so it must be read as a {@code long} or a string, never as a double.
 */
public final class ClickstreamColumns {

    public static final String EVENT_TIME = "event_time";
    public static final String EVENT_TYPE = "event_type";
    public static final String PRODUCT_ID = "product_id";
    public static final String CATEGORY_ID = "category_id";
    public static final String CATEGORY_CODE = "category_code";
    public static final String BRAND = "brand";
    public static final String PRICE = "price";
    public static final String USER_ID = "user_id";
    public static final String USER_SESSION = "user_session";

    /** Zero-based position of each column in a row. */
    public static final int EVENT_TIME_INDEX = 0;
    public static final int EVENT_TYPE_INDEX = 1;
    public static final int PRODUCT_ID_INDEX = 2;
    public static final int CATEGORY_ID_INDEX = 3;
    public static final int CATEGORY_CODE_INDEX = 4;
    public static final int BRAND_INDEX = 5;
    public static final int PRICE_INDEX = 6;
    public static final int USER_ID_INDEX = 7;
    public static final int USER_SESSION_INDEX = 8;

    /** All column names in file order. */
    public static final List<String> NAMES = List.of(
            EVENT_TIME, EVENT_TYPE, PRODUCT_ID, CATEGORY_ID, CATEGORY_CODE, BRAND, PRICE, USER_ID, USER_SESSION);

    public static final int COUNT = NAMES.size();

    public static final char SEPARATOR = ',';

    /** The header line, without a line ending. */
    public static final String HEADER = String.join(",", NAMES);

    /** {@link java.time.format.DateTimeFormatter} pattern of {@code event_time}, e.g. {@code 2019-10-01 00:00:04 UTC}. */
    public static final String EVENT_TIME_PATTERN = "uuuu-MM-dd HH:mm:ss 'UTC'";

    private ClickstreamColumns() {
    }
}
