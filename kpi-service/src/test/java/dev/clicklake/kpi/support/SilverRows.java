package dev.clicklake.kpi.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded random silver rows. Users and sessions come from small pools so that rows of different files
 * share them, which is what makes summing per-file distinct counts wrong.
 */
public final class SilverRows {

    private static final String[] TYPES = {"view", "view", "view", "view", "view", "view", "cart", "cart",
            "remove_from_cart", "purchase"};
    private static final String[] CODES = {"electronics.smartphone", "appliances.kitchen.washer", "", "computers.notebook"};
    private static final String[] BRANDS = {"samsung", "apple", "", "xiaomi"};

    private final Random random;
    private final long[] users;
    private final String[] sessions;

    /** A generator whose user and session pools hold {@code users} and {@code sessions} ids. */
    public SilverRows(long seed, int users, int sessions) {
        this.random = new Random(seed);
        this.users = new long[users];
        for (int i = 0; i < users; i++) {
            this.users[i] = 500_000_000L + random.nextInt(100_000_000);
        }
        this.sessions = new String[sessions];
        for (int i = 0; i < sessions; i++) {
            this.sessions[i] = new UUID(random.nextLong(), random.nextLong()).toString();
        }
    }

    /** {@code count} rows with event times spread over {@code day} (UTC); about 1 in 20 has no session. */
    public List<SilverRow> on(LocalDate day, int count) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<SilverRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(CODES.length);
            rows.add(new SilverRow(
                    start.plusMillis(random.nextInt(86_400_000)),
                    TYPES[random.nextInt(TYPES.length)],
                    1_000_000L + random.nextInt(5_000),
                    2_053_013_555_631_882_655L + kind,
                    CODES[kind],
                    BRANDS[random.nextInt(BRANDS.length)],
                    BigDecimal.valueOf(random.nextInt(257_407), 2),
                    users[random.nextInt(users.length)],
                    random.nextInt(20) == 0 ? null : sessions[random.nextInt(sessions.length)]));
        }
        return rows;
    }
}
