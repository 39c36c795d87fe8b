package dev.clicklake.contracts.clickstream;

import java.util.SplittableRandom;

/**
 * Zipf-like ranks in {@code [0, n)}: rank {@code r} comes with a weight close to
 * {@code (r + 1)^-(1 - 1/k)}. Drawing inverts the continuous distribution with one multiplication
 * chain of length {@code k}, so it costs no transcendental function per draw.
 */
final class PowerLawSampler {

    private final int n;
    private final int power;
    private final double span;

    /**
     * @param n     number of ranks, at least 1
     * @param power {@code k} above: 1 draws uniformly, larger values concentrate on the first ranks
     */
    PowerLawSampler(int n, int power) {
        this.n = n;
        this.power = power;
        this.span = StrictMath.pow(n + 1.0, 1.0 / power) - 1;
    }

    int sample(SplittableRandom random) {
        double base = span * random.nextDouble() + 1;
        double value = base;
        for (int i = 1; i < power; i++) {
            value *= base;
        }
        return Math.min((int) value - 1, n - 1);
    }
}
