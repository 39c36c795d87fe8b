package dev.clicklake.contracts.clickstream;

import static dev.clicklake.contracts.clickstream.ClickstreamColumns.BRAND_INDEX;
import static dev.clicklake.contracts.clickstream.ClickstreamColumns.CATEGORY_ID_INDEX;
import static dev.clicklake.contracts.clickstream.ClickstreamColumns.EVENT_TIME_INDEX;
import static dev.clicklake.contracts.clickstream.ClickstreamColumns.EVENT_TYPE_INDEX;
import static dev.clicklake.contracts.clickstream.ClickstreamColumns.PRICE_INDEX;
import static dev.clicklake.contracts.clickstream.ClickstreamColumns.PRODUCT_ID_INDEX;
import static dev.clicklake.contracts.clickstream.ClickstreamColumns.USER_ID_INDEX;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The kinds of deliberately broken rows the generator can inject, each breaking exactly one
 * REES46 rule so that a reader's quarantine can be checked kind by kind.
 */
public enum BadRowKind {
    /** {@code event_time} in day-first slash form, e.g. {@code 01/10/2019 00:00:04}. */
    UNPARSEABLE_TIME {
        @Override
        void corrupt(List<String> fields) {
            String time = fields.get(EVENT_TIME_INDEX);
            fields.set(EVENT_TIME_INDEX, time.substring(8, 10) + "/" + time.substring(5, 7) + "/"
                    + time.substring(0, 4) + time.substring(10, 19));
        }
    },
    /** {@code event_type} that is none of the known types: {@code click}. */
    UNKNOWN_EVENT_TYPE {
        @Override
        void corrupt(List<String> fields) {
            fields.set(EVENT_TYPE_INDEX, "click");
        }
    },
    /** {@code product_id} with a letter in front, e.g. {@code x1004237}. */
    NON_NUMERIC_PRODUCT_ID {
        @Override
        void corrupt(List<String> fields) {
            fields.set(PRODUCT_ID_INDEX, "x" + fields.get(PRODUCT_ID_INDEX));
        }
    },
    /** {@code category_id} as a double would print it, e.g. {@code 2.053013555631883E18}. */
    CATEGORY_ID_AS_DOUBLE {
        @Override
        void corrupt(List<String> fields) {
            fields.set(CATEGORY_ID_INDEX, Double.toString(Long.parseLong(fields.get(CATEGORY_ID_INDEX))));
        }
    },
    /** {@code price} below zero, e.g. {@code -35.79} ({@code -1.00} in place of a zero price). */
    NEGATIVE_PRICE {
        @Override
        void corrupt(List<String> fields) {
            String price = fields.get(PRICE_INDEX);
            fields.set(PRICE_INDEX, price.equals("0.00") ? "-1.00" : "-" + price);
        }
    },
    /** {@code price} with three decimals, e.g. {@code 35.795}. */
    TOO_MANY_PRICE_DECIMALS {
        @Override
        void corrupt(List<String> fields) {
            fields.set(PRICE_INDEX, fields.get(PRICE_INDEX) + "5");
        }
    },
    /** {@code user_id} left empty. */
    MISSING_USER_ID {
        @Override
        void corrupt(List<String> fields) {
            fields.set(USER_ID_INDEX, "");
        }
    },
    /** Eight fields: the {@code brand} field and its comma are gone. */
    MISSING_FIELD {
        @Override
        void corrupt(List<String> fields) {
            fields.remove(BRAND_INDEX);
        }
    },
    /** Ten fields: an extra {@code extra} field at the end. */
    EXTRA_FIELD {
        @Override
        void corrupt(List<String> fields) {
            fields.add("extra");
        }
    };

    /** Breaks this kind's rule in a well-formed nine-field row, e.g. {@code NEGATIVE_PRICE.corrupt(row)}. */
    public String corrupt(String row) {
        List<String> fields = new ArrayList<>(Arrays.asList(row.split(",", -1)));
        if (fields.size() != ClickstreamColumns.COUNT) {
            throw new IllegalArgumentException("not a nine-field row: " + row);
        }
        corrupt(fields);
        return String.join(",", fields);
    }

    abstract void corrupt(List<String> fields);
}
