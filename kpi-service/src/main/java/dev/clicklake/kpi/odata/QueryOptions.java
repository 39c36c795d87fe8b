package dev.clicklake.kpi.odata;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Raw query strings as sent, option by option. */
final class QueryOptions {

    private QueryOptions() {
    }

    /** The decoded name of one raw {@code name=value} option. */
    static String name(String rawOption) {
        int equals = rawOption.indexOf('=');
        return URLDecoder.decode(equals < 0 ? rawOption : rawOption.substring(0, equals), StandardCharsets.UTF_8);
    }

    /** The decoded value of one raw {@code name=value} option (empty without {@code =}). */
    static String value(String rawOption) {
        int equals = rawOption.indexOf('=');
        return equals < 0 ? "" : URLDecoder.decode(rawOption.substring(equals + 1), StandardCharsets.UTF_8);
    }

    /**
     * {@code rawQuery} with each {@code +} as {@code %20}: a {@code +} in a query string is a space in form
     * encoding (what browsers and many clients send), which Olingo would read as a plus; a plus itself is {@code %2B}.
     */
    static String formSpaces(String rawQuery) {
        return rawQuery == null ? null : rawQuery.replace("+", "%20");
    }

    /** {@code rawQuery} without the options named {@code name}; null when nothing remains. */
    static String without(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        String kept = Arrays.stream(rawQuery.split("&"))
                .filter(option -> !option.isEmpty() && !name(option).equals(name))
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? null : kept;
    }
}
