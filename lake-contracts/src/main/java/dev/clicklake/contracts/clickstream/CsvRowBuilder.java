package dev.clicklake.contracts.clickstream;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Builds one CSV row as ASCII bytes in a reused array, without creating strings: numbers, prices in
 * cents and {@code YYYY-MM-DD HH:MM:SS UTC} times are written digit by digit.
 */
final class CsvRowBuilder {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final byte[] UTC_SUFFIX = " UTC".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] TENS = new byte[100];
    private static final byte[] ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            TENS[i] = (byte) ('0' + i / 10);
            ONES[i] = (byte) ('0' + i % 10);
        }
    }

    private final byte[] bytes = new byte[1_024];
    private int length;
    private long cachedDay = Long.MIN_VALUE;
    private final byte[] dayText = new byte[11];

    CsvRowBuilder clear() {
        length = 0;
        return this;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    CsvRowBuilder comma() {
        bytes[length++] = ',';
        return this;
    }

    CsvRowBuilder text(byte[] text) {
        System.arraycopy(text, 0, bytes, length, text.length);
        length += text.length;
        return this;
    }

    /** A non-negative integer in decimal, two digits per division. */
    CsvRowBuilder number(int value) {
        int at = length + digitCount(value);
        length = at;
        while (value >= 100) {
            int quotient = value / 100;
            int pair = value - quotient * 100;
            bytes[--at] = ONES[pair];
            bytes[--at] = TENS[pair];
            value = quotient;
        }
        if (value >= 10) {
            bytes[--at] = ONES[value];
            bytes[--at] = TENS[value];
        } else {
            bytes[--at] = (byte) ('0' + value);
        }
        return this;
    }

    /** A non-negative amount of cents with exactly two decimals, e.g. {@code 35.79} or {@code 0.00}. */
    CsvRowBuilder cents(int cents) {
        number(cents / 100);
        bytes[length++] = '.';
        return twoDigits(cents % 100);
    }

    /** {@code YYYY-MM-DD HH:MM:SS UTC} for an epoch second. */
    CsvRowBuilder time(long epochSecond) {
        long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        if (day != cachedDay) {
            byte[] date = (LocalDate.ofEpochDay(day) + " ").getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(date, 0, dayText, 0, dayText.length);
            cachedDay = day;
        }
        text(dayText);
        int secondOfDay = (int) (epochSecond - day * SECONDS_PER_DAY);
        twoDigits(secondOfDay / 3_600);
        bytes[length++] = ':';
        twoDigits(secondOfDay / 60 % 60);
        bytes[length++] = ':';
        twoDigits(secondOfDay % 60);
        return text(UTC_SUFFIX);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }

    private CsvRowBuilder twoDigits(int value) {
        bytes[length++] = TENS[value];
        bytes[length++] = ONES[value];
        return this;
    }

    private static int digitCount(int value) {
        if (value < 100_000) {
            return value < 100 ? (value < 10 ? 1 : 2) : value < 1_000 ? 3 : value < 10_000 ? 4 : 5;
        }
        return value < 10_000_000 ? (value < 1_000_000 ? 6 : 7) : value < 100_000_000 ? 8 : value < 1_000_000_000 ? 9 : 10;
    }
}
