package org.widenets.nn;

import java.util.Objects;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.stat.descriptive.StreamingStatistics;
import org.widenets.kernel.Checks;

/**
 * Monte Carlo mirror of the infinite-width kernels: NNGP and NTK of P inputs estimated over S
 * independent finite networks of one {@link MlpConfig}.
 * <pre>
 *   K̂(x_a, x_b) = (1/S) Σ_s E[f_s(x_a) f_s(x_b) | hidden layers of network s]     → K  as n, S → ∞
 *   Θ̂(x_a, x_b) = (1/S) Σ_s Θ̂_s(x_a, x_b)        (empirical NTK of network s)   → Θ  as n → ∞
 * </pre>
 * Network s is sampled from its own seed, derived from the master seed and s only, and the sums are
 * taken in the order of s: the result does not depend on the number of threads.
 */
public final class EmpiricalKernels {

    private EmpiricalKernels() {
    }

    /**
     * Estimates the kernels of the rows of {@code x} (P×d) over {@code networks} ≥ 2 networks drawn
     * from {@code config}, in parallel over networks.
     */
    public static KernelEstimate estimate(MlpConfig config, DMatrixRMaj x, int networks, long seed) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(x, "x");
        Checks.atLeast("networks", networks, 2);
        Checks.atLeast("x rows", x.numRows, 1);
        Checks.atLeast("x columns (input dimension)", x.numCols, 1);
        Checks.finite("x", x.data);
        RandomMlp.Kernels[] samples = new RandomMlp.Kernels[networks];
        IntStream.range(0, networks).parallel().forEach(s ->
                samples[s] = RandomMlp.sample(config, x.numCols, networkSeed(seed, s)).kernels(x));
        int p = x.numRows;
        Moments nngp = new Moments(p), product = new Moments(p), ntk = new Moments(p);
        double[] ff = new double[p * p];
        for (RandomMlp.Kernels k : samples) {
            nngp.add(k.nngp().data);
            ntk.add(k.ntk().data);
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    ff[a * p + b] = k.outputs()[a] * k.outputs()[b];
                }
            }
            product.add(ff);
        }
        return new KernelEstimate(nngp.mean(), nngp.standardError(), product.mean(), product.standardError(),
                ntk.mean(), ntk.standardError(), config.width(), networks);
    }

    /**
     * Seed of network s: the SplitMix64 finaliser (Steele, Lea &amp; Flood 2014) of seed + (s+1)·γ, so
     * that neighbouring master seeds and indices give unrelated streams. Written by hand because
     * neither Hipparchus nor the JDK exposes seed derivation by index.
     */
    static long networkSeed(long seed, int s) {
        long z = seed + (s + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Mean and standard error of P×P samples, one Hipparchus {@link StreamingStatistics} per entry. */
    private static final class Moments {
        private final int p;
        private final StreamingStatistics[] stats;

        Moments(int p) {
            this.p = p;
            stats = new StreamingStatistics[p * p];
            for (int k = 0; k < stats.length; k++) {
                stats[k] = new StreamingStatistics();
            }
        }

        void add(double[] sample) {
            for (int k = 0; k < stats.length; k++) {
                stats[k].addValue(sample[k]);
            }
        }

        DMatrixRMaj mean() {
            DMatrixRMaj m = new DMatrixRMaj(p, p);
            for (int k = 0; k < stats.length; k++) {
                m.data[k] = stats[k].getMean();
            }
            return m;
        }

        DMatrixRMaj standardError() {
            DMatrixRMaj e = new DMatrixRMaj(p, p);
            for (int k = 0; k < stats.length; k++) {
                e.data[k] = stats[k].getStandardDeviation() / Math.sqrt(stats[k].getN());
            }
            return e;
        }
    }
}
