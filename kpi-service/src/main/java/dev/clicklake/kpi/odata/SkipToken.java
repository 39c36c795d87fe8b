package dev.clicklake.kpi.odata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clicklake.kpi.catalog.GoldColumn;
import dev.clicklake.kpi.catalog.ValueType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The position of a page in a result, carried by {@code $skiptoken} so the server keeps no state: the sort order
 * it belongs to, how many rows were served before, and the sort values of the last row served (the keyset the
 * next page starts after). Opaque to clients: base64url of a small JSON document.
 *
 * @param order    the order it was made for ({@code column [desc],...}); a token is refused under another order
 * @param served   rows served by the pages before
 * @param lastRow  the sort values of the last row served
 */
record SkipToken(String order, long served, List<Object> lastRow) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The JSON form: values as strings, typed back by the order's columns when read. */
    private record Wire(String order, long served, List<String> last) {
    }

    String encode() {
        List<String> values = lastRow.stream().map(v -> v == null ? null : v.toString()).toList();
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    JSON.writeValueAsBytes(new Wire(order, served, values)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a token made for {@code order}, whose sort columns are {@code columns}.
     *
     * @throws IllegalArgumentException when the token is not one of ours or belongs to another order
     */
    static SkipToken decode(String token, String order, List<GoldColumn> columns) {
        Wire wire;
        try {
            wire = JSON.readValue(Base64.getUrlDecoder().decode(token), Wire.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("$skiptoken is not a token this service made");
        }
        if (wire.order() == null || !wire.order().equals(order) || wire.last() == null
                || wire.last().size() != columns.size() || wire.served() < 0) {
            throw new IllegalArgumentException("$skiptoken belongs to another request; follow @odata.nextLink as given");
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String text = wire.last().get(i);
            try {
                values.add(text == null ? null : parse(columns.get(i).type(), text));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("$skiptoken is not a token this service made");
            }
        }
        return new SkipToken(wire.order(), wire.served(), values);
    }

    private static Object parse(ValueType type, String text) {
        return switch (type) {
            case TEXT -> text;
            case DATE -> LocalDate.parse(text);
            case TIMESTAMP -> Instant.parse(text);
            case MONEY, RATE -> new BigDecimal(text);
            case INT64 -> Long.valueOf(text);
            case INT32 -> Integer.valueOf(text);
            case INT16 -> Short.valueOf(text);
        };
    }
}
