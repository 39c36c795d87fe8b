package dev.clicklake.contracts.clickstream;

import java.util.SplittableRandom;

/**
 * Small random shapes used by the generator. Transcendental functions go through {@link StrictMath}
 * so that a seed gives the same file on every JVM.
 */
final class Distributions {

    private static final double SQRT_3 = StrictMath.sqrt(3);

    private Distributions() {
    }

    /** A uniform double in (0, 1], safe to raise to a negative power. */
    static double openUnit(SplittableRandom random) {
        return 1.0 - random.nextDouble();
    }

    /** Close to a standard normal (sum of four uniforms), bounded to about +-3.5. */
    private static double roughNormal(SplittableRandom random) {
        double sum = random.nextDouble() + random.nextDouble() + random.nextDouble() + random.nextDouble();
        return (sum - 2) * SQRT_3;
    }

    /** {@code median * e^(sigma * roughNormal)}. */
    static double logNormal(SplittableRandom random, double median, double sigma) {
        return median * StrictMath.exp(sigma * roughNormal(random));
    }
}
