package dev.clicklake.kpi.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The test's own computation of the daily figures straight from a clean REES46 CSV file, written apart
 * from the services' code: one event per distinct line, the day is the date part of event_time.
 */
final class ExpectedDailyFigures {

    static final class Day {
        long events;
        long views;
        long carts;
        long removes;
        long purchases;
        BigDecimal revenue = BigDecimal.ZERO.setScale(2);
        final Set<String> users = new HashSet<>();
        final Set<String> sessions = new HashSet<>();
    }

    private ExpectedDailyFigures() {
    }

    static Map<String, Day> of(Path csv) throws IOException {
        Set<String> distinctLines = new LinkedHashSet<>();
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            reader.readLine(); // header: event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                distinctLines.add(line);
            }
        }
        Map<String, Day> days = new TreeMap<>();
        for (String line : distinctLines) {
            String[] f = line.split(",", -1);
            Day day = days.computeIfAbsent(f[0].substring(0, 10), d -> new Day());
            day.events++;
            switch (f[1]) {
                case "view" -> day.views++;
                case "cart" -> day.carts++;
                case "remove_from_cart" -> day.removes++;
                case "purchase" -> {
                    day.purchases++;
                    day.revenue = day.revenue.add(new BigDecimal(f[6]));
                }
                default -> throw new IllegalArgumentException("unexpected event type in a clean fixture: " + line);
            }
            day.users.add(f[7]);
            if (!f[8].isBlank()) {
                day.sessions.add(f[8]);
            }
        }
        return days;
    }
}
