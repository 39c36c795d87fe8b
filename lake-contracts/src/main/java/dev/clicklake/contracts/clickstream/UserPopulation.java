package dev.clicklake.contracts.clickstream;

import java.util.SplittableRandom;

/**
 * Who starts a session. Users are numbered {@code 0..size-1} and never stored: most sessions pick a
 * user uniformly, the rest favour low numbers, which gives each user about the wanted number of
 * sessions with a long tail of heavy users. A user number maps one-to-one to a 9-digit
 * {@code user_id} between 300,000,000 and 568,435,455, like the REES46 ids.
 */
final class UserPopulation {

    private static final long FIRST_USER_ID = 300_000_000L;
    private static final long ID_MASK = (1L << 28) - 1;
    private static final long ID_MULTIPLIER = 0x9E3779B1L;
    private static final double HEAVY_USER_SHARE = 0.15;
    /** Sessions per user number that end up as the wanted sessions per seen user (measured once). */
    private static final double SEEN_USER_CORRECTION = 0.93;

    private final long size;
    private final long idOffset;

    UserPopulation(double expectedSessions, double sessionsPerUser, SplittableRandom random) {
        double users = expectedSessions / (sessionsPerUser * SEEN_USER_CORRECTION);
        this.size = Math.max(1, Math.min(ID_MASK + 1, Math.round(users)));
        this.idOffset = random.nextLong() & ID_MASK;
    }

    int nextUserId(SplittableRandom random) {
        double position = random.nextDouble();
        if (random.nextDouble() < HEAVY_USER_SHARE) {
            position *= position;
        }
        long user = Math.min(size - 1, (long) (position * size));
        return (int) (FIRST_USER_ID + ((user * ID_MULTIPLIER + idOffset) & ID_MASK));
    }
}
