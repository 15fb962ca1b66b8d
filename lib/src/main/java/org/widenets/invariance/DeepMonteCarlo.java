package org.widenets.invariance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.hipparchus.random.Well19937c;
import org.hipparchus.stat.descriptive.StreamingStatistics;
import org.widenets.kernel.Checks;
import org.widenets.nn.MlpConfig;
import org.widenets.nn.RandomMlp;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Monte Carlo over finite deep networks ({@link RandomMlp}, rows of every layer from the config's
 * {@link org.widenets.nn.WeightDistribution}) for the deep half of shared/papers/weight-invariance.md:
 * the normalised kernel per layer, to compare with {@link AngleMap} (figure W5, the paper's Fig. 3), and
 * the squared norms of the hidden layers (figure W7, initialisation).
 *
 * <p>Network s is drawn from the s-th long of a {@code Well19937c(seed)}, the seeds are drawn before
 * any work is shared out, and results are collected in network order: numbers depend on the seed only.
 * Use {@code biasVariance = 0}: the config's biases are i.i.d. Gaussian, not drawn jointly with the rows.
 */
public final class DeepMonteCarlo {

    private DeepMonteCarlo() {
    }

    /**
     * The normalised kernel ρ̂_j(x, y) = h^j(x)·h^j(y)/(‖h^j(x)‖‖h^j(y)‖) of hidden layer j = 1 … L,
     * averaged over {@code networks} ≥ 2 networks, with the standard error over networks. It tends to
     * cos θ_j of the {@link AngleMap} as the width grows, with an O(1/width) bias because it is a ratio.
     *
     * @return element [j − 1][k]: layer j, target y_k
     */
    public static List<List<MonteCarloEstimate>> normalisedKernels(MlpConfig config, double[] x, double[][] ys,
                                                                  int networks, long seed) {
        Objects.requireNonNull(config, "config");
        Checks.atLeast("networks", networks, 2);
        for (int k = 0; k < ys.length; k++) {
            if (ys[k].length != x.length) {
                throw new IllegalArgumentException("ys[" + k + "] has dimension " + ys[k].length + " but x has " + x.length);
            }
        }
        long[] seeds = seeds(seed, networks);
        int depth = config.depth();
        double[][][] rho = new double[networks][][];
        IntStream.range(0, networks).parallel().forEach(s -> {
            RandomMlp net = RandomMlp.sample(config, x.length, seeds[s]);
            List<double[]> hx = net.hidden(x);
            double[][] r = new double[depth][ys.length];
            for (int k = 0; k < ys.length; k++) {
                List<double[]> hy = net.hidden(ys[k]);
                for (int j = 0; j < depth; j++) r[j][k] = cosine(hx.get(j), hy.get(j));
            }
            rho[s] = r;
        });
        List<List<MonteCarloEstimate>> out = new ArrayList<>(depth);
        for (int j = 0; j < depth; j++) {
            List<MonteCarloEstimate> layer = new ArrayList<>(ys.length);
            for (int k = 0; k < ys.length; k++) {
                StreamingStatistics st = new StreamingStatistics();
                for (double[][] r : rho) st.addValue(r[j][k]);
                // a ratio in [−1, 1] has every moment, whatever the weight law
                layer.add(new MonteCarloEstimate(st.getMean(), st.getStandardDeviation() / Math.sqrt(networks),
                        networks, true));
            }
            out.add(List.copyOf(layer));
        }
        return List.copyOf(out);
    }

    /**
     * ‖h^l(x)‖²/width for l = 0 … L (l = 0: ‖x‖²/d) in each of {@code networks} networks. Columns: network,
     * layer, squared norm per unit. Because φ is positively homogeneous, conditionally on h^l every unit
     * has E[φ(z)²] = ((1 + a²)/2)·E[z²] exactly, so for MEAN input scaling
     * <pre>
     *   E[‖h^{l+1}‖²/n] = σ_w² · (E‖w‖²/n) · ((1 + a²)/2) · E[‖h^l‖²/n]
     * </pre>
     * at every width: with E‖w‖²/n = 1 and σ_w² = 2/(1 + a²) ("He" for any rotation-invariant law,
     * weight-invariance.md §2.5) the mean is ‖x‖²/d at every depth, while the spread between networks
     * grows with depth and with the tail of the radial law.
     */
    public static Table squaredNorms(MlpConfig config, double[] x, int networks, long seed) {
        Objects.requireNonNull(config, "config");
        Checks.atLeast("networks", networks, 1);
        Checks.finite("x", x);
        long[] seeds = seeds(seed, networks);
        int depth = config.depth();
        double[][] norms = new double[networks][];
        IntStream.range(0, networks).parallel().forEach(s -> {
            List<double[]> h = RandomMlp.sample(config, x.length, seeds[s]).hidden(x);
            double[] r = new double[depth + 1];
            r[0] = dot(x, x) / x.length;
            for (int l = 1; l <= depth; l++) r[l] = dot(h.get(l - 1), h.get(l - 1)) / h.get(l - 1).length;
            norms[s] = r;
        });
        Table t = Table.create("squared norms per unit, " + config.weights().name(), IntColumn.create("network"),
                IntColumn.create("layer"), DoubleColumn.create("squared norm"));
        for (int s = 0; s < networks; s++) {
            for (int l = 0; l <= depth; l++) {
                t.intColumn("network").append(s);
                t.intColumn("layer").append(l);
                t.doubleColumn("squared norm").append(norms[s][l]);
            }
        }
        return t;
    }

    private static long[] seeds(long seed, int networks) {
        Well19937c master = new Well19937c(seed);
        long[] seeds = new long[networks];
        for (int s = 0; s < networks; s++) seeds[s] = master.nextLong();
        return seeds;
    }

    private static double cosine(double[] a, double[] b) {
        double ab = dot(a, b), aa = dot(a, a), bb = dot(b, b);
        // a dead layer (all units off) carries no angle; report perfect alignment as PairKernel does
        return aa == 0 || bb == 0 ? 1.0 : ab / Math.sqrt(aa * bb);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
