package org.widenets.fixedpoint;

import java.util.Locale;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Checks;
import org.widenets.kernel.InputScaling;
import org.widenets.nn.GaussianWeights;

/**
 * The finite-width mirror of {@link DepthTrajectory}: one deep random network of width n, and the
 * cosine between the hidden-layer activation vectors φ(h^l(x)), φ(h^l(x′)) of two inputs at every layer
 * (Figures 2–3 of Tsuchida et al. 2021; shared/papers/elu-gelu-kernels.md §4.4, §5.2–5.3). As n → ∞
 * the cosine tends to {@link DepthTrajectory#postActivationCorrelation(int)}, with O(n^{-1/2})
 * fluctuations.
 *
 * <p>Network, as in the paper's scripts: h¹ = W¹x + b¹ with W¹ entries N(0, σ_w²·c), c = 1 for
 * {@link InputScaling#SUM} (the paper) or 1/d for {@link InputScaling#MEAN}; h^{l+1} = W^{l+1}φ(h^l) +
 * b^{l+1} with entries N(0, σ_w²/n) and biases N(0, σ_b²). Written here rather than taken from the
 * {@code nn} package because that package had no deep network with per-layer activations when this
 * was written; it only needs a forward pass of many inputs through one weight draw (an EJML product
 * per layer).
 *
 * <p>Randomness: layer l draws from its own Well19937c seeded with (seed, l), so the numbers depend only
 * on the seed.
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
        DMatrixRMaj in = new DMatrixRMaj(d, 2 * pairs);
        for (int p = 0; p < pairs; p++) {
            if (x[p].length != d || xPrime[p].length != d) {
                throw new IllegalArgumentException("every input needs dimension " + d + ", pair " + p + " has "
                        + x[p].length + " and " + xPrime[p].length);
            }
            Checks.finite("x[" + p + "]", x[p]);
            Checks.finite("xPrime[" + p + "]", xPrime[p]);
            for (int k = 0; k < d; k++) {
                in.set(k, 2 * p, x[p][k]);
                in.set(k, 2 * p + 1, xPrime[p][k]);
            }
        }
        double[][] cos = new double[depth][pairs];
        DMatrixRMaj a = in;
        for (int l = 1; l <= depth; l++) {
            int fanIn = a.numRows;
            double variance = l == 1 ? weightVariance * inputScaling.factor(d) : weightVariance / fanIn;
            RandomGenerator rng = new Well19937c(new int[] {(int) (seed >>> 32), (int) seed, l});
            DMatrixRMaj w = new DMatrixRMaj(width, fanIn);
            double[] row = new double[fanIn];
            GaussianWeights law = new GaussianWeights(variance);
            for (int i = 0; i < width; i++) {
                law.sampleRow(rng, row);
                System.arraycopy(row, 0, w.data, i * fanIn, fanIn);
            }
            double[] bias = new double[width];
            new GaussianWeights(biasVariance).sampleRow(rng, bias);
            DMatrixRMaj h = new DMatrixRMaj(width, a.numCols);
            CommonOps_DDRM.mult(w, a, h);
            for (int i = 0; i < width; i++) {
                for (int j = 0; j < h.numCols; j++) {
                    int k = i * h.numCols + j;
                    h.data[k] = activation.phi(h.data[k] + bias[i]);
                }
            }
            for (int p = 0; p < pairs; p++) cos[l - 1][p] = cosine(h, 2 * p, 2 * p + 1);
            a = h;
        }
        return cos;
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

    private static double cosine(DMatrixRMaj h, int c1, int c2) {
        double s11 = 0, s12 = 0, s22 = 0;
        for (int i = 0; i < h.numRows; i++) {
            double u = h.get(i, c1), v = h.get(i, c2);
            s11 += u * u;
            s12 += u * v;
            s22 += v * v;
        }
        if (!Double.isFinite(s11 + s22 + s12)) {
            throw new IllegalStateException("hidden activations overflowed: the variance of this network diverges"
                    + " with depth (see VarianceDynamics.fate)");
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
