package dev.clicklake.contracts.clickstream;

import java.util.SplittableRandom;

/**
 * Starts sessions: draws the user, the session id, the number of events and how long the session
 * lasts. Typical sessions spend about 40 seconds per event; a rare few last a day or two.
 */
final class SessionStarter {

    private static final byte[] EMPTY_SESSION_ID = new byte[0];

    private static final double MEDIAN_SECONDS_PER_EVENT = 40;
    private static final double SECONDS_PER_EVENT_SIGMA = 1.0;
    private static final double MAX_ORDINARY_SECONDS = 20 * 3_600;
    private static final double DAY_SECONDS = 24 * 3_600;

    private final ClickstreamOptions options;
    private final SessionLengths lengths;
    private final UserPopulation users;
    private final long windowLast;

    SessionStarter(ClickstreamOptions options, SessionLengths lengths, UserPopulation users, long windowLast) {
        this.options = options;
        this.lengths = lengths;
        this.users = users;
        this.windowLast = windowLast;
    }

    ClickSession start(long time, SplittableRandom random) {
        int events = lengths.sample(random);
        byte[] sessionId = random.nextDouble() < options.emptySessionShare()
                ? EMPTY_SESSION_ID : SessionIds.randomV4(random);
        int userId = users.nextUserId(random);
        boolean twoUsers = events > 1 && random.nextDouble() < options.multiUserSessionShare();
        int otherUserId = twoUsers ? users.nextUserId(random) : userId;
        int otherUserFrom = twoUsers ? events / 2 : Integer.MAX_VALUE;
        return new ClickSession(sessionId, userId, otherUserId, otherUserFrom,
                time, time + duration(events, random), events, windowLast);
    }

    private double duration(int events, SplittableRandom random) {
        if (events == 1) {
            return 0;
        }
        if (random.nextDouble() < options.longSessionShare()) {
            return DAY_SECONDS * (1 + random.nextDouble());
        }
        double perEvent = Distributions.logNormal(random, MEDIAN_SECONDS_PER_EVENT, SECONDS_PER_EVENT_SIGMA);
        return Math.min(MAX_ORDINARY_SECONDS, (events - 1) * perEvent);
    }
}
