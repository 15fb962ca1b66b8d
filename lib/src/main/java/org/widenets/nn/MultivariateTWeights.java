package org.widenets.nn;

import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.RandomGenerator;
import org.widenets.kernel.Checks;

/**
 * Multivariate Student t_ν(0, σ²·I) rows: w = σ·z/√(g/ν), z ~ N(0, I_n), g ~ χ²_ν, one g per row
 * (shared/papers/weight-invariance.md §2.2). Rotation invariant: a Gaussian scale mixture with a
 * radius shared by the whole row. Not the same law as i.i.d. t coordinates, which is not invariant.
 *
 * <p>E‖w‖² = nσ²·ν/(ν−2) for ν &gt; 2 and infinite for ν ≤ 2, where no equivalent kernel exists;
 * E‖w‖⁴ is finite only for ν &gt; 4, so Monte Carlo standard errors are meaningless for ν ≤ 4.
 *
 * @param degreesOfFreedom ν &gt; 0 (any ν samples; ν &gt; 2 is needed for a second moment)
 * @param scaleSquared     σ² ≥ 0, the squared scale per coordinate (not the variance, which is σ²ν/(ν−2))
 */
public record MultivariateTWeights(double degreesOfFreedom, double scaleSquared) implements WeightDistribution {

    public MultivariateTWeights {
        Checks.positive("degreesOfFreedom ν", degreesOfFreedom);
        Checks.variance("scaleSquared σ²", scaleSquared);
    }

    /**
     * The t_ν law whose per-coordinate variance is {@code effectiveVariance} = E‖w‖²/n, i.e.
     * σ² = σ²_eff·(ν−2)/ν; with σ²_eff = 2/(1+a²) this is the "He" initialisation of
     * weight-invariance.md §2.5 for LeakyReLU(a). Needs ν &gt; 2.
     */
    public static MultivariateTWeights withEffectiveVariance(double degreesOfFreedom, double effectiveVariance) {
        requireSecondMoment(degreesOfFreedom);
        Checks.variance("effectiveVariance", effectiveVariance);
        return new MultivariateTWeights(degreesOfFreedom, effectiveVariance * (degreesOfFreedom - 2) / degreesOfFreedom);
    }

    @Override
    public void sampleRow(RandomGenerator rng, double[] row) {
        Checks.atLeast("row dimension", row.length, 1);
        // χ²_ν = Gamma(shape ν/2, scale 2); Hipparchus uses Marsaglia–Tsang, no inverse CDF.
        RandomDataGenerator gen = RandomDataGenerator.of(rng);
        double g;
        do {
            // for small ν the gamma draw can underflow to 0, which would give an infinite row
            g = gen.nextGamma(degreesOfFreedom / 2, 2);
        } while (g == 0);
        double s = Math.sqrt(scaleSquared * degreesOfFreedom / g);
        for (int i = 0; i < row.length; i++) {
            row[i] = s * rng.nextGaussian();
        }
    }

    /** E‖w‖² = nσ²ν/(ν−2); an {@link IllegalArgumentException} for ν ≤ 2, where it is infinite. */
    @Override
    public double expectedSquaredNorm(int n) {
        Checks.atLeast("n", n, 1);
        requireSecondMoment(degreesOfFreedom);
        return n * scaleSquared * degreesOfFreedom / (degreesOfFreedom - 2);
    }

    /** E‖w‖⁴ &lt; ∞ iff ν &gt; 4. */
    @Override
    public boolean finiteFourthMoment() {
        return degreesOfFreedom > 4;
    }

    @Override
    public boolean rotationInvariant() {
        return true;
    }

    @Override
    public String name() {
        return "t(ν=" + degreesOfFreedom + ", σ²=" + scaleSquared + ")";
    }

    private static void requireSecondMoment(double nu) {
        if (!(nu > 2)) {
            throw new IllegalArgumentException("degreesOfFreedom ν = " + nu
                    + ": the multivariate t has E‖w‖² = ∞ for ν ≤ 2, so no equivalent kernel exists (need ν > 2)");
        }
    }
}
