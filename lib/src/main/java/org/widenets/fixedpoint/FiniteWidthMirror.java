package org.widenets.fixedpoint;

import java.util.Locale;
import java.util.Objects;
import java.util.List;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Checks;
import org.widenets.kernel.InputScaling;
import org.widenets.nn.MlpConfig;
import org.widenets.nn.RandomMlp;

/**
 * The finite-width mirror of {@link DepthTrajectory}: one deep random network of width n, and the
 * cosine between the hidden-layer activation vectors φ(h^l(x)), φ(h^l(x′)) of two inputs at every layer
 * (Figures 2–3 of Tsuchida et al. 2021; shared/papers/elu-gelu-kernels.md §4.4, §5.2–5.3). As n → ∞
 * the cosine tends to {@link DepthTrajectory#postActivationCorrelation(int)}, with O(n^{-1/2})
 * fluctuations.
 *
 * <p>The network is {@code nn.RandomMlp} (NTK parametrisation; with {@link InputScaling#SUM} the
 * first-layer weights are effectively N(0, σ_w²), hidden ones N(0, σ_w²/n), biases N(0, σ_b²), as in
 * the paper's scripts); one seed gives one network and the same numbers.
 *
 * @param activation     φ
 * @param weightVariance σ_w²
 * @param biasVariance   σ_b²
 * @param width          n, units per hidden layer
 * @param depth          L, hidden layers
 * @param inputScaling   first-layer convention
 */
public record FiniteWidthMirror(Activation activation, double weightVariance, double biasVariance, int width,
                                int depth, InputScaling inputScaling) {

    public FiniteWidthMirror {
        Objects.requireNonNull(activation, "activation");
        Checks.variance("weightVariance σ_w²", weightVariance);
        Checks.variance("biasVariance σ_b²", biasVariance);
        Checks.atLeast("width", width, 1);
        Checks.atLeast("depth", depth, 1);
        Objects.requireNonNull(inputScaling, "inputScaling");
    }

    /** The mirror of a layer map with the paper's first-layer convention ({@link InputScaling#SUM}). */
    public static FiniteWidthMirror of(KernelMap map, int width, int depth) {
        return new FiniteWidthMirror(map.activation(), map.weightVariance(), map.biasVariance(), width, depth,
                InputScaling.SUM);
    }

    /**
     * cos[l − 1][p] = ⟨φ(h^l(x_p)), φ(h^l(x′_p))⟩ / (‖φ(h^l(x_p))‖‖φ(h^l(x′_p))‖) for layers l = 1 … L and
     * pairs p, all through one network drawn from {@code seed}. A zero activation vector gives cosine 1
     * when both are zero and 0 otherwise (no NaN).
     *
     * @param x      first inputs, one row per pair (P × d)
     * @param xPrime second inputs (P × d)
     */
    public double[][] cosines(double[][] x, double[][] xPrime, long seed) {
        if (x.length != xPrime.length || x.length == 0) {
            throw new IllegalArgumentException("x and xPrime need the same positive number of rows, got "
                    + x.length + " and " + xPrime.length);
        }
        int pairs = x.length, d = x[0].length;
        RandomMlp net = RandomMlp.sample(config(), d, seed);
        double[][] cos = new double[depth][pairs];
        for (int p = 0; p < pairs; p++) {
            List<double[]> h = net.hidden(x[p]), g = net.hidden(xPrime[p]);
            for (int l = 0; l < depth; l++) cos[l][p] = cosine(h.get(l), g.get(l), l + 1);
        }
        return cos;
    }

    /** The finite network's architecture for {@code nn.RandomMlp}. */
    public MlpConfig config() {
        return MlpConfig.builder().width(width).depth(depth).activation(activation).weightVariance(weightVariance)
                .biasVariance(biasVariance).inputScaling(inputScaling).build();
    }

    /**
     * Pairs on a circle of radius r as in the paper's Figures 2–3: x = r·Q(1, 0), x′ = r·Q(cos θ⁰, sin θ⁰)
     * with an independent random orthogonal Q (rotation by a uniform angle, reflected with probability ½)
     * per pair, so that the errors of one network at different angles are not all alike.
     *
     * @return {x, x′}, each P × 2
     */
    public static double[][][] circlePairs(double radius, double[] angles, long seed) {
        Checks.positive("radius", radius);
        Checks.finite("angles", angles);
        RandomGenerator rng = new Well19937c(new int[] {(int) (seed >>> 32), (int) seed, -1});
        double[][] x = new double[angles.length][], y = new double[angles.length][];
        for (int p = 0; p < angles.length; p++) {
            double phi = 2 * Math.PI * rng.nextDouble();
            double flip = rng.nextBoolean() ? -1 : 1;
            x[p] = rotate(radius, 0, phi, flip);
            y[p] = rotate(radius * Math.cos(angles[p]), radius * Math.sin(angles[p]), phi, flip);
        }
        return new double[][][] {x, y};
    }

    private static double[] rotate(double a, double b, double phi, double flip) {
        double c = Math.cos(phi), s = Math.sin(phi);
        return new double[] {c * a - s * flip * b, s * a + c * flip * b};
    }

    /**
     * Figures 2–3 in numbers: for inputs on a circle of radius r at angles θ⁰, the infinite-width
     * normalised kernel ({@link DepthTrajectory#postActivationCorrelation}) and this network's cosine,
     * at the given layers.
     */
    public MirrorComparison compareOnCircle(double radius, double[] angles, int[] layers, long seed) {
        for (int l : layers) {
            if (l < 1 || l > depth) throw new IllegalArgumentException("layers must lie in [1, " + depth + "], got " + l);
        }
        double[][][] pairs = circlePairs(radius, angles, seed);
        double[][] finite = cosines(pairs[0], pairs[1], seed);
        KernelMap map = KernelMap.of(activation, weightVariance, biasVariance);
        double[][] theory = new double[layers.length][angles.length];
        double[][] network = new double[layers.length][angles.length];
        for (int p = 0; p < angles.length; p++) {
            DepthTrajectory t = DepthTrajectory.of(map, pairs[0][p], pairs[1][p], inputScaling, depth);
            for (int i = 0; i < layers.length; i++) {
                if (layers[i] > t.depth()) {
                    throw new IllegalStateException("the variance left the computable range (" + t.end()
                            + ") before layer " + layers[i] + ": " + t);
                }
                theory[i][p] = t.postActivationCorrelation(layers[i]);
                network[i][p] = finite[layers[i] - 1][p];
            }
        }
        return new MirrorComparison(toString(), angles, layers, theory, network);
    }

    private static double cosine(double[] u, double[] v, int layer) {
        double s11 = 0, s12 = 0, s22 = 0;
        for (int i = 0; i < u.length; i++) {
            s11 += u[i] * u[i];
            s12 += u[i] * v[i];
            s22 += v[i] * v[i];
        }
        if (!Double.isFinite(s11 + s22 + s12)) {
            throw new IllegalStateException("hidden activations overflowed at layer " + layer
                    + ": the variance of this network diverges with depth (see VarianceDynamics.fate)");
        }
        if (s11 == 0 || s22 == 0) return s11 == s22 ? 1 : 0;
        return s12 / Math.sqrt(s11 * s22);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s network, width %d, depth %d, σ_w² = %.6g, σ_b² = %.6g (%s inputs)",
                activation.name(), width, depth, weightVariance, biasVariance, inputScaling);
    }
}
