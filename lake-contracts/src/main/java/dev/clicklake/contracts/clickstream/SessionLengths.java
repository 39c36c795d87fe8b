package dev.clicklake.contracts.clickstream;

import java.util.SplittableRandom;

/**
 * Planned events per session: a power law tapered by an exponential, {@code P(length = k)}
 * proportional to {@code (k^-alpha - (k+1)^-alpha) * e^(-(k-1)/TAPER)} up to {@link #MAX_LENGTH},
 * with {@code alpha} solved so that the mean is the wanted one. About half the sessions have a single
 * event, a few hundred in a million have hundreds and a handful have thousands, as in REES46.
 */
final class SessionLengths {

    static final int MAX_LENGTH = 3_000;

    private static final double TAPER = 300;

    private final double inverseAlpha;
    private final double mean;

    SessionLengths(double wantedMean) {
        double low = 0.01;
        double high = 60;
        for (int i = 0; i < 60; i++) {
            double alpha = (low + high) / 2;
            if (meanFor(alpha) > wantedMean) {
                low = alpha;
            } else {
                high = alpha;
            }
        }
        double alpha = (low + high) / 2;
        this.inverseAlpha = 1 / alpha;
        this.mean = meanFor(alpha);
    }

    /** Draws from the plain power law and keeps a length with the taper's probability. */
    int sample(SplittableRandom random) {
        while (true) {
            double draw = StrictMath.pow(Distributions.openUnit(random), -inverseAlpha);
            int length = draw >= MAX_LENGTH ? MAX_LENGTH : (int) draw;
            if (length == 1 || random.nextDouble() < taper(length)) {
                return length;
            }
        }
    }

    double mean() {
        return mean;
    }

    private static double taper(int length) {
        return StrictMath.exp(-(length - 1) / TAPER);
    }

    private static double meanFor(double alpha) {
        double weights = 0;
        double weightedLengths = 0;
        for (int k = 1; k <= MAX_LENGTH; k++) {
            double tail = StrictMath.pow(k, -alpha);
            double next = k == MAX_LENGTH ? 0 : StrictMath.pow(k + 1, -alpha);
            double weight = (tail - next) * taper(k);
            weights += weight;
            weightedLengths += k * weight;
        }
        return weightedLengths / weights;
    }
}
