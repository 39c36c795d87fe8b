package dev.clicklake.contracts.clickstream;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Spreads traffic over the time window: afternoons about fifteen times busier than nights (UTC, as in
 * REES46, whose shoppers are mostly three hours ahead) and some days busier than others. Maps a fraction of
 * the total traffic to the second by which that fraction has arrived.
 */
final class TrafficClock {

    private static final int SECONDS_PER_HOUR = 3_600;
    private static final double PEAK_HOUR_UTC = 14;
    private static final double DAILY_SWING = 1.4;
    private static final double DAY_TO_DAY_SWING = 0.25;

    private final long start;
    private final long end;
    private final double[] trafficBeforeHour;

    TrafficClock(LocalDate startDate, int days, SplittableRandom random) {
        this.start = startDate.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        this.end = start + days * 24L * SECONDS_PER_HOUR;
        int hours = days * 24;
        trafficBeforeHour = new double[hours + 1];
        double dayWeight = 1;
        for (int h = 0; h < hours; h++) {
            if (h % 24 == 0) {
                dayWeight = 1 + DAY_TO_DAY_SWING * (random.nextDouble() - 0.5);
            }
            double hourOfDay = h % 24 + 0.5;
            double hourWeight = StrictMath.exp(DAILY_SWING * StrictMath.cos(2 * Math.PI * (hourOfDay - PEAK_HOUR_UTC) / 24));
            trafficBeforeHour[h + 1] = trafficBeforeHour[h] + dayWeight * hourWeight;
        }
        double total = trafficBeforeHour[hours];
        for (int h = 0; h <= hours; h++) {
            trafficBeforeHour[h] /= total;
        }
    }

    /** First second of the window (epoch seconds, UTC). */
    long start() {
        return start;
    }

    /** First second after the window. */
    long end() {
        return end;
    }

    /** The fraction of the window's traffic that arrives before second {@code time} (inside the window). */
    double trafficBefore(long time) {
        long intoWindow = time - start;
        int hour = (int) (intoWindow / SECONDS_PER_HOUR);
        double intoHour = (intoWindow - (long) hour * SECONDS_PER_HOUR) / (double) SECONDS_PER_HOUR;
        return trafficBeforeHour[hour] + intoHour * (trafficBeforeHour[hour + 1] - trafficBeforeHour[hour]);
    }

    /** The second by which {@code fraction} of the traffic has arrived, always inside the window. */
    long timeAt(double fraction) {
        int found = Arrays.binarySearch(trafficBeforeHour, fraction);
        int hour = found >= 0 ? found : -found - 2;
        if (hour >= trafficBeforeHour.length - 1) {
            return end - 1;
        }
        double intoHour = (fraction - trafficBeforeHour[hour]) / (trafficBeforeHour[hour + 1] - trafficBeforeHour[hour]);
        long time = start + (long) hour * SECONDS_PER_HOUR + (long) (intoHour * SECONDS_PER_HOUR);
        return Math.max(start, Math.min(end - 1, time));
    }
}
