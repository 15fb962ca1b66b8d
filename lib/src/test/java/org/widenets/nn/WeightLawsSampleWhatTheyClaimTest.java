package org.widenets.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.ExponentialDistribution;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.distribution.continuous.UniformRealDistribution;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.hipparchus.stat.descriptive.StreamingStatistics;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/**
 * Every law's sampler against its closed-form E‖w‖² (within 4 standard errors) and against the
 * textbook law of one derived quantity (Kolmogorov–Smirnov): the t marginal, the ball radius
 * (‖w‖/R ~ Beta(n, 1)), uniform directions (in ℝ³ a coordinate of u is uniform on [−1, 1]).
 */
class WeightLawsSampleWhatTheyClaimTest {

    private static final int M = 100_000;

    @Test
    void sampledSquaredNormMatchesTheClosedForm() {
        List<WeightDistribution> laws = List.of(new GaussianWeights(0.7), new MultivariateTWeights(5, 1.3),
                new MultivariateTWeights(12, 0.4), new SphereWeights(2), new BallWeights(1.5),
                new GaussianScaleMixtureWeights(new ExponentialDistribution(2)),
                new IidUniformWeights(0.8), new RademacherWeights(1.7),
                new IndependentBias(new MultivariateTWeights(6, 1), new GaussianWeights(0.3)));
        for (WeightDistribution law : laws) {
            for (int n : new int[] {1, 3, 10}) {
                if (law instanceof IndependentBias && n == 1) continue;
                RandomGenerator rng = new Well19937c(17L * n);
                double[] w = new double[n];
                StreamingStatistics norm2 = new StreamingStatistics();
                for (int i = 0; i < M; i++) {
                    law.sampleRow(rng, w);
                    double s = 0;
                    for (double v : w) s += v * v;
                    norm2.addValue(s);
                }
                double se = norm2.getStandardDeviation() / Math.sqrt(M);
                double expected = law.expectedSquaredNorm(n);
                assertEquals(expected, norm2.getMean(), 4 * se + 1e-12, law.name() + ", n = " + n);
            }
        }
    }

    @Test
    void multivariateTHasStudentTMarginals() {
        double nu = 3.5, sigma2 = 2;
        WeightDistribution law = new MultivariateTWeights(nu, sigma2);
        RandomGenerator rng = new Well19937c(5);
        double[] w = new double[4];
        double[] first = new double[20_000];
        for (int i = 0; i < first.length; i++) {
            law.sampleRow(rng, w);
            first[i] = w[2] / Math.sqrt(sigma2);
        }
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new TDistribution(nu), first);
        assertTrue(p > 1e-3, "p = " + p);
        // and the test has power: a unit normal is clearly not t_3.5 at this sample size
        double[] gauss = new double[first.length];
        for (int i = 0; i < gauss.length; i++) gauss[i] = first[i] * Math.sqrt(nu / (nu - 2));
        assertTrue(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new TDistribution(nu), gauss) < 1e-6);
    }

    @Test
    void ballRadiusIsBetaAndSphereRadiusIsFixed() {
        int n = 5;
        RandomGenerator rng = new Well19937c(9);
        double[] w = new double[n];
        double[] radii = new double[20_000];
        for (int i = 0; i < radii.length; i++) {
            new BallWeights(3).sampleRow(rng, w);
            radii[i] = norm(w) / 3;
        }
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new BetaDistribution(n, 1), radii);
        assertTrue(p > 1e-3, "p = " + p);
        new SphereWeights(3).sampleRow(rng, w);
        assertEquals(3, norm(w), 1e-12);
    }

    @Test
    void directionsAreUniformOnTheSphere() {
        // Archimedes: a coordinate of a uniform point on S² is uniform on [−1, 1].
        RandomGenerator rng = new Well19937c(11);
        double[] w = new double[3];
        double[] z = new double[20_000];
        for (int i = 0; i < z.length; i++) {
            new SphereWeights(1).sampleRow(rng, w);
            z[i] = w[i % 3];
        }
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(-1, 1), z);
        assertTrue(p > 1e-3, "p = " + p);
    }

    @Test
    void sameSeedSameRows() {
        for (WeightDistribution law : List.of(new MultivariateTWeights(4, 1), new BallWeights(1),
                new GaussianScaleMixtureWeights(new ExponentialDistribution(1)))) {
            double[] a = new double[6], b = new double[6];
            law.sampleRow(new Well19937c(3), a);
            law.sampleRow(new Well19937c(3), b);
            assertTrue(java.util.Arrays.equals(a, b), law.name());
        }
    }

    private static double norm(double[] w) {
        double s = 0;
        for (double v : w) s += v * v;
        return Math.sqrt(s);
    }
}
