package org.widenets.invariance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.hipparchus.stat.descriptive.moment.Mean;
import org.hipparchus.stat.descriptive.moment.Variance;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Checks;
import org.widenets.nn.WeightDistribution;

/**
 * Monte Carlo estimates of the one-hidden-layer kernel k(x, y) = E_w[φ(w·x) φ(w·y)] for rows w drawn
 * from any {@link WeightDistribution}: M rows, summands v_i = φ(w_i·x)φ(w_i·y), estimate
 * mean ± sd/√M (shared/papers/weight-invariance.md §3). No width limit is involved: this is the
 * expectation itself, so at small n it tests exactness, not a CLT effect.
 *
 * <p>All targets y_j share the same rows (common random numbers), so a curve over angles costs one
 * pass. Rows are generated in fixed chunks of {@value #CHUNK} rows, chunk c from its own
 * {@code Well19937c} seeded with (seed, c), and chunk results are merged in chunk order: the numbers
 * depend on the seed only, never on the number of threads.
 */
public final class OneLayerMonteCarlo {

    /** Rows per independently seeded chunk. */
    public static final int CHUNK = 1 << 15;

    private OneLayerMonteCarlo() {
    }

    /**
     * Estimates k(x, y_j) for every j.
     *
     * @param law        the row law; rows have dimension x.length
     * @param activation φ
     * @param x          the first input (for a bias, the augmented input)
     * @param ys         the second inputs, each of dimension x.length
     * @param samples    M ≥ 2 rows
     * @param seed       any long; equal seeds give equal estimates
     */
    public static List<MonteCarloEstimate> estimate(WeightDistribution law, Activation activation, double[] x,
                                                double[][] ys, long samples, long seed) {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(activation, "activation");
        Checks.atLeast("input dimension", x.length, 1);
        Checks.finite("x", x);
        for (int j = 0; j < ys.length; j++) {
            if (ys[j].length != x.length) {
                throw new IllegalArgumentException("ys[" + j + "] has dimension " + ys[j].length
                        + " but x has " + x.length);
            }
            Checks.finite("ys[" + j + "]", ys[j]);
        }
        if (samples < 2) throw new IllegalArgumentException("samples M must be ≥ 2, got " + samples);
        int chunks = (int) ((samples + CHUNK - 1) / CHUNK);
        List<Moments[]> parts = IntStream.range(0, chunks).parallel()
                .mapToObj(c -> chunk(law, activation, x, ys, Math.min(CHUNK, samples - (long) c * CHUNK), seed, c))
                .toList();
        List<MonteCarloEstimate> out = new ArrayList<>(ys.length);
        boolean valid = law.finiteFourthMoment();
        for (int j = 0; j < ys.length; j++) {
            Mean mean = new Mean();
            Variance var = new Variance();
            for (Moments[] p : parts) {
                mean.aggregate(p[j].mean);
                var.aggregate(p[j].var);
            }
            out.add(new MonteCarloEstimate(mean.getResult(), Math.sqrt(var.getResult() / samples), samples, valid));
        }
        return List.copyOf(out);
    }

    /** One target y. */
    public static MonteCarloEstimate estimate(WeightDistribution law, Activation activation, double[] x, double[] y,
                                          long samples, long seed) {
        return estimate(law, activation, x, new double[][] {y}, samples, seed).get(0);
    }

    /** The generator of chunk c: a fixed function of (seed, c). */
    static RandomGenerator generator(long seed, int chunk) {
        return new Well19937c(new int[] {(int) seed, (int) (seed >>> 32), chunk, 0x5eed});
    }

    private static Moments[] chunk(WeightDistribution law, Activation phi, double[] x, double[][] ys, long rows,
                                   long seed, int c) {
        RandomGenerator rng = generator(seed, c);
        Moments[] m = new Moments[ys.length];
        for (int j = 0; j < ys.length; j++) m[j] = new Moments();
        double[] w = new double[x.length];
        for (long i = 0; i < rows; i++) {
            law.sampleRow(rng, w);
            double hx = phi.phi(dot(w, x));
            for (int j = 0; j < ys.length; j++) {
                double v = hx * phi.phi(dot(w, ys[j]));
                m[j].mean.increment(v);
                m[j].var.increment(v);
            }
        }
        return m;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static final class Moments {
        final Mean mean = new Mean();
        final Variance var = new Variance();
    }
}
