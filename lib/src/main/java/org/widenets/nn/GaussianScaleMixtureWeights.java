package org.widenets.nn;

import java.util.Objects;
import org.hipparchus.distribution.RealDistribution;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.RandomGenerator;
import org.widenets.kernel.Checks;

/**
 * Gaussian scale mixture rows: w = √V·z with z ~ N(0, I_n) and a mixing variance V ≥ 0 drawn from
 * {@code mixingVariance}, one V per row and independent of z (shared/papers/weight-invariance.md
 * §2.2). Rotation invariant for every law of V; E‖w‖² = n·E[V], E‖w‖⁴ = n(n+2)·E[V²].
 *
 * <p>V is drawn by inversion ({@code RandomDataGenerator.nextDeviate}), so any Hipparchus
 * {@link RealDistribution} with support in [0, ∞) will do: e.g. {@code ExponentialDistribution(1)}
 * (then w has a multivariate Laplace law), or an inverse-gamma law (multivariate t).
 */
public record GaussianScaleMixtureWeights(RealDistribution mixingVariance) implements WeightDistribution {

    public GaussianScaleMixtureWeights {
        Objects.requireNonNull(mixingVariance, "mixingVariance");
        if (!(mixingVariance.getSupportLowerBound() >= 0)) {
            throw new IllegalArgumentException("mixingVariance must be a law on [0, ∞), its support starts at "
                    + mixingVariance.getSupportLowerBound());
        }
    }

    @Override
    public void sampleRow(RandomGenerator rng, double[] row) {
        Checks.atLeast("row dimension", row.length, 1);
        double s = Math.sqrt(RandomDataGenerator.of(rng).nextDeviate(mixingVariance));
        for (int i = 0; i < row.length; i++) {
            row[i] = s * rng.nextGaussian();
        }
    }

    /** E‖w‖² = n·E[V]; an {@link IllegalArgumentException} when E[V] is infinite. */
    @Override
    public double expectedSquaredNorm(int n) {
        Checks.atLeast("n", n, 1);
        double mean = mixingVariance.getNumericalMean();
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mixingVariance has mean " + mean + ", so E‖w‖² = n·E[V] is infinite");
        }
        return n * mean;
    }

    /** E[V²] = Var V + (E V)² &lt; ∞. */
    @Override
    public boolean finiteFourthMoment() {
        double m = mixingVariance.getNumericalMean(), v = mixingVariance.getNumericalVariance();
        return Double.isFinite(m) && Double.isFinite(v);
    }

    @Override
    public boolean rotationInvariant() {
        return true;
    }

    @Override
    public String name() {
        return "scale mixture(V ~ " + mixingVariance.getClass().getSimpleName().replace("Distribution", "")
                + ", E V=" + mixingVariance.getNumericalMean() + ")";
    }
}
